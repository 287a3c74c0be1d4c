/**
 * The trainer's report on a scenario: where its paths end, its best and worst path, the range of
 * each SOARING letter, the answer that most often leads to escalation, and warnings when the scoring
 * lets a bad path win. Bounded: past `limit` paths it samples random walks and says so.
 */
import { modelIMessage } from './method.js';
import { CALM_MS, paths } from './paths.js';
import { seededRandom } from './shift.js';
import type { Scenario } from './schema.js';
import { own } from './own.js';
import { I_MESSAGE_RESPONSE, scoreRecords, type ScoreResult } from './score.js';
import { initialState, step, type StepRecord } from './step.js';
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
  warnings: string[];
}

const BAD_ENDINGS = new Set(['escalated', 'hung-up']);
/** A path ending badly that scores this much or more is winning when it should not (grade B). */
const BAD_WIN = 700;

const answerKey = (event: TranscriptEvent) =>
  `${event.node}/${event.kind === 'choice' ? event.response : event.kind === 'i-message' ? I_MESSAGE_RESPONSE : event.kind}`;

/** One random path, answering calmly; null if it walks into a loop. */
function randomWalk(scenario: Scenario, random: () => number): StepRecord[] | null {
  let state = initialState(scenario);
  const records: StepRecord[] = [];
  for (let guard = 0; state.node !== null; guard++) {
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

/** Answers walked, at most, by one report. */
export const REPORT_STEP_BUDGET = 400_000;

export function scenarioReport(
  scenario: Scenario,
  options: { limit?: number; samples?: number; seed?: number; stepBudget?: number } = {},
): ScenarioReport {
  const limit = options.limit ?? 20_000;
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
    // Random walks, as many as the sample size and the step budget allow.
    const random = seededRandom(options.seed ?? 1);
    walks = [];
    steps = 0;
    for (let i = 0; i < samples * 2 && walks.length < samples && steps < budget; i++) {
      const walk = randomWalk(scenario, random);
      if (walk) {
        walks.push(walk);
        steps += walk.length;
      }
    }
  }

  const endingCounts = new Map<string, number>();
  const letters: ScenarioReport['letters'] = {};
  const through = new Map<string, { paths: number; bad: number }>();
  let best: { score: ScoreResult; records: StepRecord[] } | null = null;
  let worst: { score: ScoreResult; records: StepRecord[] } | null = null;
  let badWin: { score: ScoreResult; records: StepRecord[] } | null = null;
  let cleanFloor = Infinity;
  let dirtyTop: { score: ScoreResult; records: StepRecord[] } | null = null;

  for (const records of walks) {
    const score = scoreRecords(scenario, records);
    const endingId = score.ending?.id ?? '';
    endingCounts.set(endingId, (endingCounts.get(endingId) ?? 0) + 1);
    for (const l of LETTERS) {
      const ratio = score.letters[l].ratio;
      if (ratio === null) continue;
      const range = (letters[l] ??= { min: ratio, max: ratio });
      range.min = Math.min(range.min, ratio);
      range.max = Math.max(range.max, ratio);
    }
    const bad = score.ending !== null && BAD_ENDINGS.has(score.ending.kind);
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
    if (score.donts.length === 0) cleanFloor = Math.min(cleanFloor, score.total);
    else if (score.donts.length >= 3 && (!dirtyTop || score.total > dirtyTop.score.total))
      dirtyTop = { score, records };
  }

  const summarize = (p: { score: ScoreResult; records: StepRecord[] } | null): PathSummary | null =>
    p && {
      total: p.score.total,
      ending: p.score.ending?.id ?? '',
      answers: p.records
        .filter((r) => r.event.kind === 'choice' || r.event.kind === 'i-message')
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
  if (dirtyTop && dirtyTop.score.total > cleanFloor) {
    warnings.push(
      `a path breaking ${dirtyTop.score.donts.length} don'ts scores ${dirtyTop.score.total}, more than the lowest path that breaks none (${cleanFloor}): check the don'ts' anger and the endings they reach`,
    );
  }
  const total = walks.length;
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
    warnings,
  };
}
