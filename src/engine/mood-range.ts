/**
 * The range of the customer's numbers on arriving at each moment, over every way of answering
 * (silences left out: each one only pushes anger up until the call ends), for the author's graph.
 * Exact on ordinary scenarios; past a budget of states, an over-estimate from intervals that stays
 * fast on the largest file, and says so.
 */
import { iMessageEffects, walkStates } from './mood-walk.js';
import { ANGER_FROM, MAX_ANGER, clampPercent, moodOf } from './mood.js';
import { own } from './own.js';
import type { Condition, Scenario } from './schema.js';
import { passesThrough } from './step.js';
import { MOODS, type Mood } from './vocabulary.js';

/** States walked, at most, before the intervals take over. */
export const MOOD_RANGE_BUDGET = 50_000;

export interface MoodRange {
  /** Lowest and highest anger on arrival. */
  anger: [number, number];
  trust: [number, number];
  /** The mood bands the customer can arrive in, calmest first. */
  moods: Mood[];
}

export interface MoodRanges {
  /** True when every state was walked; false when the ranges are the intervals' over-estimate. */
  exact: boolean;
  /** By node id; a node no answer reaches has no range. */
  ranges: Map<string, MoodRange>;
}

/** moodOf's relieved band: anger below 20 with trust 60 or more. */
const RELIEVED = { below: 20, trust: 60 } as const;

interface Box {
  a0: number;
  a1: number;
  t0: number;
  t1: number;
}

/** Every change an answer at the node can make, with where it can lead. */
function movesOf(scenario: Scenario, id: string) {
  const node = own(scenario.nodes, id);
  if (!node) return [];
  // A moment nobody answers changes nothing and goes on by its own next.
  if (passesThrough(node)) return [{ anger: 0, trust: 0, sets: [], set: {}, add: {}, next: node.next }];
  const moves = node.responses.map((r) => ({
    anger: r.anger,
    trust: r.trust,
    sets: r.sets,
    set: r.set,
    add: r.add,
    next: r.next,
  }));
  const builder = node.i_message;
  if (builder)
    for (const e of iMessageEffects(scenario, id))
      moves.push({ anger: e.anger, trust: e.trust, sets: [], set: {}, add: {}, next: builder.next });
  return moves;
}

function widen(ranges: Map<string, Box & { moods: Set<Mood> }>, id: string, anger: number, trust: number) {
  const r = ranges.get(id);
  if (!r)
    ranges.set(id, { a0: anger, a1: anger, t0: trust, t1: trust, moods: new Set([moodOf(anger, trust)]) });
  else {
    r.a0 = Math.min(r.a0, anger);
    r.a1 = Math.max(r.a1, anger);
    r.t0 = Math.min(r.t0, trust);
    r.t1 = Math.max(r.t1, trust);
    r.moods.add(moodOf(anger, trust));
  }
}

function finish(ranges: Map<string, Box & { moods: Set<Mood> }>, exact: boolean): MoodRanges {
  const out = new Map<string, MoodRange>();
  for (const [id, r] of ranges)
    out.set(id, { anger: [r.a0, r.a1], trust: [r.t0, r.t1], moods: MOODS.filter((m) => r.moods.has(m)) });
  return { exact, ranges: out };
}

/** Every state a call can reach by answering (silences only push anger up); null past the budget. */
function walk(scenario: Scenario, budget: number): MoodRanges | null {
  const ranges = new Map<string, Box & { moods: Set<Mood> }>();
  const walked = walkStates(scenario, { budget, silences: false }, (node, anger, trust) => {
    widen(ranges, node, anger, trust);
  });
  return walked ? finish(ranges, true) : null;
}

/** The part of a box where a condition's number tests can hold (flags are not followed). */
function within(box: Box, when: Condition | undefined): Box | null {
  const b = { ...box };
  if (when?.anger_at_least !== undefined) b.a0 = Math.max(b.a0, when.anger_at_least);
  if (when?.anger_below !== undefined) b.a1 = Math.min(b.a1, when.anger_below - 1);
  if (when?.trust_at_least !== undefined) b.t0 = Math.max(b.t0, when.trust_at_least);
  if (when?.trust_below !== undefined) b.t1 = Math.min(b.t1, when.trust_below - 1);
  return b.a0 <= b.a1 && b.t0 <= b.t1 ? b : null;
}

/** Whether some anger and trust in the box give the mood (the bands of moodOf). */
function boxHolds(b: Box, mood: Mood): boolean {
  const { annoyed, angry, furious } = ANGER_FROM;
  const hits = (from: number, below: number) => b.a0 < below && b.a1 >= from;
  switch (mood) {
    case 'relieved':
      return b.a0 < RELIEVED.below && b.t1 >= RELIEVED.trust;
    case 'calm':
      return hits(0, annoyed) && (b.t0 < RELIEVED.trust || b.a1 >= RELIEVED.below);
    case 'annoyed':
      return hits(annoyed, angry);
    case 'angry':
      return hits(angry, furious);
    case 'furious':
      return b.a1 >= furious;
  }
}

/** Intervals pushed forward until nothing widens: every branch may be taken, whatever the flags. */
function intervals(scenario: Scenario): MoodRanges {
  const boxes = new Map<string, Box>();
  const queue: string[] = [];
  const arrive = (id: string, box: Box) => {
    // Anger at the top goes to the max-anger ending, never to a moment.
    const b = { ...box, a1: Math.min(box.a1, MAX_ANGER - 1) };
    if (!own(scenario.nodes, id) || b.a0 > b.a1) return;
    const had = boxes.get(id);
    const merged = had
      ? {
          a0: Math.min(had.a0, b.a0),
          a1: Math.max(had.a1, b.a1),
          t0: Math.min(had.t0, b.t0),
          t1: Math.max(had.t1, b.t1),
        }
      : b;
    if (had && merged.a0 === had.a0 && merged.a1 === had.a1 && merged.t0 === had.t0 && merged.t1 === had.t1)
      return;
    boxes.set(id, merged);
    queue.push(id);
  };
  const { anger, trust } = scenario.customer;
  arrive(scenario.start, { a0: anger, a1: anger, t0: trust, t1: trust });
  const moves = new Map(Object.keys(scenario.nodes).map((id) => [id, movesOf(scenario, id)]));
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] ?? '';
    const box = boxes.get(id);
    if (!box) continue;
    for (const m of moves.get(id) ?? []) {
      const after = {
        a0: clampPercent(box.a0 + m.anger),
        a1: clampPercent(box.a1 + m.anger),
        t0: clampPercent(box.t0 + m.trust),
        t1: clampPercent(box.t1 + m.trust),
      };
      if (typeof m.next === 'string') arrive(m.next, after);
      else
        for (const branch of m.next) {
          const part = within(after, branch.when);
          if (part) arrive(branch.goto, part);
        }
    }
  }
  const ranges = new Map<string, Box & { moods: Set<Mood> }>();
  for (const [id, b] of boxes) ranges.set(id, { ...b, moods: new Set(MOODS.filter((m) => boxHolds(b, m))) });
  return finish(ranges, false);
}

/**
 * Anger, trust and mood bands on arriving at each moment, over every way of answering: exactly
 * when the scenario has at most `budget` states, else an over-estimate (`exact: false`).
 */
export function moodRanges(scenario: Scenario, budget = MOOD_RANGE_BUDGET): MoodRanges {
  return walk(scenario, budget) ?? intervals(scenario);
}

/**
 * The moments an answer can take to the max-anger ending: the highest anger on arriving there plus
 * the answer's rise reaches the top. (A long enough silence can end any call that way.)
 */
export function maxAngerSources(scenario: Scenario, ranges: MoodRanges): string[] {
  return Object.keys(scenario.nodes).filter((id) => {
    const top = ranges.ranges.get(id)?.anger[1];
    return top !== undefined && movesOf(scenario, id).some((m) => m.anger > 0 && top + m.anger >= MAX_ANGER);
  });
}
