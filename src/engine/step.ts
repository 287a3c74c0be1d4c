/**
 * The rules of a call as one pure step function. The XState machine, replay and path exploration
 * all apply it, so a transcript means the same thing everywhere.
 */
import {
  CALM_MS,
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
import type { Branch, ConditionShape, Scenario, ScenarioNode, ScenarioResponse } from './schema.js';
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
  /** The scenario's number variables now, by name (every one the scenario declares). */
  vars: Vars;
  /** Who says `line`: 'customer', 'narrator', 'hold', or a key of the scenario's speakers. */
  speaker: string;
  /**
   * Lines said on the way to this moment by moments nobody answers (narration, a hold), in order:
   * they are said first, then `line`. `enteredAt` is when the first of them began.
   */
  lead: Lead[];
  /** The current line (after `lead`) and when the lines began and finished (ms since start). */
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

/** A scenario's number variables at one moment, by name. */
export type Vars = Readonly<Record<string, number>>;

/** A line said by a moment nobody answers, on the way to the next. */
export interface Lead {
  node: string;
  speaker: string;
  text: string;
}

/** Who speaks a node's line when it names nobody. */
export const CUSTOMER = 'customer';

/** The longest run of moments nobody answers the engine follows (the checker forbids loops of them). */
export const MAX_LEADS = 16;

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

/** The numbers that decide a moment's line and where a call goes. */
interface Numbers {
  anger: number;
  trust: number;
  flags: readonly string[];
  vars: Vars;
}

/** `{name}` in a line or a response: a number variable's value, as the page shows it. */
const PLACEHOLDER = /\{([a-z][a-z0-9-]{0,63})\}/g;

/** How a variable's value reads in a line: whole numbers as they are, others to the cent. */
export function formatAmount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** Text with each `{name}` of a known variable replaced by its value; other braces stay as written. */
export function fill(text: string, vars: Vars): string {
  if (!text.includes('{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = own(vars, name);
    return value === undefined ? whole : formatAmount(value);
  });
}

/** The line a node says on arrival: its first variant whose condition holds, else `says`, in the mood. */
export function lineAt(node: ScenarioNode, mood: Mood, n: Numbers): string {
  const variant = node.variants.find((v) => holds(v.when, n.anger, n.trust, n.flags, n.vars));
  return fill(lineFor(variant ? variant.says : node.says, mood), n.vars);
}

/** A response's words as the trainee sees them at a state (before answering): variants, then `{name}`s. */
export function responseSays(
  response: ScenarioResponse,
  state: Pick<CallState, 'anger' | 'trust' | 'flags' | 'vars'>,
): string {
  if (response.variants.length === 0 && !response.says.includes('{')) return response.says;
  const variant = response.variants.find((v) =>
    holds(v.when, state.anger, state.trust, state.flags, state.vars),
  );
  return fill(variant ? variant.says : response.says, state.vars);
}

/**
 * What a call remembers besides anger and trust, as one string: its flags and its variables' values
 * (every state of a scenario has the same variables, in the same order).
 */
export function memoryKey(s: Pick<CallState, 'flags' | 'vars'>): string {
  const values = Object.values(s.vars);
  return values.length === 0 ? s.flags.join(',') : `${s.flags.join(',')}#${values.join(',')}`;
}

/** The response as the trainee sees it at a state: its words and feedback in the wording of that moment. */
export function worded(
  response: ScenarioResponse,
  state: Pick<CallState, 'anger' | 'trust' | 'flags' | 'vars'>,
): ScenarioResponse {
  const says = responseSays(response, state);
  const feedback = fill(response.feedback, state.vars);
  return says === response.says && feedback === response.feedback
    ? response
    : { ...response, says, feedback };
}

/** A scenario's variables at their starting values. */
export function startingVars(scenario: Scenario): Vars {
  return scenario.variables;
}

/** Whether a node is a moment nobody answers: its line is said and the call moves on by its `next`. */
export function passesThrough(node: ScenarioNode): node is ScenarioNode & { next: string | Branch[] } {
  return node.responses.length === 0 && node.next !== undefined;
}

/** The speaker of a node's line. */
export function speakerOf(node: ScenarioNode | undefined): string {
  return node?.speaker ?? CUSTOMER;
}

function enter(
  scenario: Scenario,
  state: Omit<CallState, 'line' | 'speaker' | 'enteredAt' | 'finishedAt' | 'deadline' | 'breathed'>,
  at: number,
  line?: string,
  lineSpeaker = CUSTOMER,
): CallState {
  const node = state.node === null ? undefined : own(scenario.nodes, state.node);
  const text = line ?? (node ? lineAt(node, state.mood, state) : '');
  let speaking = speechMs(text);
  for (const lead of state.lead) speaking += speechMs(lead.text);
  const finishedAt = at + speaking;
  // Every field, always in this order: one object shape for the whole engine keeps replay fast.
  return {
    node: state.node,
    ending: state.ending,
    anger: state.anger,
    trust: state.trust,
    composure: state.composure,
    mood: state.mood,
    flags: state.flags,
    vars: state.vars,
    speaker: line === undefined ? speakerOf(node) : lineSpeaker,
    lead: state.lead,
    line: text,
    enteredAt: at,
    finishedAt,
    deadline: finishedAt + Math.round(scenario.customer.patience * 1000 * responseWindow(state.composure)),
    timeoutsLeft: state.timeoutsLeft,
    breathed: false,
    time: at,
  };
}

/**
 * Follows moments nobody answers from `target`: the lines they say on the way, and the moment (or
 * ending) the call arrives at. Bounded: the checker forbids loops of such moments.
 */
export function arrive(scenario: Scenario, target: string, n: Numbers): { target: string; lead: Lead[] } {
  const lead: Lead[] = [];
  let at = target;
  for (let i = 0; i < MAX_LEADS; i++) {
    const node = own(scenario.nodes, at);
    if (!node || !passesThrough(node)) break;
    lead.push({ node: at, speaker: speakerOf(node), text: lineAt(node, moodOf(n.anger, n.trust), n) });
    at = routeOf(scenario, node.next, n.anger, n.trust, n.flags, n.vars).goto;
  }
  return { target: at, lead };
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
  /** Variables to set; the rest keep their starting values. */
  vars?: Readonly<Record<string, number>>;
  timeoutsLeft?: number;
}

/**
 * The state of a call that begins at `at.node` with the given numbers, the customer starting that
 * moment's line at time 0. The loader has checked the scenario; `at.node` must be one of its nodes.
 */
export function stateAt(scenario: Scenario, at: StartAt): CallState {
  const anger = clampPercent(at.anger);
  const trust = clampPercent(at.trust);
  const flags = [...new Set(at.flags ?? [])].sort();
  const vars = withVars(startingVars(scenario), at.vars ?? {});
  const { target, lead } = arrive(scenario, at.node, { anger, trust, flags, vars });
  const isEnding = own(scenario.endings, target) !== undefined;
  return enter(
    scenario,
    {
      node: isEnding ? null : target,
      ending: isEnding ? target : null,
      anger,
      trust,
      composure: clampPercent((at.composure ?? 100) - pressureOf(scenario, target)),
      mood: moodOf(anger, trust),
      flags,
      vars,
      lead,
      timeoutsLeft: at.timeoutsLeft ?? scenario.timeouts,
      time: 0,
    },
    0,
    isEnding ? (own(scenario.endings, target)?.says ?? '') : undefined,
  );
}

/** Variables after `set` then `add`, each rounded to the cent and kept within a million either way. */
export function withVars(
  vars: Vars,
  set: Readonly<Record<string, number>>,
  add: Readonly<Record<string, number>> = {},
): Vars {
  const names = Object.keys(set).concat(Object.keys(add));
  if (names.length === 0) return vars;
  const out: Record<string, number> = { ...vars };
  for (const name of names) {
    const base = own(set, name) ?? own(out, name) ?? 0;
    const value = base + (own(add, name) ?? 0);
    out[name] = Math.max(-1_000_000, Math.min(1_000_000, Math.round(value * 100) / 100));
  }
  return out;
}

/** The state at the start of a call: the customer begins their first line at time 0. */
export function initialState(scenario: Scenario): CallState {
  const { anger, trust } = scenario.customer;
  return stateAt(scenario, { node: scenario.start, anger, trust });
}

const NO_VARS: Vars = {};

/** Whether a condition holds for these numbers: every test in it, and one of its `any` list. */
export function holds(
  condition: ConditionShape,
  anger: number,
  trust: number,
  flags: readonly string[],
  vars: Vars = NO_VARS,
): boolean {
  const c = condition;
  if (c.anger_at_least !== undefined && anger < c.anger_at_least) return false;
  if (c.anger_below !== undefined && anger >= c.anger_below) return false;
  if (c.trust_at_least !== undefined && trust < c.trust_at_least) return false;
  if (c.trust_below !== undefined && trust >= c.trust_below) return false;
  if (c.flag !== undefined && !flags.includes(c.flag)) return false;
  if (c.not_flag !== undefined && flags.includes(c.not_flag)) return false;
  if (c.var !== undefined) {
    const value = own(vars, c.var) ?? 0;
    if (c.at_least !== undefined && value < c.at_least) return false;
    if (c.below !== undefined && value >= c.below) return false;
    if (c.equals !== undefined && value !== c.equals) return false;
  }
  if (c.all !== undefined && !c.all.every((d) => holds(d, anger, trust, flags, vars))) return false;
  if (c.any !== undefined && !c.any.some((d) => holds(d, anger, trust, flags, vars))) return false;
  return true;
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
  vars: Vars = NO_VARS,
): Route {
  if (anger >= MAX_ANGER) return { goto: scenario.at_max_anger, by: 'max-anger', branch: null };
  if (typeof next === 'string') return { goto: next, by: 'direct', branch: null };
  let index = next.findIndex((b) => b.when === undefined || holds(b.when, anger, trust, flags, vars));
  // The loader guarantees a default branch; falling back to the last keeps this total.
  if (index < 0) index = next.length - 1;
  return { goto: next[index]?.goto ?? scenario.at_max_anger, by: 'branch', branch: index };
}

/**
 * Where a `next` leads, given the numbers after the answer's own effect: the moment the trainee
 * answers next (past any moments nobody answers), or an ending.
 */
export function destinationOf(
  scenario: Scenario,
  next: string | Branch[],
  anger: number,
  trust: number,
  flags: readonly string[],
  vars: Vars = NO_VARS,
): string {
  let at = routeOf(scenario, next, anger, trust, flags, vars).goto;
  // As arrive() goes, without wording the lines on the way: the walks call this for every state.
  for (let i = 0; i < MAX_LEADS; i++) {
    const node = own(scenario.nodes, at);
    if (!node || !passesThrough(node)) break;
    at = routeOf(scenario, node.next, anger, trust, flags, vars).goto;
  }
  return at;
}

/** Where a response leads, given the numbers after its own effect. */
export function destination(
  scenario: Scenario,
  response: ScenarioResponse,
  anger: number,
  trust: number,
  flags: readonly string[],
  vars: Vars = NO_VARS,
): string {
  return destinationOf(scenario, response.next, anger, trust, flags, vars);
}

/** The state on arriving at `goto` (past any moments nobody answers) at time `at`. */
function moveTo(
  scenario: Scenario,
  goto: string,
  at: number,
  numbers: {
    anger: number;
    trust: number;
    composure: number;
    flags: string[];
    vars: Vars;
    timeoutsLeft: number;
  },
): CallState {
  const arrived = arrive(scenario, goto, numbers);
  const target = arrived.target;
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
    vars: numbers.vars,
    lead: arrived.lead,
    timeoutsLeft: numbers.timeoutsLeft,
    time: at,
  };
  return enter(scenario, base, at, ending ? fill(ending.says ?? '', numbers.vars) : undefined);
}

/** Applies one transcript event, or says why it is not legal here. Pure. */
/** Answering `response` at `node`, calmly: CALM_MS after the customer's line finished. */
export function calmChoice(
  state: Pick<CallState, 'finishedAt'>,
  node: string,
  response: string,
): TranscriptEvent {
  return { kind: 'choice', at: state.finishedAt + CALM_MS, node, response };
}

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
      vars: state.vars,
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
              vars: state.vars,
              lead: [],
              timeoutsLeft: state.timeoutsLeft,
              time: state.time,
            },
            event.at,
            fill(node.silence ?? DEFAULT_SILENCE_LINE, state.vars),
            speakerOf(node),
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
    const goto = routeOf(scenario, next, anger, trust, state.flags, state.vars).goto;
    const after = moveTo(scenario, goto, event.at, {
      anger,
      trust,
      composure,
      flags: state.flags,
      vars: state.vars,
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
  const vars = withVars(state.vars, response.set, response.add);
  // A typed answer keeps its composure by what was heard in it; a picked one by what it breaks.
  const brokeOne = event.kind === 'typed' ? event.labels.some(isDont) : response.breaks.length > 0;
  const composure = clampPercent(
    state.composure +
      (brokeOne ? (pressured ? -COMPOSURE.tookBait : 0) : COMPOSURE.steady) -
      (rushed ? COMPOSURE.rushed : 0),
  );
  const goto = routeOf(scenario, response.next, anger, trust, flags, vars).goto;
  const after = moveTo(scenario, goto, event.at, {
    anger,
    trust,
    composure,
    flags,
    vars,
    timeoutsLeft: state.timeoutsLeft,
  });
  return { ok: true, state: after, record: { event, rushed, before, after } };
}
