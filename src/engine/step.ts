/**
 * The rules of a call as one pure step function. The XState machine, replay and path exploration
 * all apply it, so a transcript means the same thing everywhere.
 */
import {
  DEFAULT_SILENCE_LINE,
  MAX_ANGER,
  RUSHED_MS,
  clampPercent,
  lineFor,
  moodOf,
  speechMs,
} from './mood.js';
import { TIMEOUT_COMPOSURE, assessIMessage, offeredThoughts, type IMessageAssessment } from './method.js';
import { own } from './own.js';
import type { Branch, Condition, Scenario, ScenarioNode, ScenarioResponse } from './schema.js';
import type { TranscriptEvent } from './transcript.js';
import type { Mood } from './vocabulary.js';
import { isDont } from './understand/labels.js';

/** Everything about a call at one moment. Plain data: it persists as JSON. */
export interface CallState {
  /** The node the customer is at, or null once the call has ended. */
  node: string | null;
  ending: string | null;
  anger: number;
  trust: number;
  /** The trainee's composure, 0–100: pressure wears it down, calm answers restore it. */
  composure: number;
  mood: Mood;
  /** Flags set so far, sorted. */
  flags: string[];
  /** The customer's current line and when they started and finished saying it (ms since start). */
  line: string;
  enteredAt: number;
  finishedAt: number;
  /** When silence runs past the customer's patience: sooner while the trainee's composure is low. */
  deadline: number;
  /** Time-outs the trainee may still take in this call. */
  timeoutsLeft: number;
  /** A time-out was taken since the customer's line: the next answer is not rushed. */
  breathed: boolean;
  /** Time of the last event, ms since start. */
  time: number;
}

/** One applied event and what it did: the live record scoring reads. */
export interface StepRecord {
  event: TranscriptEvent;
  /** For an answer: given within RUSHED_MS of the customer finishing, without a time-out. */
  rushed: boolean;
  before: { anger: number; trust: number; composure: number };
  after: CallState;
  /** For a time-out: the thought chosen, and whether it was the helpful one. */
  thought?: { id: string; text: string; helpful: boolean };
  /** For an assembled I-message: what it got right and wrong. */
  iMessage?: IMessageAssessment;
}

export type StepResult = { ok: true; state: CallState; record: StepRecord } | { ok: false; reason: string };

/** Composure lost when the customer's line is bait or misconduct, and changes from the answer. */
export const COMPOSURE = { pressure: 8, tookBait: 5, rushed: 5, steady: 4 } as const;

/**
 * Composure below which the customer's patience with silence starts to shrink (responseWindow); a
 * helpful time-out taken below it is keeping cool, which the score credits.
 */
export const COOL_BELOW = 60;

/**
 * The share of the customer's patience the trainee gets to answer in: all of it while composure is
 * COOL_BELOW or more, shrinking to half at 0 — a hot head has less time to think.
 */
export function responseWindow(composure: number): number {
  return composure >= COOL_BELOW ? 1 : 0.5 + composure / (2 * COOL_BELOW);
}

/** Composure a customer's line costs the trainee as it lands: bait and misconduct each wear it down. */
export function linePressure(node: Pick<ScenarioNode, 'bait' | 'misconduct'>): number {
  return (node.bait ? COMPOSURE.pressure : 0) + (node.misconduct ? COMPOSURE.pressure : 0);
}

/** Whether an answer at `at` is rushed: within RUSHED_MS of the customer finishing, with no time-out since. */
export function rushedAt(state: Pick<CallState, 'breathed' | 'finishedAt'>, at: number): boolean {
  return !state.breathed && at < state.finishedAt + RUSHED_MS;
}

function enter(
  scenario: Scenario,
  state: Omit<CallState, 'line' | 'enteredAt' | 'finishedAt' | 'deadline' | 'breathed'>,
  at: number,
  line?: string,
): CallState {
  const node = state.node === null ? undefined : own(scenario.nodes, state.node);
  const text = line ?? (node ? lineFor(node.says, state.mood) : '');
  const finishedAt = at + speechMs(text);
  // Every field, always in this order: one object shape for the whole engine keeps replay fast.
  return {
    node: state.node,
    ending: state.ending,
    anger: state.anger,
    trust: state.trust,
    composure: state.composure,
    mood: state.mood,
    flags: state.flags,
    line: text,
    enteredAt: at,
    finishedAt,
    deadline: finishedAt + Math.round(scenario.customer.patience * 1000 * responseWindow(state.composure)),
    timeoutsLeft: state.timeoutsLeft,
    breathed: false,
    time: at,
  };
}

function pressureOf(scenario: Scenario, nodeId: string | null): number {
  const node = nodeId === null ? undefined : own(scenario.nodes, nodeId);
  return node ? linePressure(node) : 0;
}

/** Numbers to start a call from at any moment: author mode's playtest from a chosen state. */
export interface StartAt {
  node: string;
  anger: number;
  trust: number;
  /** Before the line's own pressure; 100 when left out. */
  composure?: number;
  flags?: readonly string[];
  timeoutsLeft?: number;
}

/**
 * The state of a call that begins at `at.node` with the given numbers, the customer starting that
 * moment's line at time 0. The loader has checked the scenario; `at.node` must be one of its nodes.
 */
export function stateAt(scenario: Scenario, at: StartAt): CallState {
  const anger = clampPercent(at.anger);
  const trust = clampPercent(at.trust);
  return enter(
    scenario,
    {
      node: at.node,
      ending: null,
      anger,
      trust,
      composure: clampPercent((at.composure ?? 100) - pressureOf(scenario, at.node)),
      mood: moodOf(anger, trust),
      flags: [...new Set(at.flags ?? [])].sort(),
      timeoutsLeft: at.timeoutsLeft ?? scenario.timeouts,
      time: 0,
    },
    0,
  );
}

/** The state at the start of a call: the customer begins their first line at time 0. */
export function initialState(scenario: Scenario): CallState {
  const { anger, trust } = scenario.customer;
  return stateAt(scenario, { node: scenario.start, anger, trust });
}

export function holds(condition: Condition, anger: number, trust: number, flags: readonly string[]): boolean {
  return (
    (condition.anger_at_least === undefined || anger >= condition.anger_at_least) &&
    (condition.anger_below === undefined || anger < condition.anger_below) &&
    (condition.trust_at_least === undefined || trust >= condition.trust_at_least) &&
    (condition.trust_below === undefined || trust < condition.trust_below) &&
    (condition.flag === undefined || flags.includes(condition.flag)) &&
    (condition.not_flag === undefined || !flags.includes(condition.not_flag))
  );
}

/**
 * Why a `next` led where it did: straight there, through branch `branch` (its index), or to the
 * scenario's max-anger ending because anger reached the top. Author mode's live panel shows it.
 */
export interface Route {
  goto: string;
  by: 'direct' | 'branch' | 'max-anger';
  /** The index of the branch taken, when `by` is 'branch'. */
  branch: number | null;
}

/** Where a `next` leads and why, given the numbers after the answer's own effect. */
export function routeOf(
  scenario: Scenario,
  next: string | Branch[],
  anger: number,
  trust: number,
  flags: readonly string[],
): Route {
  if (anger >= MAX_ANGER) return { goto: scenario.at_max_anger, by: 'max-anger', branch: null };
  if (typeof next === 'string') return { goto: next, by: 'direct', branch: null };
  let index = next.findIndex((b) => b.when === undefined || holds(b.when, anger, trust, flags));
  // The loader guarantees a default branch; falling back to the last keeps this total.
  if (index < 0) index = next.length - 1;
  return { goto: next[index]?.goto ?? scenario.at_max_anger, by: 'branch', branch: index };
}

/** Where a `next` leads, given the numbers after the answer's own effect. */
export function destinationOf(
  scenario: Scenario,
  next: string | Branch[],
  anger: number,
  trust: number,
  flags: readonly string[],
): string {
  return routeOf(scenario, next, anger, trust, flags).goto;
}

/** Where a response leads, given the numbers after its own effect. */
export function destination(
  scenario: Scenario,
  response: ScenarioResponse,
  anger: number,
  trust: number,
  flags: readonly string[],
): string {
  return destinationOf(scenario, response.next, anger, trust, flags);
}

function moveTo(
  scenario: Scenario,
  target: string,
  at: number,
  numbers: { anger: number; trust: number; composure: number; flags: string[]; timeoutsLeft: number },
): CallState {
  const ending = own(scenario.endings, target);
  const isEnding = ending !== undefined;
  const mood = moodOf(numbers.anger, numbers.trust);
  const composure = isEnding
    ? numbers.composure
    : clampPercent(numbers.composure - pressureOf(scenario, target));
  // A literal rather than a spread of `numbers`: same fields, and much faster in a hot loop.
  const base = {
    node: isEnding ? null : target,
    ending: isEnding ? target : null,
    anger: numbers.anger,
    trust: numbers.trust,
    composure,
    mood,
    flags: numbers.flags,
    timeoutsLeft: numbers.timeoutsLeft,
    time: at,
  };
  return enter(scenario, base, at, ending ? (ending.says ?? '') : undefined);
}

/** Applies one transcript event, or says why it is not legal here. Pure. */
export function step(scenario: Scenario, state: CallState, event: TranscriptEvent): StepResult {
  if (state.node === null)
    return { ok: false, reason: `the call has already ended ('${state.ending ?? ''}')` };
  if (event.node !== state.node)
    return { ok: false, reason: `the customer is at node '${state.node}', not '${event.node}'` };
  if (!Number.isInteger(event.at) || event.at < state.time) {
    return {
      ok: false,
      reason: `time ${event.at} ms goes back before the previous event at ${state.time} ms`,
    };
  }
  const node = own(scenario.nodes, state.node);
  if (!node) return { ok: false, reason: `unknown node '${state.node}'` };
  const before = { anger: state.anger, trust: state.trust, composure: state.composure };

  if (event.kind === 'silence') {
    if (event.at !== state.deadline) {
      return {
        ok: false,
        reason: `silence is recorded at ${event.at} ms but the customer's patience ran out at ${state.deadline} ms`,
      };
    }
    const anger = clampPercent(state.anger + scenario.customer.silence_anger);
    const numbers = {
      anger,
      trust: state.trust,
      composure: state.composure,
      flags: state.flags,
      timeoutsLeft: state.timeoutsLeft,
    };
    const after =
      anger >= MAX_ANGER
        ? moveTo(scenario, scenario.at_max_anger, event.at, numbers)
        : enter(
            scenario,
            {
              node: state.node,
              ending: state.ending,
              anger,
              trust: state.trust,
              composure: state.composure,
              mood: moodOf(anger, state.trust),
              flags: state.flags,
              timeoutsLeft: state.timeoutsLeft,
              time: state.time,
            },
            event.at,
            node.silence ?? DEFAULT_SILENCE_LINE,
          );
    return { ok: true, state: after, record: { event, rushed: false, before, after } };
  }

  if (event.at >= state.deadline) {
    return {
      ok: false,
      reason: `the ${event.kind === 'timeout' ? 'time-out' : 'answer'} at ${event.at} ms comes after the customer's patience ran out at ${state.deadline} ms; a silence must be recorded first`,
    };
  }

  if (event.kind === 'timeout') {
    if (state.timeoutsLeft <= 0) return { ok: false, reason: 'no time-outs are left in this call' };
    const taken = scenario.timeouts - state.timeoutsLeft;
    const thought = offeredThoughts(scenario, taken).find((t) => t.id === event.thought);
    if (!thought) {
      return { ok: false, reason: `the thought '${event.thought}' is not one this time-out offers` };
    }
    // The clock stands still during a time-out: the customer's line and patience are unchanged.
    const after: CallState = {
      ...state,
      composure: clampPercent(
        state.composure + (thought.helpful ? TIMEOUT_COMPOSURE.helpful : TIMEOUT_COMPOSURE.unhelpful),
      ),
      timeoutsLeft: state.timeoutsLeft - 1,
      breathed: true,
      time: event.at,
    };
    return {
      ok: true,
      state: after,
      record: {
        event,
        rushed: false,
        before,
        after,
        thought: { id: thought.id, text: thought.text, helpful: thought.helpful },
      },
    };
  }

  const rushed = rushedAt(state, event.at);
  const pressured = node.bait || node.misconduct;
  if (event.kind === 'i-message') {
    const assessed = assessIMessage(scenario, state.node, event.parts);
    if (!assessed.ok) return assessed;
    const { assessment } = assessed;
    const anger = clampPercent(state.anger + assessment.anger);
    const trust = clampPercent(state.trust + assessment.trust);
    const composure = clampPercent(
      state.composure +
        (assessment.harsh > 0 ? (pressured ? -COMPOSURE.tookBait : 0) : COMPOSURE.steady) -
        (rushed ? COMPOSURE.rushed : 0),
    );
    const next = node.i_message?.next ?? scenario.at_max_anger;
    const target = destinationOf(scenario, next, anger, trust, state.flags);
    const after = moveTo(scenario, target, event.at, {
      anger,
      trust,
      composure,
      flags: state.flags,
      timeoutsLeft: state.timeoutsLeft,
    });
    return { ok: true, state: after, record: { event, rushed, before, after, iMessage: assessment } };
  }

  const response = node.responses.find((r) => r.id === event.response);
  if (!response) {
    return { ok: false, reason: `node '${state.node}' has no response '${event.response}'` };
  }
  const anger = clampPercent(state.anger + response.anger);
  const trust = clampPercent(state.trust + response.trust);
  const flags =
    response.sets.length === 0 ? state.flags : [...new Set([...state.flags, ...response.sets])].sort();
  // A typed answer keeps its composure by what was heard in it; a picked one by what it breaks.
  const brokeOne = event.kind === 'typed' ? event.labels.some(isDont) : response.breaks.length > 0;
  const composure = clampPercent(
    state.composure +
      (brokeOne ? (pressured ? -COMPOSURE.tookBait : 0) : COMPOSURE.steady) -
      (rushed ? COMPOSURE.rushed : 0),
  );
  const target = destination(scenario, response, anger, trust, flags);
  const after = moveTo(scenario, target, event.at, {
    anger,
    trust,
    composure,
    flags,
    timeoutsLeft: state.timeoutsLeft,
  });
  return { ok: true, state: after, record: { event, rushed, before, after } };
}
