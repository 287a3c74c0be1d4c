/**
 * Which authored response a typed answer is closest to, at one moment of a call: by the words it
 * shares with a response (or with one of its paraphrases), as a plain fraction so every platform
 * ranks alike; the moves and don'ts heard in it only break a tie. When the best is not clearly
 * ahead, the game does not guess: it offers the nearest few for the trainee to choose ("closest to
 * what you meant").
 *
 * Chosen on evidence (npm run nlu:eval, 315 answers typed for the responses of five scenarios):
 * words alone matched 87% without asking and one wrongly; weighing the moves in as well (3 to 2)
 * matched 64% and 3% wrongly. The model's labels are about the method, not the wording that tells
 * two responses at a moment apart. With the rule of reach below, the same set matches 89% without
 * asking, 1% wrongly, and offers the meant response whenever it asks.
 */
import type { Dont, Letter } from '../vocabulary.js';
import { madeOf, type Label } from './labels.js';
import { tokenize } from './text.js';

export interface Candidate {
  id: string;
  says: string;
  paraphrases?: readonly string[];
  uses: readonly Letter[];
  breaks: readonly Dont[];
}

export interface Ranked {
  id: string;
  /** 0–1000: the share of meaningful words the answer and the response (or a paraphrase) have in common. */
  score: number;
  /** 0–1000: how far the moves and don'ts heard agree with the response's; breaks a tie. */
  moves: number;
}

export interface Match {
  /** Every candidate, closest first (ties keep the authored order). */
  ranked: Ranked[];
  /** The response the customer hears, when the game can tell; otherwise null (the trainee picks). */
  chosen: string | null;
  /** When `chosen` is null: the closest few, in reach of what was said, to pick from. */
  offer: string[];
}

/** When no match is clear, the trainee chooses among this many of the closest. */
export const CLOSEST_OFFERED = 3;

/** The responses offered as "closest to what you meant" when a match is not clear. */
export function offered(match: Match): string[] {
  return match.offer;
}

/** Close enough: at least this score, and this far ahead of the next. */
export const MATCH_AT_LEAST = 200;
export const MATCH_AHEAD_BY = 60;

/**
 * In reach of an unclear answer: a response that shares any of its meaningful words, or any of the
 * moves and don'ts heard in it (an answer with none is in reach of a response with none). Only those
 * are offered, so an answer that says nothing cannot pick the best response from the list and take
 * its story: "okay" is in reach only of a response that does nothing either.
 */
const inReach = (r: Ranked) => r.score > 0 || r.moves > 0;

/** Words that carry no meaning of their own here. */
const STOP = new Set(
  `a an the and or but so to of in on at for with by from as is are was were be been am i you we they he she it
  me my your our their this that these those there here do does did have has had will would can could shall
  should may might just really very too also then than if about into up out over again not no yes okay oh well
  s what which who whom whose when where why how all any some`.split(/\s+/),
);

/** An answer's meaningful words, by their first five letters (sorry, sorrier; receipt, receipts). */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const { norm } of tokenize(text)) {
    if (norm === '?' || norm === '!' || STOP.has(norm)) continue;
    words.add(norm.slice(0, 5));
  }
  return words;
}

/** Fewer moves, or as few and fewer don'ts: the response closer to saying nothing. */
function doesLess(a: Candidate, b: Candidate): boolean {
  return (
    a.uses.length < b.uses.length || (a.uses.length === b.uses.length && a.breaks.length < b.breaks.length)
  );
}

/** How many members two sets have in common. */
function sharedCount<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared;
}

/** Dice's coefficient of two sets, in thousandths. */
function dice<T>(a: ReadonlySet<T>, b: ReadonlySet<T>, bothEmpty = 0): number {
  if (a.size + b.size === 0) return bothEmpty;
  return Math.round((2000 * sharedCount(a, b)) / (a.size + b.size));
}

/**
 * A typed answer this close to an earlier one in the same call is a repeat: the same words,
 * whatever the customer has said since (see `isRepeat`).
 */
export const REPEAT_AT_LEAST = 800;
/** Answers this long (in meaningful words) are compared by how much of the shorter one comes back. */
const REPEAT_CONTAINED_FROM = 4;

/**
 * Whether `b` repeats `a`: four-fifths of the meaningful words of the shorter of the two come
 * back in the other (so a stock sentence padded with a few new words each time is still a
 * repeat); for answers under four meaningful words, four-fifths of all their words shared (so "I
 * see." and a later "I see, the receipts" are not).
 */
export function isRepeat(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const smaller = Math.min(a.size, b.size);
  if (smaller === 0) return false;
  if (smaller < REPEAT_CONTAINED_FROM) return dice(a, b) >= REPEAT_AT_LEAST;
  return 1000 * sharedCount(a, b) >= REPEAT_AT_LEAST * smaller;
}

export function matchAnswer(text: string, heard: readonly Label[], candidates: readonly Candidate[]): Match {
  const answer = contentWords(text);
  // The moves and don'ts heard, as responses are tagged (the I-message's steps are not tags).
  const made = madeOf(heard);
  const moves = new Set<string>([...made.uses, ...made.breaks]);
  const ranked = candidates.map((c): Ranked => {
    const words = Math.max(...[c.says, ...(c.paraphrases ?? [])].map((t) => dice(answer, contentWords(t))));
    const written = new Set<string>([...c.uses, ...c.breaks]);
    // An answer that does none of the method's moves agrees with a response written to do none.
    return { id: c.id, score: words, moves: dice(moves, written, 1000) };
  });
  const order = ranked
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.score - a.r.score || b.r.moves - a.r.moves || a.i - b.i);
  const sorted = order.map((o) => o.r);
  const [first, second] = sorted;
  const clear =
    first !== undefined &&
    first.score >= MATCH_AT_LEAST &&
    first.score - (second?.score ?? 0) >= MATCH_AHEAD_BY;
  if (clear) return { ranked: sorted, chosen: first.id, offer: [] };
  const reach = sorted.filter(inReach);
  if (reach.length >= 2) {
    return { ranked: sorted, chosen: null, offer: reach.slice(0, CLOSEST_OFFERED).map((r) => r.id) };
  }
  // One response in reach is the one meant. None: the answer is like no response here, and the
  // customer hears the one closest to saying nothing (the fewest moves, then the fewest don'ts;
  // ties in the authored order).
  const least = candidates.reduce<Candidate | undefined>(
    (a, b) => (a === undefined || doesLess(b, a) ? b : a),
    undefined,
  );
  return { ranked: sorted, chosen: reach[0]?.id ?? least?.id ?? null, offer: [] };
}
