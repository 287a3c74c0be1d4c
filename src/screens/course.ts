/**
 * The library as a course: the order the menu offers its calls in (the introduction, then easy to
 * hard), and where a trainee stands in it — calls played, the SOARING moves their finished calls
 * made, and the call to take next. Pure: no DOM, so it is tested in Node.
 */
import { DIFFICULTIES, momentsForMove, type Dont, type Letter, type Scenario } from '../engine/index.js';
import { bestScore, type Progress } from '../device/progress.js';
import {
  frequentDont,
  profileOf,
  recentSkills,
  type DontCount,
  type MoveTally,
  type Profile,
} from './skills.js';

/** The introduction a first visit starts with (scenarios/first-call-birthday-cake.yaml). */
export const INTRO_ID = 'first-call-birthday-cake';

/** Grade A starts here: a call whose best is below it is worth another go. */
const GRADE_A = 850;

/** The introduction first, then easy before hard, short before long; ties keep the library's order. */
export function courseOrder(scenarios: readonly Scenario[]): Scenario[] {
  const rank = (s: Scenario) => (s.id === INTRO_ID ? -1 : DIFFICULTIES.indexOf(s.difficulty));
  return [...scenarios].sort((a, b) => rank(a) - rank(b) || a.minutes - b.minutes);
}

export type { MoveTally };

export type NextReason =
  /** Nothing played yet: the introduction (or the first call of the course). */
  | { kind: 'start' }
  /**
   * Not played yet. It has a moment for the trainee's weakest move (`move`), or it tempts the
   * don't they break most often (`dont`), when either is set.
   */
  | { kind: 'new'; move: Letter | null; dont: DontCount | null }
  /** Played, best below grade A; `move` and `dont` as for a new call. */
  | { kind: 'improve'; best: number; move: Letter | null; dont: DontCount | null };

export interface Standing {
  /** Calls finished on this device (every attempt, any scenario). */
  calls: number;
  /** Scenarios of this library finished at least once, under today's scoring. */
  played: number;
  total: number;
  /** Each move's tally over the recent calls (RECENT in skills.ts). */
  moves: Record<Letter, MoveTally>;
  /** The move with the lowest share of its moments taken (the first in SOARING order on a tie). */
  weakest: Letter | null;
  /** The don't broken in the most recent calls, when it is frequent enough to practise (skills.ts). */
  frequent: DontCount | null;
  /** How many recent calls the moves and don'ts are counted over. */
  recent: number;
  /** The skills profile those figures come from (skills.ts), for the chart. */
  profile: Profile;
  /** "Practise next": where to go, and why; null when every call has a grade-A best. */
  next: { scenario: Scenario; reason: NextReason } | null;
}

/** Whether a call exercises a move (a moment calling for it) or tempts a don't (an answer breaking it). */
export function offers(scenario: Scenario, focus: { move: Letter } | { dont: Dont }): boolean {
  const nodes = Object.values(scenario.nodes);
  return 'move' in focus
    ? momentsForMove(scenario, focus.move) > 0
    : nodes.some((n) => n.responses.some((r) => r.breaks.includes(focus.dont)));
}

/**
 * Where the trainee stands in the course, from the progress kept on this device, and the call to
 * practise next: the one that best exercises what their recent calls show they need — the don't
 * they break most often when it is frequent, else their weakest move — a call not played yet
 * first, then the lowest best below grade A; hostile calls before routine ones.
 */
export function standing(course: readonly Scenario[], progress: Progress): Standing {
  const best = new Map(course.map((s) => [s.id, bestScore(progress, s.id)]));
  const played = course.filter((s) => best.get(s.id) !== null).length;
  const profile = profileOf(recentSkills(progress, course));
  const frequent = frequentDont(profile);
  const weakest = profile.weakest;
  const base = {
    calls: progress.attempts.length,
    played,
    total: course.length,
    moves: profile.moves,
    weakest,
    frequent,
    recent: profile.calls.length,
    profile,
  };
  const first = course[0];
  if (progress.attempts.length === 0 || played === 0)
    return { ...base, next: first ? { scenario: first, reason: { kind: 'start' } } : null };

  const focus = frequent ? { dont: frequent.dont } : weakest ? { move: weakest } : null;
  const practises = (s: Scenario) => focus !== null && offers(s, focus);
  // Hostile calls exercise a move more than a routine one does: they come first, in course order.
  const ranked = [...course].sort(
    (a, b) => Number(a.call_type === 'routine') - Number(b.call_type === 'routine'),
  );
  const unplayed = ranked.filter((s) => best.get(s.id) === null);
  const improvable = ranked
    .filter((s) => (best.get(s.id) ?? GRADE_A) < GRADE_A)
    .sort((a, b) => (best.get(a.id) ?? 0) - (best.get(b.id) ?? 0));
  const pick = unplayed.find(practises) ?? improvable.find(practises) ?? unplayed[0] ?? improvable[0] ?? null;
  if (!pick) return { ...base, next: null };
  const why = {
    move: practises(pick) && !frequent ? weakest : null,
    dont: practises(pick) ? frequent : null,
  };
  const score = best.get(pick.id) ?? null;
  return {
    ...base,
    next: {
      scenario: pick,
      reason: score === null ? { kind: 'new', ...why } : { kind: 'improve', best: score, ...why },
    },
  };
}
