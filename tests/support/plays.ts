/**
 * Plays built from intentions rather than timestamps, for the scoring properties: each moment says
 * what the trainee does (how many silences first, a time-out or not, which answer, rushed or
 * calm) and the times follow from the call. A play can be edited at one moment and played again.
 */
import {
  CALM_MS,
  I_MESSAGE_RESPONSE,
  bestOption,
  initialState,
  modelIMessage,
  offeredThoughts,
  responseFaults,
  scoreRecords,
  step,
  type CallState,
  type Scenario,
  type ScoreResult,
  type StepRecord,
  type TranscriptEvent,
} from '../../src/engine/index.js';

export interface Moment {
  /** The node this moment is at; a play whose node differs here has diverged. */
  node: string;
  /** A response id, or I_MESSAGE_RESPONSE for the clean I-message. */
  answer: string;
  rush: boolean;
  silences: number;
  timeout: 'none' | 'helpful' | 'unhelpful';
}

/** A random intention: an answer by index (written answers, then the clean I-message if offered). */
export interface Intent {
  pick: number;
  rush: boolean;
  silences: number;
  timeout: Moment['timeout'];
}

export interface Played {
  moments: Moment[];
  /** The call as each moment began. */
  before: CallState[];
  records: StepRecord[];
  score: ScoreResult;
  final: CallState;
}

const MAX_MOMENTS = 300;

/** The answers a moment offers: the written ones, then the clean I-message where there is one. */
export function answersAt(scenario: Scenario, nodeId: string): string[] {
  const node = scenario.nodes[nodeId];
  const ids = node ? node.responses.map((r) => r.id) : [];
  return modelIMessage(scenario, nodeId) ? [...ids, I_MESSAGE_RESPONSE] : ids;
}

/** Applies one moment; null if it cannot be played here (another node, or an illegal step). */
function apply(scenario: Scenario, state: CallState, m: Moment, records: StepRecord[]): CallState | null {
  if (state.node !== m.node) return null;
  let s = state;
  const push = (event: TranscriptEvent): boolean => {
    const r = step(scenario, s, event);
    if (!r.ok) return false;
    records.push(r.record);
    s = r.state;
    return true;
  };
  for (let k = 0; k < m.silences; k++) {
    if (!push({ kind: 'silence', at: s.deadline, node: m.node })) return null;
    if (s.node === null) return s; // the customer walked out
  }
  if (m.timeout !== 'none') {
    if (s.timeoutsLeft <= 0) return null;
    const taken = scenario.timeouts - s.timeoutsLeft;
    const thought = offeredThoughts(scenario, taken).find((t) => t.helpful === (m.timeout === 'helpful'));
    if (!thought || !push({ kind: 'timeout', at: s.finishedAt, node: m.node, thought: thought.id }))
      return null;
  }
  const at = m.rush ? Math.max(s.time, s.finishedAt) : s.finishedAt + CALM_MS;
  const model = modelIMessage(scenario, m.node);
  const event: TranscriptEvent =
    m.answer === I_MESSAGE_RESPONSE
      ? { kind: 'i-message', at, node: m.node, parts: (model ?? []).map((p) => p.id) }
      : { kind: 'choice', at, node: m.node, response: m.answer };
  return push(event) ? s : null;
}

/** The method's own moment at a state: the better option, calmly. */
function methodMoment(scenario: Scenario, state: CallState): Moment | null {
  const node = state.node === null ? undefined : scenario.nodes[state.node];
  if (!node || state.node === null) return null;
  const best = bestOption(scenario, state.node, node);
  return { node: state.node, answer: best.id, rush: false, silences: 0, timeout: 'none' };
}

/**
 * Plays `moments` in order, then (with `thenMethod`) the method's path to the end. Null when a
 * moment cannot be played as written: the edited play went somewhere else.
 */
export function playMoments(
  scenario: Scenario,
  moments: readonly Moment[],
  thenMethod: boolean,
): Played | null {
  let state = initialState(scenario);
  const records: StepRecord[] = [];
  const played: Moment[] = [];
  const before: CallState[] = [];
  for (const m of moments) {
    if (state.node === null) break;
    const next = apply(scenario, state, m, records);
    if (!next) return null;
    played.push(m);
    before.push(state);
    state = next;
  }
  for (let guard = 0; thenMethod && state.node !== null && guard < MAX_MOMENTS; guard++) {
    const m = methodMoment(scenario, state);
    const next = m && apply(scenario, state, m, records);
    if (!m || !next) break;
    played.push(m);
    before.push(state);
    state = next;
  }
  return { moments: played, before, records, score: scoreRecords(scenario, records), final: state };
}

/** Turns random intentions into a legal play: each is fitted to the node it lands on. */
export function playIntents(scenario: Scenario, intents: readonly Intent[]): Played {
  let state = initialState(scenario);
  const moments: Moment[] = [];
  for (const intent of intents) {
    if (state.node === null) break;
    const answers = answersAt(scenario, state.node);
    const wanted: Moment = {
      node: state.node,
      answer: answers[intent.pick % answers.length] ?? '',
      rush: intent.rush,
      silences: intent.silences,
      timeout: intent.timeout,
    };
    // A time-out or the silences may not fit (none left, patience cut short): then answer plainly.
    let played: Moment | null = null;
    let next: CallState | null = null;
    for (const m of [
      wanted,
      { ...wanted, timeout: 'none' as const },
      { ...wanted, timeout: 'none' as const, silences: 0 },
    ]) {
      next = apply(scenario, state, m, []);
      if (next) {
        played = m;
        break;
      }
    }
    if (!played || !next) break;
    moments.push(played);
    state = next;
  }
  const whole = playMoments(scenario, moments, true);
  if (!whole) throw new Error('a play made from intents must replay');
  return whole;
}

/** A response's faults as the score counts them at its node (don'ts and an early I-message). */
export function faultsOf(scenario: Scenario, nodeId: string, answer: string): number {
  const node = scenario.nodes[nodeId];
  const r = node?.responses.find((x) => x.id === answer);
  return node && r ? responseFaults(node, r) : 0;
}
