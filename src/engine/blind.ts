/**
 * Blind strategies: how a trainee who knows nothing of the method, only how answers look, would
 * score. If picking the longest answer wins, the scenario teaches test-taking, not de-escalation.
 */
import { own } from './own.js';
import type { Scenario, ScenarioResponse } from './schema.js';
import { scoreRecords } from './score.js';
import { seededRandom } from './shift.js';
import { calmChoice, initialState, step, type StepRecord } from './step.js';

export const BLIND_STRATEGIES = ['longest', 'shortest', 'first', 'random'] as const;
export type BlindStrategy = (typeof BLIND_STRATEGIES)[number];

export const BLIND_NAMES: Record<BlindStrategy, string> = {
  longest: 'always the longest answer',
  shortest: 'always the shortest answer',
  first: 'always the first answer written',
  random: 'a random answer each time',
};

export interface BlindResult {
  strategy: BlindStrategy;
  /** The score; for `random`, the mean over `plays`, rounded. */
  total: number;
  /** The ending reached (for `random`: the most frequent one). */
  ending: string;
  plays: number;
}

/** Moments all the random plays of one check may take together. */
const RANDOM_MOMENT_BUDGET = 20_000;

/** Moments a blind play may take before it is stopped (a strategy can walk in circles). */
const MAX_MOMENTS = 300;

type Pick = (responses: readonly ScenarioResponse[]) => ScenarioResponse | undefined;

/** Plays a call picking written answers only (no builder, no time-outs), each calmly. */
export function blindPlay(scenario: Scenario, pick: Pick): StepRecord[] {
  let state = initialState(scenario);
  const records: StepRecord[] = [];
  for (let moments = 0; state.node !== null && moments < MAX_MOMENTS; moments++) {
    const node = own(scenario.nodes, state.node);
    const response = node ? pick(node.responses) : undefined;
    if (!response) break;
    const result = step(scenario, state, calmChoice(state, state.node, response.id));
    if (!result.ok) break;
    records.push(result.record);
    state = result.state;
  }
  return records;
}

/** The first of the longest (or shortest) answers, by characters. */
function byLength(sign: 1 | -1): Pick {
  return (responses) =>
    responses.reduce<ScenarioResponse | undefined>(
      (best, r) => (best === undefined || sign * (r.says.length - best.says.length) > 0 ? r : best),
      undefined,
    );
}

/** What each blind strategy scores; the random one averaged over `randomPlays` seeded plays. */
export function blindStrategies(
  scenario: Scenario,
  options: { randomPlays?: number; seed?: number } = {},
): BlindResult[] {
  const once = (strategy: BlindStrategy, pick: Pick): BlindResult => {
    const result = scoreRecords(scenario, blindPlay(scenario, pick));
    return { strategy, total: result.total, ending: result.ending?.id ?? '', plays: 1 };
  };
  const wanted = Math.max(1, options.randomPlays ?? 500);
  const random = seededRandom(options.seed ?? 7);
  let sum = 0;
  let plays = 0;
  let moments = 0;
  const endings = new Map<string, number>();
  // As many random plays as asked for, within a budget of moments: a huge scenario stays quick.
  for (; plays < wanted && (plays < 20 || moments < RANDOM_MOMENT_BUDGET); plays++) {
    const records = blindPlay(scenario, (rs) => rs[Math.floor(random() * rs.length)]);
    moments += records.length;
    const result = scoreRecords(scenario, records);
    sum += result.total;
    const ending = result.ending?.id ?? '';
    endings.set(ending, (endings.get(ending) ?? 0) + 1);
  }
  let common = '';
  for (const [ending, n] of endings) if (n > (endings.get(common) ?? 0)) common = ending;
  return [
    once('longest', byLength(1)),
    once('shortest', byLength(-1)),
    once('first', (rs) => rs[0]),
    { strategy: 'random', total: Math.round(sum / plays), ending: common, plays },
  ];
}

/** Grade C: no blind strategy should reach it. */
export const BLIND_LIMIT = 550;

/** The score a blind strategy must stay below: grade C, or a typical clean play if that is lower. */
export function blindThreshold(typicalClean: number | null): number {
  return Math.min(BLIND_LIMIT, typicalClean ?? BLIND_LIMIT);
}

/** The blind strategies that score too well to leave a scenario as it is. */
export function blindWinners(blind: readonly BlindResult[], typicalClean: number | null): BlindResult[] {
  const threshold = blindThreshold(typicalClean);
  return blind.filter((b) => b.total >= threshold);
}
