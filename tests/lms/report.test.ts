/**
 * What a package reports to an LMS, in Node: the package's score and statuses, one interaction per
 * decision, the move objectives, each SCORM version's values, the suspend data within its cap, and
 * the bridge that turns the game's saves into reports and resumes from what the LMS kept.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LETTERS, initialState, replay, type Transcript } from '../../src/engine/index.js';
import { PROGRESS_KEY, progressStore, withAttempt } from '../../src/device/progress.js';
import { startPackage } from '../../src/lms/bridge.js';
import type { LmsConnection, LmsUpdate } from '../../src/lms/connection.js';
import {
  callReport,
  moveObjectives,
  packageScore,
  type FinishedCall,
  type PackageConfig,
} from '../../src/lms/report.js';
import { duration2004, scormPairs, timespan12 } from '../../src/lms/scorm-model.js';
import { SUSPEND_LIMIT, decodeSuspend, encodeSuspend } from '../../src/lms/suspend.js';
import { suspendFits, withConfig } from '../../src/cli/packager.js';
import { loadFile } from '../support/scenarios.js';

const golden = (name: string) =>
  (JSON.parse(readFileSync(`tests/fixtures/calls/${name}.json`, 'utf8')) as { transcript: Transcript })
    .transcript;

const config = (over: Partial<PackageConfig> = {}): PackageConfig => ({
  format: 'scorm2004',
  identifier: 'keep-cool-test',
  title: 'Test',
  scenarios: ['a', 'b'],
  course: false,
  mode: 'coach',
  pass: 700,
  ...over,
});

const call = (scenario: string, total: number, mode: 'coach' | 'assessment' = 'coach'): FinishedCall => ({
  scenario,
  version: 1,
  total,
  mode,
  moves: LETTERS.map((_, i): [number, number] => [i === 0 ? 1 : 0, i === 0 ? 2 : 0]),
});

describe('the package score', () => {
  it('is the mean over every assigned call, incomplete and unjudged until each is finished', () => {
    const one = packageScore(config(), [call('a', 800)]);
    expect(one).toMatchObject({
      total: 400,
      raw: 40,
      scaled: 0.4,
      completion: 'incomplete',
      success: 'unknown',
    });
    expect(one.finished).toBe(1);
    const both = packageScore(config(), [call('a', 800), call('b', 700)]);
    expect(both).toMatchObject({
      total: 750,
      raw: 75,
      scaled: 0.75,
      completion: 'completed',
      success: 'passed',
    });
    expect(packageScore(config({ pass: 800 }), [call('a', 800), call('b', 700)]).success).toBe('failed');
  });

  it('counts the best call in coach mode and the first in assessment; calls in the other mode not at all', () => {
    const calls = [call('a', 500), call('a', 900), call('b', 700)];
    expect(packageScore(config(), calls).total).toBe(800);
    const assessed = [
      call('a', 500, 'assessment'),
      call('a', 900, 'assessment'),
      call('b', 700, 'assessment'),
    ];
    expect(packageScore(config({ mode: 'assessment' }), assessed).total).toBe(600);
    // A coached replay cannot stand in for an assessed call.
    expect(packageScore(config({ mode: 'assessment' }), [call('a', 1000), call('b', 1000)])).toMatchObject({
      finished: 0,
      completion: 'incomplete',
    });
  });

  it('gives one objective per move: the share of its opportunities taken, passed from 70%', () => {
    const objectives = moveObjectives(config(), [call('a', 800), call('b', 700)]);
    expect(objectives.map((o) => o.id)).toEqual(LETTERS.map((l) => `soaring-${l}`));
    expect(objectives[0]).toMatchObject({
      hits: 2,
      opportunities: 4,
      raw: 50,
      success: 'failed',
      completion: 'completed',
    });
    expect(objectives[1]).toMatchObject({ raw: null, success: 'unknown', completion: 'not attempted' });
  });
});

describe('a call reported decision by decision', () => {
  const scenario = loadFile('scenarios/clinic-missed-slot.yaml');
  const best = callReport(scenario, golden('clinic-missed-slot-best'), 1);
  const worst = callReport(scenario, golden('clinic-missed-slot-worst'), 2);
  if (!best.ok || !worst.ok) throw new Error('the goldens replay');

  it('has one interaction per decision, with identifiers every standard accepts', () => {
    expect(best.interactions).toHaveLength(best.result.decisions.length);
    expect(worst.interactions).toHaveLength(worst.result.decisions.length);
    for (const x of [...best.interactions, ...worst.interactions])
      expect(x.id).toMatch(/^c[12]-clinic-missed-slot-d\d+$/);
    expect(new Set(best.interactions.map((x) => x.id)).size).toBe(best.interactions.length);
  });

  it('marks the best path correct with its moves, and the worst wrong with the don’ts it broke', () => {
    expect(best.interactions.every((x) => x.correct)).toBe(true);
    expect(best.interactions.flatMap((x) => x.letters).length).toBeGreaterThan(best.interactions.length);
    expect(worst.interactions.filter((x) => x.correct)).toHaveLength(0);
    const broken = worst.interactions.flatMap((x) => x.donts);
    expect(broken.length).toBeGreaterThanOrEqual(worst.result.decisions.flatMap((d) => d.breaks).length);
    // Each answer's don'ts are its own: the worst decision breaks what its response says it breaks.
    for (const [i, d] of worst.result.decisions.entries()) {
      for (const dont of d.breaks) expect(worst.interactions[i]?.donts).toContain(dont);
    }
  });

  it('gives latency from the customer finishing to the answer', () => {
    const first = best.interactions[0];
    expect(first?.latencyMs).toBe((first?.at ?? 0) - initialState(scenario).finishedAt);
    for (const x of best.interactions) expect(x.latencyMs).toBeGreaterThan(0);
  });
});

describe('SCORM values', () => {
  const scenario = loadFile('scenarios/clinic-missed-slot.yaml');
  const made = callReport(scenario, golden('clinic-missed-slot-worst'), 1);
  if (!made.ok) throw new Error(made.reason);
  const calls = [call('clinic-missed-slot', made.result.total)];
  const cfg = config({ scenarios: ['clinic-missed-slot'] });
  const update: LmsUpdate = {
    score: packageScore(cfg, calls),
    objectives: moveObjectives(cfg, calls),
    interactions: made.interactions.map((interaction, index) => ({
      index,
      interaction,
      answeredAt: new Date(Date.UTC(2026, 11, 2, 9, 30, index)),
    })),
    suspend: '{}',
    location: 'clinic-missed-slot',
  };

  it('in SCORM 1.2: one-letter choices, wrong not incorrect, HHHH:MM:SS.SS latency, id before the rest', () => {
    const pairs = scormPairs('scorm12', update);
    const get = (e: string) => pairs.find(([k]) => k === e)?.[1];
    expect(get('cmi.core.score.raw')).toBe(String(Math.round(made.result.total / 10)));
    expect(get('cmi.core.lesson_status')).toBe(made.result.total >= 700 ? 'passed' : 'failed');
    for (let n = 0; n < made.interactions.length; n++) {
      const at = `cmi.interactions.${n}`;
      const keys = pairs.filter(([k]) => k.startsWith(`${at}.`)).map(([k]) => k);
      expect(keys[0]).toBe(`${at}.id`);
      expect(get(`${at}.id`)).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
      expect(get(`${at}.student_response`)).toMatch(/^[a-z]$/);
      expect(get(`${at}.correct_responses.0.pattern`)).toMatch(/^[a-z]$/);
      expect(get(`${at}.result`)).toBe('wrong');
      expect(get(`${at}.latency`)).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
      expect(get(`${at}.time`)).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    }
  });

  it('in SCORM 2004: scaled score, ISO durations and timestamps, incorrect', () => {
    const pairs = scormPairs('scorm2004', update);
    const get = (e: string) => pairs.find(([k]) => k === e)?.[1];
    expect(get('cmi.score.scaled')).toBe(String(Math.round(made.result.total) / 1000));
    expect(get('cmi.completion_status')).toBe('completed');
    expect(get('cmi.interactions.0.result')).toBe('incorrect');
    expect(get('cmi.interactions.0.latency')).toMatch(/^PT(\d+H)?(\d+M)?[\d.]+S$/);
    expect(get('cmi.interactions.0.timestamp')).toBe('2026-12-02T09:30:00.00Z');
    expect(get('cmi.interactions.0.learner_response')).toBe(made.interactions[0]?.response);
  });

  it('writes times in each version’s format', () => {
    expect(timespan12(0)).toBe('00:00:00.00');
    expect(timespan12(3_723_450)).toBe('01:02:03.45');
    expect(duration2004(3_723_450)).toBe('PT1H2M3.45S');
    expect(duration2004(1500)).toBe('PT1.5S');
  });
});

describe('suspend data', () => {
  const event = { kind: 'choice' as const, at: 900, node: 'opening', response: 'x'.repeat(60) };
  const inProgress = {
    kind: 'keep-cool-call' as const,
    version: 1 as const,
    scenario: { id: 'a', version: 1 },
    elapsed: 1200,
    events: [event],
  };

  it('reads back what it wrote', () => {
    const progress = { counted: [call('a', 640)], others: [call('a', 420)], finished: 3, inProgress };
    expect(decodeSuspend(encodeSuspend(progress, SUSPEND_LIMIT.scorm2004))).toEqual({
      progress,
      problem: null,
    });
  });

  it('drops the call in progress, not the finished calls, when SCORM 1.2’s 4,096 characters would not hold it', () => {
    const long = { ...inProgress, events: Array.from({ length: 80 }, () => ({ ...event })) };
    const text = encodeSuspend(
      { counted: [call('a', 640)], others: [], finished: 1, inProgress: long },
      SUSPEND_LIMIT.scorm12,
    );
    expect(text.length).toBeLessThanOrEqual(4096);
    const back = decodeSuspend(text).progress;
    expect(back.inProgress).toBeNull();
    expect(back.counted).toEqual([call('a', 640)]);
  });

  it('lets the oldest other calls give way first, then the call in progress', () => {
    const name = 'a-scenario-with-a-long-name';
    const others = Array.from({ length: 80 }, (_, i) => call(name, i));
    const text = encodeSuspend(
      { counted: [call('a', 900)], others, finished: 81, inProgress },
      SUSPEND_LIMIT.scorm12,
    );
    expect(text.length).toBeLessThanOrEqual(4096);
    const back = decodeSuspend(text).progress;
    expect(back.inProgress).toEqual(inProgress);
    expect(back.counted).toEqual([call('a', 900)]);
    // The newest ones stay, up to the newest of all.
    expect(back.others.length).toBeGreaterThan(10);
    expect(back.others.length).toBeLessThan(80);
    expect(back.others.at(-1)).toEqual(call(name, 79));
    expect(back.others[0]?.total).toBe(80 - back.others.length);
  });

  it('starts afresh, saying why, from suspend data that is not ours', () => {
    expect(decodeSuspend('').problem).toBeNull();
    expect(decodeSuspend('bookmark=3').problem).toMatch(/not JSON/);
    expect(decodeSuspend('{"v":2}').problem).toMatch(/could not be read/);
  });

  it('refuses a SCORM 1.2 package with more calls than its suspend data can always hold', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `a-long-scenario-name-number-${i}`);
    expect(suspendFits('scorm12', ids(16))).toBe(true);
    expect(suspendFits('scorm12', ids(60))).toBe(false);
    expect(suspendFits('scorm2004', ids(60))).toBe(true);
  });
});

describe('the bridge', () => {
  const scenario = loadFile('scenarios/routine-gift-receipt.yaml');
  const transcript = golden('routine-gift-receipt-typical');
  const cfg = config({ scenarios: [scenario.id], format: 'scorm12' });
  const fake = (suspended = '', interactions = 0) => {
    const updates: LmsUpdate[] = [];
    let finished = 0;
    const connection: LmsConnection = {
      format: 'scorm12',
      learner: null,
      resumed: suspended !== '',
      suspended,
      interactions,
      problems: [],
      write: (u) => {
        updates.push(u);
        return Promise.resolve();
      },
      finish: () => {
        finished += 1;
      },
    };
    return { connection, updates, finished: () => finished };
  };

  it('reports a finished call the game saves, and resumes from what the LMS kept', () => {
    const lms = fake();
    const session = startPackage(cfg, [scenario], lms.connection);
    expect(lms.updates).toHaveLength(1);
    expect(lms.updates[0]?.score.completion).toBe('incomplete');
    // The game runs on the package's storage: its settings say the package's mode.
    expect(JSON.parse(session.storage.getItem('keep-cool:settings') ?? '{}')).toMatchObject({
      mode: 'coach',
    });

    const store = progressStore(session.storage);
    const replayed = replay(scenario, transcript);
    if (!replayed.ok) throw new Error(replayed.reason);
    store.save(
      withAttempt(store.load().value, transcript, replayed.result, new Date('2026-12-02T10:00:00Z')),
    );
    const last = lms.updates.at(-1);
    expect(last?.interactions.map((i) => i.index)).toEqual(replayed.result.decisions.map((_, n) => n));
    expect(last?.score).toMatchObject({
      finished: 1,
      completion: 'completed',
      raw: Math.round(replayed.result.total / 10),
    });
    session.finish();
    expect(lms.finished()).toBe(1);

    // Next session: the LMS hands back the suspend data and the number of interactions it holds.
    const again = fake(last?.suspend ?? '', last?.interactions.length ?? 0);
    const resumed = startPackage(cfg, [scenario], again.connection);
    const progress = JSON.parse(resumed.storage.getItem(PROGRESS_KEY) ?? '{}') as { attempts: unknown[] };
    expect(progress.attempts).toHaveLength(1);
    expect(resumed.status().score).toEqual(last?.score);
    // A second call's interactions are numbered after the first's, as c2-….
    const store2 = progressStore(resumed.storage);
    store2.save(
      withAttempt(store2.load().value, transcript, replayed.result, new Date('2026-12-02T11:00:00Z')),
    );
    const second = again.updates.at(-1)?.interactions ?? [];
    expect(second[0]?.index).toBe(replayed.result.decisions.length);
    expect(second[0]?.interaction.id).toMatch(/^c2-/);

    // The second call (same total, so not the counted one) is kept too, and comes back next time:
    // a course chapter passed on it stays passed.
    const third = fake(again.updates.at(-1)?.suspend ?? '');
    const later = startPackage(cfg, [scenario], third.connection);
    const attempts = (
      JSON.parse(later.storage.getItem(PROGRESS_KEY) ?? '{}') as { attempts: { moves: unknown }[] }
    ).attempts;
    expect(attempts).toHaveLength(2);
    expect(attempts.every((a) => Array.isArray(a.moves))).toBe(true);
    expect(later.status().score).toEqual(again.updates.at(-1)?.score);
  });

  it('keeps a call in progress in the suspend data, and plays on without an LMS', () => {
    const lms = fake();
    const session = startPackage(cfg, [scenario], lms.connection);
    const store = progressStore(session.storage);
    const inProgress = {
      kind: 'keep-cool-call' as const,
      version: 1 as const,
      scenario: { id: scenario.id, version: scenario.version },
      elapsed: 7000,
      events: transcript.events.slice(0, 1),
    };
    store.save({ ...store.load().value, inProgress });
    expect(decodeSuspend(lms.updates.at(-1)?.suspend ?? '').progress.inProgress).toEqual(inProgress);

    const alone = startPackage(cfg, [scenario], null);
    expect(alone.status()).toMatchObject({ reporting: false, problems: [] });
  });
});

describe('the package page', () => {
  it('carries its settings as JSON that cannot close its own tag', () => {
    const html = withConfig('<html><head></head><body></body></html>', config({ title: '</script><b>x' }));
    expect(html).toContain('<script id="keep-cool-package" type="application/json">');
    expect(html).not.toContain('</script><b>');
    const json =
      /<script id="keep-cool-package" type="application\/json">(.*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(json)).toMatchObject({ title: '</script><b>x' });
  });
});
