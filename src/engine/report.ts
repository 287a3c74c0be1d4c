/**
 * The trainer's report on a scenario: where its paths end, its best and worst path, the range of
 * each SOARING letter, the answer that most often leads to escalation, and warnings when the scoring
 * lets a bad path win. Bounded: past `limit` paths it samples random walks and says so.
 */
import { BLIND_NAMES, blindStrategies, blindThreshold, blindWinners, type BlindResult } from './blind.js';
import { responseFaults } from './better.js';
import { methodTimeOut, modelIMessage } from './method.js';
import { methodRecords } from './method-path.js';
import { CALM_MS } from './mood.js';
import { paths } from './paths.js';
import { seededRandom } from './shift.js';
import type { Scenario } from './schema.js';
import { own } from './own.js';
import { I_MESSAGE_RESPONSE, scoreRecords, type ScoreResult } from './score.js';
import { isGoodEnding } from './score-rules.js';
import { calmChoice, initialState, memoryKey, step, type StepRecord } from './step.js';
import type { TranscriptEvent } from './transcript.js';
import { LETTERS, type Letter } from './vocabulary.js';

export interface PathSummary {
  total: number;
  ending: string;
  /** node/response for every answer, in order. */
  answers: string[];
}

export interface ScenarioReport {
  /** Paths looked at, and whether they are all of them or a random sample. */
  paths: number;
  sampled: boolean;
  endings: { id: string; kind: string; paths: number; share: number }[];
  best: PathSummary | null;
  worst: PathSummary | null;
  /** Lowest and highest share of a letter's opportunities a path takes (0–1); absent if never offered. */
  letters: Partial<Record<Letter, { min: number; max: number }>>;
  /** The answer whose paths most often end escalated or hung up: the share, of how many paths. */
  escalation: { answer: string; share: number; paths: number } | null;
  /** What blind strategies score: a test-wise trainee who reads only the answers' length or order. */
  blind: BlindResult[];
  /** The median total of the paths that commit no fault (null when every path has one). */
  typicalClean: number | null;
  warnings: string[];
}

/** A path ending badly that scores this much or more is winning when it should not (grade B). */
const BAD_WIN = 700;

const answerKey = (event: TranscriptEvent) =>
  `${event.node}/${event.kind === 'choice' || event.kind === 'typed' ? event.response : event.kind === 'i-message' ? I_MESSAGE_RESPONSE : event.kind}`;

/** One random path, answering calmly; null if it walks into a loop. */
function randomWalk(scenario: Scenario, random: () => number, tried: { steps: number }): StepRecord[] | null {
  let state = initialState(scenario);
  const records: StepRecord[] = [];
  for (let guard = 0; state.node !== null; guard++, tried.steps++) {
    if (guard > 500) return null;
    const node = own(scenario.nodes, state.node);
    if (!node) return null;
    const at = state.finishedAt + CALM_MS;
    const model = modelIMessage(scenario, state.node);
    const count = node.responses.length + (model ? 1 : 0);
    const pick = Math.floor(random() * count);
    const response = node.responses[pick];
    const event: TranscriptEvent = response
      ? { kind: 'choice', at, node: state.node, response: response.id }
      : { kind: 'i-message', at, node: state.node, parts: (model ?? []).map((p) => p.id) };
    const result = step(scenario, state, event);
    if (!result.ok) return null;
    records.push(result.record);
    state = result.state;
  }
  return records;
}

/** Paths walked one by one, at most, before a report switches to a random sample. */
export const WALK_PATH_LIMIT = 20_000;
/** Answers walked, at most, by one check or report (paths or samples): a big file stays fast. */
export const REPORT_STEP_BUDGET = 150_000;

export interface WalkedPath {
  records: StepRecord[];
  score: ScoreResult;
}

export interface Walk {
  /** Every path (up to the limits), or a random sample when there are more. */
  paths: WalkedPath[];
  sampled: boolean;
}

export interface WalkOptions {
  limit?: number;
  samples?: number;
  seed?: number;
  stepBudget?: number;
}

/**
 * The paths a summary and a report are made from: all of them, calmly answered, while there are at
 * most `limit` and they fit the step budget; otherwise a seeded random sample. The check's summary
 * and the report read the same walk, so their path counts and score ranges always agree.
 */
export function walkScenario(scenario: Scenario, options: WalkOptions = {}): Walk {
  const limit = options.limit ?? WALK_PATH_LIMIT;
  const samples = options.samples ?? 5_000;
  const budget = options.stepBudget ?? REPORT_STEP_BUDGET;
  const all: StepRecord[][] = [];
  let sampled = false;
  let steps = 0;
  for (const path of paths(scenario)) {
    if (all.length >= limit || steps >= budget) {
      sampled = true;
      break;
    }
    all.push(path.records);
    steps += path.records.length;
  }
  let walks = all;
  if (sampled) {
    // Random walks, as many as the sample size and the step budget allow (walks that wander in a
    // loop count against the budget too). If none finishes, the paths walked so far stand in.
    const random = seededRandom(options.seed ?? 1);
    const tried = { steps: 0 };
    const sample: StepRecord[][] = [];
    for (let i = 0; i < samples * 2 && sample.length < samples && tried.steps < budget; i++) {
      const walk = randomWalk(scenario, random, tried);
      if (walk) sample.push(walk);
    }
    if (sample.length > 0) walks = sample;
  }
  return { paths: walks.map((records) => ({ records, score: scoreRecords(scenario, records) })), sampled };
}

/** The median of the totals of paths that commit no fault: what a clean play typically scores. */
export function typicalCleanTotal(walk: Walk): number | null {
  const clean = walk.paths
    .filter((p) => p.score.donts.length === 0)
    .map((p) => p.score.total)
    .sort((a, b) => a - b);
  if (clean.length === 0) return null;
  return clean[Math.floor((clean.length - 1) / 2)] ?? null;
}

export function scenarioReport(
  scenario: Scenario,
  options: WalkOptions & { walk?: Walk; blind?: BlindResult[] } = {},
): ScenarioReport {
  const walk = options.walk ?? walkScenario(scenario, options);
  const sampled = walk.sampled;
  const endingCounts = new Map<string, number>();
  const letters: ScenarioReport['letters'] = {};
  const through = new Map<string, { paths: number; bad: number }>();
  let best: { score: ScoreResult; records: StepRecord[] } | null = null;
  let worst: { score: ScoreResult; records: StepRecord[] } | null = null;
  let badWin: { score: ScoreResult; records: StepRecord[] } | null = null;
  let cleanFloor: { score: ScoreResult; records: StepRecord[] } | null = null;
  let dirtyTop: { score: ScoreResult; records: StepRecord[] } | null = null;

  for (const { records, score } of walk.paths) {
    const endingId = score.ending?.id ?? '';
    endingCounts.set(endingId, (endingCounts.get(endingId) ?? 0) + 1);
    for (const l of LETTERS) {
      const ratio = score.letters[l].ratio;
      if (ratio === null) continue;
      const range = (letters[l] ??= { min: ratio, max: ratio });
      range.min = Math.min(range.min, ratio);
      range.max = Math.max(range.max, ratio);
    }
    const bad = score.ending !== null && !isGoodEnding(score.ending);
    for (const key of new Set(records.map((r) => answerKey(r.event)))) {
      const t = through.get(key) ?? { paths: 0, bad: 0 };
      t.paths++;
      if (bad) t.bad++;
      through.set(key, t);
    }
    if (!best || score.total > best.score.total) best = { score, records };
    if (!worst || score.total < worst.score.total) worst = { score, records };
    if (bad && score.total >= BAD_WIN && (!badWin || score.total > badWin.score.total))
      badWin = { score, records };
    if (score.donts.length === 0) {
      if (!cleanFloor || score.total < cleanFloor.score.total) cleanFloor = { score, records };
    } else if (score.donts.length >= 3 && (!dirtyTop || score.total > dirtyTop.score.total))
      dirtyTop = { score, records };
  }

  const summarize = (p: { score: ScoreResult; records: StepRecord[] } | null): PathSummary | null =>
    p && {
      total: p.score.total,
      ending: p.score.ending?.id ?? '',
      answers: p.records
        .filter((r) => r.event.kind === 'choice' || r.event.kind === 'i-message' || r.event.kind === 'typed')
        .map((r) => answerKey(r.event)),
    };
  // The answer whose paths end badly most often (by share; on a tie, the one on more paths).
  let escalation: ScenarioReport['escalation'] = null;
  for (const [answer, t] of through) {
    if (t.bad === 0) continue;
    const share = t.bad / t.paths;
    if (
      !escalation ||
      share > escalation.share ||
      (share === escalation.share && t.paths > escalation.paths)
    ) {
      escalation = { answer, share, paths: t.paths };
    }
  }
  const warnings: string[] = [];
  if (badWin) {
    warnings.push(
      `a path that ends '${badWin.score.ending?.id ?? ''}' (${badWin.score.ending?.kind ?? ''}) scores ${badWin.score.total}: lower its outcome or raise the cost of its answers (${summarize(badWin)?.answers.join(' → ') ?? ''})`,
    );
  }
  if (dirtyTop && cleanFloor && dirtyTop.score.total > cleanFloor.score.total) {
    warnings.push(
      `a bad path beats a clean path: ${summarize(dirtyTop)?.answers.join(' → ') ?? ''} (${dirtyTop.score.donts.length} faults, ends '${dirtyTop.score.ending?.id ?? ''}') scores ${dirtyTop.score.total}, more than ${summarize(cleanFloor)?.answers.join(' → ') ?? ''} (no fault, ends '${cleanFloor.score.ending?.id ?? ''}') at ${cleanFloor.score.total}: check the don'ts' anger and the endings they reach`,
    );
  }
  const pays = dontThatPays(scenario, walk);
  if (pays) warnings.push(pays);
  const blind = options.blind ?? blindStrategies(scenario);
  const typicalClean = typicalCleanTotal(walk);
  for (const b of blindWinners(blind, typicalClean)) {
    warnings.push(
      `a blind strategy wins: ${BLIND_NAMES[b.strategy]} scores ${b.total}, at or above ${blindThreshold(typicalClean)} (grade C, or a typical clean play if lower): vary which answer is longest and which comes first, and write long wrong answers`,
    );
  }
  const total = walk.paths.length;
  return {
    paths: total,
    sampled,
    endings: Object.entries(scenario.endings).map(([id, e]) => {
      const n = endingCounts.get(id) ?? 0;
      return { id, kind: e.kind, paths: n, share: total === 0 ? 0 : n / total };
    }),
    best: summarize(best),
    worst: summarize(worst),
    letters,
    escalation,
    blind,
    typicalClean,
    warnings,
  };
}

/** Moments compared, at most, when looking for a don't that pays. */
const PAYS_STATE_LIMIT = 3_000;

/**
 * A moment where an answer that breaks a don't, followed by the better options, scores more than a
 * clean answer followed by the better options: the scenario rewards the mistake (usually because
 * the clean answer's branch gives no chance to show what the recovery does). The first one found.
 */
function dontThatPays(scenario: Scenario, walk: Walk): string | null {
  const seen = new Set<string>();
  for (const { records } of walk.paths) {
    let state = initialState(scenario);
    for (let i = 0; i < records.length && seen.size < PAYS_STATE_LIMIT; i++) {
      const before = state;
      state = records[i]?.after ?? state;
      const nodeId = before.node;
      const node = nodeId === null ? undefined : own(scenario.nodes, nodeId);
      if (!node || nodeId === null) break;
      const key = `${nodeId}|${before.anger}|${before.trust}|${before.composure}|${memoryKey(before)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const prefix = records.slice(0, i);
      const value = (response: string) => {
        const breath = methodTimeOut(scenario, before);
        const breathed = breath ? step(scenario, before, breath) : null;
        const ready = breathed?.ok ? breathed.state : before;
        const answered = step(scenario, ready, calmChoice(ready, nodeId, response));
        if (!answered.ok) return null;
        const rest = methodRecords(scenario, answered.state);
        const breathing = breathed?.ok ? [breathed.record] : [];
        return scoreRecords(scenario, [...prefix, ...breathing, answered.record, ...rest]).total;
      };
      // The weakest clean answer here, followed by the better options.
      let beaten: { id: string; total: number } | null = null;
      for (const r of node.responses) {
        if (responseFaults(node, r) > 0) continue;
        const total = value(r.id);
        if (total !== null && (!beaten || total < beaten.total)) beaten = { id: r.id, total };
      }
      if (!beaten) continue;
      for (const r of node.responses) {
        if (responseFaults(node, r) === 0) continue;
        const v = value(r.id);
        if (v === null || v <= beaten.total) continue;
        return `a don't pays at '${nodeId}': ${nodeId}/${r.id} (${r.breaks.join(', ') || 'early I-message'}) then the better options scores ${v}, more than ${nodeId}/${beaten.id} (clean) then the better options at ${beaten.total}: give the clean answer's branch a chance to show what the recovery shows, or make the mistake cost more`;
      }
    }
  }
  return null;
}
