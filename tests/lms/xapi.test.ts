/**
 * The xAPI statements of a workshop call, in Node: name-based UUIDs (SHA-1 checked against Node's
 * own), one `answered` per decision and a `completed` with the score, every statement valid xAPI,
 * and the same run always giving the same statements, ids included.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/index.js';
import { callReport } from '../../src/lms/report.js';
import {
  DEFAULT_ACTIVITY_BASE,
  EXT_DONTS,
  EXT_LETTERS,
  EXT_TOTAL,
  VERBS,
  sha1,
  statementId,
  uuidV5,
  workshopStatements,
  type WorkshopRun,
} from '../../src/lms/xapi.js';
import { LIBRARY, golden } from '../support/workshop.js';
import { xapiProblems } from '../support/xapi.js';

const BEST = golden('dented-shelves-tell-me-about-it');
const ARGUED = golden('dented-shelves-argued-then-listened');
const SCENARIO = LIBRARY.find((s) => s.id === 'dented-shelves');
if (!SCENARIO) throw new Error('the shipped library has dented-shelves');

const run = (over: Partial<WorkshopRun> = {}): WorkshopRun => ({
  runId: 'a'.repeat(64),
  scenario: SCENARIO,
  transcript: BEST.transcript,
  startedAt: Date.parse('2026-11-25T09:00:00Z'),
  finishedAt: Date.parse('2026-11-25T09:05:00Z'),
  player: { id: 'p-123456789', nickname: 'Ana' },
  room: { code: 'K7PX3M', name: 'Tuesday workshop' },
  pass: null,
  homePage: 'http://192.168.1.20:4173/',
  activityBase: DEFAULT_ACTIVITY_BASE,
  ...over,
});

function statementsOf(input: WorkshopRun) {
  const made = workshopStatements(input);
  if (!made.ok) throw new Error(made.reason);
  return made.statements as (Record<string, unknown> & {
    id: string;
    verb: { id: string };
    object: { id: string; definition: Record<string, unknown> };
    result: Record<string, unknown> & { score?: Record<string, number>; success?: boolean };
    actor: unknown;
    timestamp: string;
  })[];
}

describe('name-based UUIDs', () => {
  it('hash with SHA-1 exactly as Node does, across block boundaries', () => {
    for (const length of [0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(Buffer.from(sha1(data)).toString('hex'), `${length} bytes`).toBe(
        createHash('sha1').update(data).digest('hex'),
      );
    }
  });

  it('are RFC 9562 version 5 UUIDs (the DNS namespace’s python.org, as Python makes it)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
    expect(statementId('run', 0)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow(/not a UUID/);
  });
});

describe('the statements of a workshop call', () => {
  it('are one answered per decision, then completed, each valid xAPI', () => {
    const report = callReport(SCENARIO, BEST.transcript, 1);
    if (!report.ok) throw new Error(report.reason);
    const statements = statementsOf(run());
    expect(statements).toHaveLength(report.interactions.length + 1);
    expect(report.interactions.length).toBeGreaterThan(1);
    expect(statements.map((s) => s.verb.id)).toEqual([
      ...report.interactions.map(() => VERBS.answered),
      VERBS.completed,
    ]);
    for (const s of statements) expect(xapiProblems(s), s.id).toEqual([]);
    // The validator does find faults: an agent with no way to identify them is one.
    expect(xapiProblems({ ...statements[0], actor: { objectType: 'Agent', name: 'Ana' } })).not.toEqual([]);
    // The player, as the workshop server knows them.
    for (const s of statements) {
      expect(s.actor).toEqual({
        objectType: 'Agent',
        name: 'Ana',
        account: { homePage: 'http://192.168.1.20:4173/', name: 'p-123456789' },
      });
    }
    // Each decision: its moment under the base IRI, how it was answered and how it went.
    report.interactions.forEach((x, i) => {
      const s = statements[i];
      expect(s?.object.id).toBe(`${DEFAULT_ACTIVITY_BASE}/scenarios/dented-shelves/moments/${x.moment}`);
      expect(s?.object.definition.interactionType).toBe(x.kind === 'choice' ? 'choice' : 'long-fill-in');
      expect(s?.result.success).toBe(x.correct);
      expect(s?.result.response).toBe(x.kind === 'choice' ? x.response : x.says);
      expect(s?.result.duration).toMatch(/^PT/);
      expect((s?.result.extensions as Record<string, unknown>)[EXT_LETTERS]).toHaveLength(x.letters.length);
      expect((s?.result.extensions as Record<string, unknown>)[EXT_DONTS]).toEqual(x.donts);
      // When it was said: the run's start plus the call's time.
      expect(s?.timestamp).toBe(new Date(run().startedAt + x.at).toISOString());
    });
    const completed = statements.at(-1);
    expect(completed?.object.id).toBe(`${DEFAULT_ACTIVITY_BASE}/scenarios/dented-shelves`);
    expect(completed?.result.score).toEqual({
      scaled: BEST.total / 1000,
      raw: Math.round(BEST.total / 10),
      min: 0,
      max: 100,
    });
    expect((completed?.result.extensions as Record<string, unknown>)[EXT_TOTAL]).toBe(BEST.total);
    expect(completed?.result.completion).toBe(true);
    // No pass mark: nothing is said about success.
    expect(completed?.result).not.toHaveProperty('success');
    expect(completed?.timestamp).toBe('2026-11-25T09:05:00.000Z');
  });

  it('say success against the room’s pass mark when it has one', () => {
    expect(statementsOf(run({ pass: BEST.total })).at(-1)?.result.success).toBe(true);
    expect(statementsOf(run({ pass: BEST.total + 1 })).at(-1)?.result.success).toBe(false);
  });

  it('tell a wrong decision from a right one', () => {
    const argued = statementsOf(run({ transcript: ARGUED.transcript }));
    const answered = argued.slice(0, -1);
    expect(answered.some((s) => s.result.success === false)).toBe(true);
    for (const s of argued) expect(xapiProblems(s), s.id).toEqual([]);
  });

  it('are the same for the same run, ids included, and differ for another run', () => {
    const once = statementsOf(run());
    expect(statementsOf(run())).toEqual(once);
    expect(new Set(once.map((s) => s.id)).size).toBe(once.length);
    once.forEach((s, i) => {
      expect(s.id).toBe(statementId('a'.repeat(64), i));
    });
    const other = statementsOf(run({ runId: 'b'.repeat(64) }));
    expect(other.map((s) => s.id).filter((id) => once.some((s) => s.id === id))).toEqual([]);
  });

  it('refuse a transcript that does not replay', () => {
    const broken = {
      ...BEST.transcript,
      events: BEST.transcript.events.slice(0, 1).concat(BEST.transcript.events.slice(0, 1)),
    };
    expect(replay(SCENARIO, broken).ok).toBe(false);
    expect(workshopStatements(run({ transcript: broken })).ok).toBe(false);
  });
});
