/**
 * The shift: a run of short calls with the mix a real day has — mostly routine, about one in twenty
 * hostile — and the perception gap it teaches: asked afterwards, people guess far more hostility
 * than there was. Pure and seeded, so a shift can be replayed and checked like a single call.
 */
import type { Scenario } from './schema.js';
import type { ScoreResult } from './score.js';

export const SHIFT_MIN = 10;
export const SHIFT_MAX = 20;
/** About one call in this many is hostile. */
export const HOSTILE_ONE_IN = 20;
/** What service staff typically guess, when asked what share of their calls are hostile (%). */
export const TYPICAL_GUESS = 80;

export interface ShiftCall {
  id: string;
  version: number;
  hostile: boolean;
}

export interface ShiftPlan {
  seed: number;
  calls: ShiftCall[];
}

/** A small, fast, seeded generator (mulberry32): the same seed always plans the same shift. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Plans a shift of `length` calls (10–20) from the library: one hostile call per twenty (at least
 * one, never among the first two), the rest routine, drawn so the same call never comes twice in a
 * row. Throws if the library has no routine scenario.
 */
export function planShift(library: readonly Scenario[], length: number, seed: number): ShiftPlan {
  const n = Math.min(SHIFT_MAX, Math.max(SHIFT_MIN, Math.round(length)));
  const random = seededRandom(seed);
  const routine = library.filter((s) => s.call_type === 'routine');
  const hostile = library.filter((s) => s.call_type === 'hostile');
  if (routine.length === 0) throw new Error('a shift needs at least one routine scenario');
  const hostileCount = hostile.length === 0 ? 0 : Math.max(1, Math.round(n / HOSTILE_ONE_IN));
  const slots = new Set<number>();
  while (slots.size < hostileCount) slots.add(2 + Math.floor(random() * (n - 2)));

  const ref = (s: Scenario, isHostile: boolean): ShiftCall => ({
    id: s.id,
    version: s.version,
    hostile: isHostile,
  });
  const calls: ShiftCall[] = [];
  let bag: Scenario[] = [];
  for (let i = 0; i < n; i++) {
    if (slots.has(i)) {
      const pick = hostile[Math.floor(random() * hostile.length)];
      if (pick) calls.push(ref(pick, true));
      continue;
    }
    if (bag.length === 0) {
      bag = [...routine];
      for (let j = bag.length - 1; j > 0; j--) {
        const k = Math.floor(random() * (j + 1));
        [bag[j], bag[k]] = [bag[k] as Scenario, bag[j] as Scenario];
      }
      // Never the same call twice in a row across a refill.
      if (bag.length > 1 && bag[bag.length - 1]?.id === calls.at(-1)?.id) bag.unshift(bag.pop() as Scenario);
    }
    const next = bag.pop();
    if (next) calls.push(ref(next, false));
  }
  return { seed, calls };
}

/** One finished call of a shift, as the shift remembers it. */
export interface ShiftOutcome {
  id: string;
  hostile: boolean;
  total: number;
  /** The ending's kind, or null if the call did not finish. */
  ending: string | null;
  /** A routine call whose customer got angrier after the trainee's first answer. */
  soured: boolean;
}

/** Reduces a finished call to what the shift summary needs. */
export function shiftOutcome(call: ShiftCall, scenario: Scenario, result: ScoreResult): ShiftOutcome {
  const first = result.decisions[0];
  return {
    id: call.id,
    hostile: call.hostile,
    total: result.total,
    ending: result.ending?.kind ?? null,
    soured: !call.hostile && first !== undefined && first.angerAfter > scenario.customer.anger,
  };
}

export interface ShiftSummary {
  calls: number;
  hostile: number;
  /** Share of hostile calls, in whole percent. */
  hostileShare: number;
  /** The trainee's estimate, in whole percent. */
  estimate: number;
  /** Routine calls that turned sour after the trainee's opening. */
  soured: number;
  meanScore: number;
}

/** The perception gap: the trainee's estimate next to the share of hostile calls they really had. */
export function summarizeShift(outcomes: readonly ShiftOutcome[], estimate: number): ShiftSummary {
  const hostile = outcomes.filter((o) => o.hostile).length;
  const calls = outcomes.length;
  return {
    calls,
    hostile,
    hostileShare: calls === 0 ? 0 : Math.round((100 * hostile) / calls),
    estimate: Math.min(100, Math.max(0, Math.round(estimate))),
    soured: outcomes.filter((o) => o.soured).length,
    meanScore: calls === 0 ? 0 : Math.round(outcomes.reduce((sum, o) => sum + o.total, 0) / calls),
  };
}
