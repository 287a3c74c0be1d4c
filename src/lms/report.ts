/**
 * What a Keep Cool package tells a learning management system, worked out from the calls the
 * learner finished: the score, completion and success against the pass mark, one interaction per
 * decision (the moment, what was answered, the SOARING moves it used and the don'ts it broke,
 * correct or not against the best option) and one objective per move. Pure and deterministic (no
 * DOM, no clock): the same calls give the same report in the browser and in the tests; the
 * adapters (scorm.ts, cmi5.ts) only write it in each standard's words.
 */
import { z } from 'zod';
import {
  I_MESSAGE_RESPONSE,
  LETTERS,
  LETTER_NAMES,
  MODES,
  bestOption,
  initialState,
  replay,
  type Letter,
  type Mode,
  type Scenario,
  type ScoreResult,
} from '../engine/index.js';
import { own } from '../engine/own.js';

export const LMS_FORMATS = ['scorm12', 'scorm2004', 'cmi5'] as const;
export type LmsFormat = (typeof LMS_FORMATS)[number];

/** The standards by name, as the page and the docs say them. */
export const FORMAT_NAMES: Record<LmsFormat, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004',
  cmi5: 'cmi5',
};

/** The share of a move's opportunities a learner must take for its objective to pass (the course's). */
export const MOVE_PASS_SHARE = 0.7;

const ScenarioId = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/);

/**
 * How a package was made (`npm run package`): written into its page, read when it starts. The
 * calls it assigns, whether it is the whole course, the mode every call is played in and the pass
 * mark on the game's 0–1000 scale.
 */
export const PackageConfig = z.strictObject({
  format: z.enum(LMS_FORMATS),
  /** The course's or activity's identifier in the LMS: letters, digits, '-' and '_'. */
  identifier: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/),
  title: z.string().min(1).max(200),
  scenarios: z.array(ScenarioId).min(1).max(200),
  course: z.boolean(),
  mode: z.enum(MODES),
  pass: z.number().int().min(0).max(1000),
});
export type PackageConfig = z.infer<typeof PackageConfig>;

/** A finished call as the package keeps it (in its suspend data): enough to score the package. */
export interface FinishedCall {
  scenario: string;
  version: number;
  total: number;
  mode: Mode;
  /** [hits, opportunities] per letter, in LETTERS order. */
  moves: [number, number][];
}

export function finishedCall(scenario: Scenario, result: ScoreResult, mode: Mode): FinishedCall {
  return {
    scenario: scenario.id,
    version: scenario.version,
    total: result.total,
    mode,
    moves: LETTERS.map((l): [number, number] => [result.letters[l].hits, result.letters[l].opportunities]),
  };
}

export type Completion = 'completed' | 'incomplete';
export type Success = 'passed' | 'failed' | 'unknown';

export interface PackageScore {
  /** The package's score on the game's scale, 0–1000: the mean over its assigned calls. */
  total: number;
  /** As a percentage, 0–100 (score.raw, with min 0 and max 100). */
  raw: number;
  /** 0–1 (SCORM 2004's and cmi5's scaled score). */
  scaled: number;
  completion: Completion;
  success: Success;
  /** The assigned calls finished (in the package's mode) and how many there are. */
  finished: number;
  assigned: number;
}

/**
 * The call that counts for each assigned scenario: in assessment the first one finished, in
 * coach the best. Calls played in another mode do not count (a learner cannot switch an
 * assessment package to coaching for a second try).
 */
export function countedCalls(
  config: PackageConfig,
  calls: readonly FinishedCall[],
): Map<string, FinishedCall> {
  const counted = new Map<string, FinishedCall>();
  for (const call of calls) {
    if (call.mode !== config.mode || !config.scenarios.includes(call.scenario)) continue;
    const held = counted.get(call.scenario);
    if (!held || (config.mode === 'coach' && call.total > held.total)) counted.set(call.scenario, call);
  }
  return counted;
}

/**
 * The package's score: the mean of the counted totals over every assigned call (one not yet
 * played counts 0), complete once each has been finished, and passed or failed against the pass
 * mark only then.
 */
export function packageScore(config: PackageConfig, calls: readonly FinishedCall[]): PackageScore {
  const counted = countedCalls(config, calls);
  const sum = [...counted.values()].reduce((s, c) => s + c.total, 0);
  const assigned = config.scenarios.length;
  const total = Math.round(sum / assigned);
  const completion: Completion = counted.size === assigned ? 'completed' : 'incomplete';
  return {
    total,
    raw: Math.round(total / 10),
    scaled: Math.round(total) / 1000,
    completion,
    success: completion === 'completed' ? (total >= config.pass ? 'passed' : 'failed') : 'unknown',
    finished: counted.size,
    assigned,
  };
}

export interface MoveObjective {
  /** `soaring-S` and so on: letters, digits and '-', valid in every standard. */
  id: string;
  letter: Letter;
  description: string;
  hits: number;
  opportunities: number;
  /** Percentage of the opportunities taken, 0–100; null before any opportunity. */
  raw: number | null;
  success: Success;
  completion: Completion | 'not attempted';
}

export const objectiveId = (letter: Letter): string => `soaring-${letter}`;
export const dontObjectiveId = (dont: string): string => `dont-${dont}`;

/** One objective per SOARING move, over the counted calls: the share of its opportunities taken. */
export function moveObjectives(config: PackageConfig, calls: readonly FinishedCall[]): MoveObjective[] {
  const counted = [...countedCalls(config, calls).values()];
  return LETTERS.map((letter, i) => {
    const hits = counted.reduce((s, c) => s + (c.moves[i]?.[0] ?? 0), 0);
    const opportunities = counted.reduce((s, c) => s + (c.moves[i]?.[1] ?? 0), 0);
    const raw = opportunities === 0 ? null : Math.round((100 * hits) / opportunities);
    return {
      id: objectiveId(letter),
      letter,
      description: `${letter}: ${LETTER_NAMES[letter]}`,
      hits,
      opportunities,
      raw,
      success: raw === null ? 'unknown' : raw >= MOVE_PASS_SHARE * 100 ? 'passed' : 'failed',
      completion: opportunities === 0 ? 'not attempted' : 'completed',
    };
  });
}

/** How a decision was answered, as the standards' interaction types see it. */
export type AnswerKind = 'choice' | 'typed' | 'i-message';

export interface DecisionInteraction {
  /** `c2-the-long-story-d3`: the learner's 2nd call in the package, its 3rd decision. */
  id: string;
  kind: AnswerKind;
  scenario: string;
  /** The moment (node id) and the customer's line there, as said. */
  moment: string;
  /** The response's id (an I-message is `i-message`); for a typed answer, the typed words. */
  response: string;
  /** Its position among the moment's written answers (0-based), for SCORM 1.2's one-letter choices. */
  responseIndex: number;
  /** The answer's words: the written line, the assembled I-message, or what was typed. */
  says: string;
  /** How many written answers the moment offered. */
  choices: number;
  /** The best option's id, and its position among the written answers (-1 for the I-message). */
  best: string;
  bestIndex: number;
  correct: boolean;
  /** The SOARING moves the answer earned, and the don'ts (and method slips) it broke. */
  letters: Letter[];
  donts: string[];
  /** Call time of the answer, ms from the call's start, and the time the learner took over it. */
  at: number;
  latencyMs: number;
  /** A short account for the LMS's reports (SCORM 2004's description holds 250 characters). */
  description: string;
}

/** An id with only letters, digits and '-': the I-message's internal '#' is not one. */
const plainId = (id: string): string => (id === I_MESSAGE_RESPONSE ? 'i-message' : id);

export type CallReport =
  { ok: true; result: ScoreResult; interactions: DecisionInteraction[] } | { ok: false; reason: string };

/**
 * A finished call replayed, with one interaction per decision: `call` is the call's number in the
 * package (1 for the learner's first). Correct means the moment's best option with no fault in it
 * (no don't, no slip). Latency is the time from the customer finishing their line to the answer.
 */
export function callReport(scenario: Scenario, transcript: unknown, call: number): CallReport {
  const replayed = replay(scenario, transcript);
  if (!replayed.ok) return { ok: false, reason: replayed.reason };
  // When the customer finished the line each answer replied to: the state before its event.
  const finishedAt: number[] = [];
  let before = initialState(scenario).finishedAt;
  for (const record of replayed.records) {
    if (record.event.kind === 'choice' || record.event.kind === 'i-message' || record.event.kind === 'typed')
      finishedAt.push(before);
    before = record.after.finishedAt;
  }
  const { result } = replayed;
  return { ok: true, result, interactions: decisionInteractions(scenario, result, call, finishedAt) };
}

function decisionInteractions(
  scenario: Scenario,
  result: ScoreResult,
  call: number,
  finishedAt: readonly number[],
): DecisionInteraction[] {
  return result.decisions.map((d, i) => {
    const node = own(scenario.nodes, d.node);
    const written = node?.responses ?? [];
    const best = node ? bestOption(scenario, d.node, node) : null;
    const kind: AnswerKind = d.kind === 'choice' ? 'choice' : d.kind === 'typed' ? 'typed' : 'i-message';
    const response = plainId(d.response);
    // The answer's own don'ts and the slips in how it was given (bait taken, a flawed I-message).
    const donts = [
      ...new Set(
        result.donts.filter((x) => x.node === d.node && x.response === d.response).map((x) => x.dont),
      ),
    ];
    const correct = d.better === null && donts.length === 0;
    const letters = d.hits;
    const bestId = best ? plainId(best.id) : response;
    const shown = letters.length ? letters.join(', ') : 'none';
    const broken = donts.length ? donts.join(', ') : 'none';
    return {
      id: `c${call}-${scenario.id}-d${i + 1}`,
      kind,
      scenario: scenario.id,
      moment: d.node,
      response: kind === 'typed' ? d.says : response,
      responseIndex: written.findIndex((r) => r.id === d.response),
      says: d.says,
      choices: written.length,
      best: bestId,
      bestIndex: best ? written.findIndex((r) => r.id === best.id) : -1,
      correct,
      letters,
      donts,
      at: d.at,
      latencyMs: Math.max(0, d.at - (finishedAt[i] ?? d.at)),
      description: clip(`${scenario.title}, ${d.node}: moves ${shown}; don'ts ${broken}`, 250),
    };
  });
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
