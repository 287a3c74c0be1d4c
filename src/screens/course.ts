/**
 * The library as a course: the order the menu offers its calls in (the introduction, then easy to
 * hard), and where a trainee stands in it — calls played, the SOARING moves their finished calls
 * made, and the call to take next. Pure: no DOM, so it is tested in Node.
 */
import {
  DIFFICULTIES,
  LETTERS,
  SCORING_VERSION,
  replay,
  type Letter,
  type Scenario,
} from '../engine/index.js';
import { bestScore, type Progress } from '../device/progress.js';

/** The introduction a first visit starts with (scenarios/first-call-birthday-cake.yaml). */
export const INTRO_ID = 'first-call-birthday-cake';

/** Grade A starts here: a call whose best is below it is worth another go. */
const GRADE_A = 850;
/** How many recent calls the moves are counted over: the trainee as they play now, and quick. */
const RECENT = 30;

/** The introduction first, then easy before hard, short before long; ties keep the library's order. */
export function courseOrder(scenarios: readonly Scenario[]): Scenario[] {
  const rank = (s: Scenario) => (s.id === INTRO_ID ? -1 : DIFFICULTIES.indexOf(s.difficulty));
  return [...scenarios].sort((a, b) => rank(a) - rank(b) || a.minutes - b.minutes);
}

/** Moments that called for a move, and how many of them the trainee's answer made it. */
export interface MoveTally {
  hits: number;
  opportunities: number;
}

export type NextReason =
  /** Nothing played yet: the introduction (or the first call of the course). */
  | { kind: 'start' }
  /** Not played yet; it has a moment for the trainee's weakest move, if `move` is set. */
  | { kind: 'new'; move: Letter | null }
  /** Played, best below grade A; it has a moment for the weakest move, if `move` is set. */
  | { kind: 'improve'; best: number; move: Letter | null };

export interface Standing {
  /** Calls finished on this device (every attempt, any scenario). */
  calls: number;
  /** Scenarios of this library finished at least once, under today's scoring. */
  played: number;
  total: number;
  /** Each move's tally over the recent calls that replay with today's library. */
  moves: Record<Letter, MoveTally>;
  /** The move with the lowest share of its moments taken (the first in SOARING order on a tie). */
  weakest: Letter | null;
  /** Where to go next, and why; null when every call has a grade-A best. */
  next: { scenario: Scenario; reason: NextReason } | null;
}

/** Where the trainee stands in the course, from the progress kept on this device. */
export function standing(course: readonly Scenario[], progress: Progress): Standing {
  const best = new Map(course.map((s) => [s.id, bestScore(progress, s.id)]));
  const played = course.filter((s) => best.get(s.id) !== null).length;
  const moves = tallyMoves(course, progress);
  const weakest = weakestMove(moves);
  const base = { calls: progress.attempts.length, played, total: course.length, moves, weakest };
  const first = course[0];
  if (progress.attempts.length === 0 || played === 0)
    return { ...base, next: first ? { scenario: first, reason: { kind: 'start' } } : null };

  const practises = (s: Scenario) =>
    weakest !== null && Object.values(s.nodes).some((n) => n.calls_for.includes(weakest));
  const unplayed = course.filter((s) => best.get(s.id) === null);
  const improvable = course
    .filter((s) => (best.get(s.id) ?? GRADE_A) < GRADE_A)
    .sort((a, b) => (best.get(a.id) ?? 0) - (best.get(b.id) ?? 0));
  const pick = unplayed.find(practises) ?? improvable.find(practises) ?? unplayed[0] ?? improvable[0] ?? null;
  if (!pick) return { ...base, next: null };
  const move = practises(pick) ? weakest : null;
  const score = best.get(pick.id) ?? null;
  return {
    ...base,
    next: {
      scenario: pick,
      reason: score === null ? { kind: 'new', move } : { kind: 'improve', best: score, move },
    },
  };
}

/** Replays the recent calls (today's scoring, a version still in the library) and adds up each move. */
function tallyMoves(course: readonly Scenario[], progress: Progress): Record<Letter, MoveTally> {
  const moves = Object.fromEntries(LETTERS.map((l) => [l, { hits: 0, opportunities: 0 }])) as Record<
    Letter,
    MoveTally
  >;
  for (const attempt of progress.attempts.slice(-RECENT)) {
    if (attempt.scoring !== SCORING_VERSION) continue;
    const scenario = course.find(
      (s) => s.id === attempt.scenario.id && s.version === attempt.scenario.version,
    );
    if (!scenario) continue;
    const replayed = replay(scenario, attempt.transcript);
    if (!replayed.ok) continue;
    for (const letter of LETTERS) {
      const score = replayed.result.letters[letter];
      moves[letter].hits += score.hits;
      // Opportunities include those a call cut short never reached: they count as missed.
      moves[letter].opportunities += score.opportunities;
    }
  }
  return moves;
}

function weakestMove(moves: Record<Letter, MoveTally>): Letter | null {
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
