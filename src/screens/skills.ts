/**
 * What each finished call showed of the trainee's skills — how many of the moments that called for
 * each SOARING move they made, and which don'ts they broke — and the skills profile made of them:
 * each move and the don'ts over the recent calls, the weakest move and the most frequent don't.
 * Pure: no DOM, so it is tested in Node.
 */
import {
  DONTS,
  LETTERS,
  SCORING_VERSION,
  replay,
  type Dont,
  type Letter,
  type Scenario,
} from '../engine/index.js';
import type { Attempt, Progress } from '../device/progress.js';
import { isDont } from '../engine/understand/labels.js';

/** How many recent calls the profile reads: the trainee as they play now. */
export const RECENT = 30;
/** The moving window a move's line on the chart averages over, in calls. */
export const WINDOW = 5;

export interface MoveTally {
  hits: number;
  opportunities: number;
}

/** One finished call's skills. */
export interface CallSkills {
  scenario: string;
  finishedAt: string;
  total: number;
  moves: Record<Letter, MoveTally>;
  donts: Dont[];
}

export function emptyTallies(): Record<Letter, MoveTally> {
  return Object.fromEntries(LETTERS.map((l) => [l, { hits: 0, opportunities: 0 }])) as Record<
    Letter,
    MoveTally
  >;
}

/**
 * A call's skills: as saved with it, or (for a call saved before they were kept) replayed from its
 * transcript when today's scoring and its scenario's version can; null when neither can.
 */
export function skillsOf(attempt: Attempt, library: readonly Scenario[]): CallSkills | null {
  const base = { scenario: attempt.scenario.id, finishedAt: attempt.finishedAt, total: attempt.total };
  if (attempt.moves && attempt.donts) {
    const moves = emptyTallies();
    LETTERS.forEach((l, i) => {
      const [hits, opportunities] = attempt.moves?.[i] ?? [0, 0];
      moves[l] = { hits, opportunities };
    });
    return { ...base, moves, donts: [...attempt.donts] };
  }
  if (attempt.scoring !== SCORING_VERSION || !attempt.transcript) return null;
  const scenario = library.find(
    (s) => s.id === attempt.scenario.id && s.version === attempt.scenario.version,
  );
  if (!scenario) return null;
  const replayed = replay(scenario, attempt.transcript);
  if (!replayed.ok) return null;
  const moves = emptyTallies();
  for (const l of LETTERS) {
    const score = replayed.result.letters[l];
    moves[l] = { hits: score.hits, opportunities: score.opportunities };
  }
  return { ...base, moves, donts: replayed.result.donts.map((d) => d.dont).filter(isDont) };
}

/** The skills of the most recent `count` calls that can tell them, oldest first. */
export function recentSkills(progress: Progress, library: readonly Scenario[], count = RECENT): CallSkills[] {
  const found: CallSkills[] = [];
  for (let i = progress.attempts.length - 1; i >= 0 && found.length < count; i--) {
    const attempt = progress.attempts[i];
    const skills = attempt ? skillsOf(attempt, library) : null;
    if (skills) found.push(skills);
  }
  return found.reverse();
}

export interface DontCount {
  dont: Dont;
  /** Calls (of the recent ones) that broke it at least once. */
  calls: number;
  /** Times it was broken in all. */
  times: number;
}

export interface Profile {
  calls: CallSkills[];
  /** Each move's tally over the recent calls. */
  moves: Record<Letter, MoveTally>;
  /**
   * Each move over time, one point per call: its share of the move's moments over the last WINDOW
   * calls up to that one (null while none of them asked for it).
   */
  series: Record<Letter, (number | null)[]>;
  /** Don'ts broken in each call, oldest first. */
  dontsPerCall: number[];
  /** Each don't broken in the recent calls, the most calls first. */
  donts: DontCount[];
  /** The move with the lowest share of its moments taken (the first in SOARING order on a tie). */
  weakest: Letter | null;
}

export function profileOf(calls: readonly CallSkills[]): Profile {
  const moves = emptyTallies();
  for (const call of calls)
    for (const l of LETTERS) {
      moves[l].hits += call.moves[l].hits;
      moves[l].opportunities += call.moves[l].opportunities;
    }
  const series = Object.fromEntries(
    LETTERS.map((l) => [
      l,
      calls.map((_, i) => {
        const window = calls.slice(Math.max(0, i - WINDOW + 1), i + 1);
        const opportunities = window.reduce((n, c) => n + c.moves[l].opportunities, 0);
        return opportunities === 0 ? null : window.reduce((n, c) => n + c.moves[l].hits, 0) / opportunities;
      }),
    ]),
  ) as Record<Letter, (number | null)[]>;
  const counts = new Map<Dont, DontCount>();
  for (const call of calls) {
    for (const dont of new Set(call.donts)) {
      const count = counts.get(dont) ?? { dont, calls: 0, times: 0 };
      count.calls++;
      count.times += call.donts.filter((d) => d === dont).length;
      counts.set(dont, count);
    }
  }
  const donts = [...counts.values()].sort(
    (a, b) => b.calls - a.calls || b.times - a.times || DONTS.indexOf(a.dont) - DONTS.indexOf(b.dont),
  );
  return {
    calls: [...calls],
    moves,
    series,
    dontsPerCall: calls.map((c) => c.donts.length),
    donts,
    weakest: weakestMove(moves),
  };
}

export function weakestMove(moves: Record<Letter, MoveTally>): Letter | null {
  let weakest: Letter | null = null;
  let lowest = Infinity;
  for (const letter of LETTERS) {
    const { hits, opportunities } = moves[letter];
    if (opportunities === 0) continue;
    const share = hits / opportunities;
    if (share < lowest) {
      lowest = share;
      weakest = letter;
    }
  }
  return weakest;
}

/**
 * The don't to work on: the one broken in the most recent calls, when that is at least a third of
 * them and at least FREQUENT_DONT_CALLS calls; otherwise none (the weakest move leads).
 */
export const FREQUENT_DONT_CALLS = 3;
export function frequentDont(profile: Profile): DontCount | null {
  const top = profile.donts[0];
  if (!top) return null;
  return top.calls >= FREQUENT_DONT_CALLS && top.calls * 3 >= profile.calls.length ? top : null;
}
