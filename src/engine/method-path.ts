/**
 * The method's path: from any moment of a call, the rest of the call as it would go if the trainee
 * took the better option at every moment from there, calmly. Scoring reads what that path would
 * still have offered, so a mistake that cuts the call short does not also shorten its exam.
 */
import { own } from './own.js';
import { bestOption } from './better.js';
import { methodTimeOut } from './method.js';
import { CALM_MS } from './mood.js';
import type { Scenario } from './schema.js';
import { memoryKey, step, type CallState, type StepRecord } from './step.js';
import type { TranscriptEvent } from './transcript.js';
import { LETTERS, LETTER_INDEX, type Letter } from './vocabulary.js';

/** Opportunities per letter, in LETTERS order, then the number of moments (at MOMENTS). */
export type LetterCounts = readonly number[];
/** Where a continuation's count of moments sits, after the seven letters. */
export const MOMENTS = LETTERS.length;

/** Moments walked, at most, along one method path: a scenario that loops is cut off here. */
const MAX_MOMENTS = 200;

const ZERO: LetterCounts = [...LETTERS.map(() => 0), 0];

/**
 * Remembered continuations per scenario, by the state they start from. `complete` walks (to an
 * ending, or to a better option that cannot be said in time) are the same from wherever they are
 * entered, so a later walk may stop at one; a walk cut off by a loop or the limit depends on where
 * it started, so it is only ever reused from that same start. Either way a score never depends on
 * which calls were scored before it.
 */
interface Memo {
  complete: Map<string, LetterCounts>;
  fromStart: Map<string, LetterCounts>;
}
const remembered = new WeakMap<Scenario, Memo>();
/** States remembered per scenario before the cache starts again: a long-running server stays small. */
const MEMO_LIMIT = 50_000;

/**
 * The state as far as the method's path can tell: composure only changes the path when patience is
 * so short that a calm answer could miss it (half of 3 s is the 1.5 s pause).
 */
function keyOf(scenario: Scenario, s: CallState): string {
  const base = `${s.node ?? ''}|${s.anger}|${s.trust}|${memoryKey(s)}`;
  return scenario.customer.patience * 500 > CALM_MS ? base : `${base}|${s.composure}`;
}

/** The better option at the state's node, as the event that says it calmly. */
function methodEvent(scenario: Scenario, state: CallState): TranscriptEvent | null {
  const nodeId = state.node;
  const node = nodeId === null ? undefined : own(scenario.nodes, nodeId);
  if (nodeId === null || !node) return null;
  const best = bestOption(scenario, nodeId, node);
  const at = state.finishedAt + CALM_MS;
  return best.parts
    ? { kind: 'i-message', at, node: nodeId, parts: best.parts }
    : { kind: 'choice', at, node: nodeId, response: best.id };
}

function memoOf(scenario: Scenario): Memo {
  let memo = remembered.get(scenario);
  if (!memo || memo.complete.size + memo.fromStart.size > MEMO_LIMIT) {
    memo = { complete: new Map(), fromStart: new Map() };
    remembered.set(scenario, memo);
  }
  return memo;
}

/**
 * The opportunities for each letter that the method's path from `state` offers, and its number of
 * moments, the moment at `state` included. Remembered per scenario: replaying a call costs about
 * one lookup per moment.
 */
export function methodContinuation(scenario: Scenario, state: CallState): LetterCounts {
  const memo = memoOf(scenario);
  const startKey = keyOf(scenario, state);
  const known = memo.complete.get(startKey) ?? memo.fromStart.get(startKey);
  if (known) return known;

  // Walk forward until an ending, a remembered complete walk, a loop or the moment limit.
  const walked: { key: string; letters: readonly Letter[] }[] = [];
  const onPath = new Set<string>();
  let tail: LetterCounts = ZERO;
  let complete = false;
  let current = state;
  for (let moments = 0; moments < MAX_MOMENTS; moments++) {
    if (current.node === null) {
      complete = true;
      break;
    }
    const key = keyOf(scenario, current);
    const seen = memo.complete.get(key);
    if (seen) {
      tail = seen;
      complete = true;
      break;
    }
    if (onPath.has(key)) break;
    onPath.add(key);
    const node = own(scenario.nodes, current.node);
    const event = methodEvent(scenario, current);
    if (!node || !event) break;
    walked.push({ key, letters: node.calls_for });
    const next = step(scenario, current, event);
    if (!next.ok) {
      complete = true; // the better option cannot be said in time: the path stops here
      break;
    }
    current = next.state;
  }
  // Sums from the end backwards: on a complete walk every state gets its own continuation.
  let sum = tail;
  for (let i = walked.length - 1; i >= 0; i--) {
    const here = [...sum];
    here[MOMENTS] = (here[MOMENTS] ?? 0) + 1;
    for (const l of walked[i]?.letters ?? []) here[LETTER_INDEX[l]] = (here[LETTER_INDEX[l]] ?? 0) + 1;
    sum = here;
    if (complete) memo.complete.set(walked[i]?.key ?? '', sum);
  }
  if (!complete) memo.fromStart.set(startKey, sum);
  return sum;
}

/** The records of the method's path from `state` to the end (or the moment limit, or a loop). */
export function methodRecords(scenario: Scenario, state: CallState): StepRecord[] {
  const records: StepRecord[] = [];
  const seen = new Set<string>();
  let current = state;
  for (let moments = 0; current.node !== null && moments < MAX_MOMENTS; moments++) {
    const key = keyOf(scenario, current);
    if (seen.has(key)) break;
    seen.add(key);
    const breath = methodTimeOut(scenario, current);
    const breathed = breath && step(scenario, current, breath);
    if (breathed?.ok) {
      records.push(breathed.record);
      current = breathed.state;
    }
    const event = methodEvent(scenario, current);
    const next = event && step(scenario, current, event);
    if (!next?.ok) break;
    records.push(next.record);
    current = next.state;
  }
  return records;
}
