/** A live call: the compiled machine running on an injectable clock, recording its transcript. */
import { createActor } from 'xstate';
import { compileScenario, type CallMachine } from './compile.js';
import { replay } from './replay.js';
import { offeredThoughts, type OfferedThought } from './method.js';
import { RUSHED_MS } from './mood.js';
import { own } from './own.js';
import type { Scenario } from './schema.js';
import { scoreRecords, type ScoreResult } from './score.js';
import type { CallState, StepRecord } from './step.js';
import {
  TRANSCRIPT_FORMAT,
  type AnswerWay,
  type Mode,
  type Transcript,
  type TranscriptEvent,
  type TypedAnswer,
} from './transcript.js';

/** Time source and timers. Pass a simulated clock in tests; the default is the real one. */
export interface CallClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export const realClock: CallClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => {
    clearTimeout(id as ReturnType<typeof setTimeout>);
  },
};

/**
 * What `persist()` returns: plain JSON that `startCall(..., { restore })` takes back. It keeps the
 * transcript rather than XState's internal snapshot: on restore the transcript is replayed, so a
 * damaged or edited save is refused with a reason instead of resuming an impossible call.
 */
export interface PersistedCall {
  kind: 'keep-cool-call';
  version: 1;
  scenario: { id: string; version: number };
  /** Call time when it was saved; the call resumes from here. */
  elapsed: number;
  events: TranscriptEvent[];
  /** The mode the run is played in (absent in saves from before modes were recorded: coach). */
  mode?: Mode;
  /** How the trainee answers (absent: pick). */
  answers?: AnswerWay;
}

export type ChooseResult = { ok: true } | { ok: false; reason: string };

export interface Call {
  /** The current state: node, numbers, the customer's line and its timing. */
  readonly state: CallState;
  readonly records: readonly StepRecord[];
  readonly ended: boolean;
  /** Milliseconds since the call started, on the call's clock. */
  elapsed(): number;
  choose(responseId: string): ChooseResult;
  /** Says an I-message made of these pieces (fragment ids, in order). */
  sayIMessage(parts: readonly string[]): ChooseResult;
  /** Says an answer the trainee typed, understood and matched (or picked) by the page. */
  sayTyped(typed: TypedAnswer): ChooseResult;
  /** Time-outs left in this call. */
  readonly timeoutsLeft: number;
  /** A time-out is under way: the clock stands still until a thought is chosen (or it is called off). */
  readonly paused: boolean;
  /** Starts a time-out: the clock stops, and these two thoughts are offered. */
  timeOut(): { ok: true; thoughts: [OfferedThought, OfferedThought] } | { ok: false; reason: string };
  /** Ends the time-out with the chosen thought; the clock goes on from where it stopped. */
  think(thoughtId: string): ChooseResult;
  /** Ends the time-out without taking it. */
  cancelTimeOut(): void;
  /**
   * The trainee is putting an I-message together: the customer finishes their line (and the
   * second after it, in which an answer is rushed), then the clock stands still until the
   * I-message is said or `release()` calls it off. False when it cannot be held now.
   *
   * `from: 'now'` holds at this very moment instead: a typed answer began when the trainee began
   * typing it (as a spoken one begins with its first word), so the pause rule judges that moment,
   * while the time it takes to type is not counted against the customer's patience.
   */
  hold(from?: 'pause' | 'now'): boolean;
  /** Ends a hold without an answer: the clock goes on from where it stopped. */
  release(): void;
  /** The clock is held for an I-message being built or an answer being typed. */
  readonly holding: boolean;
  readonly mode: Mode;
  /** How this call takes answers: picked or typed. */
  readonly answers: AnswerWay;
  transcript(): Transcript;
  result(): ScoreResult;
  persist(): PersistedCall;
  subscribe(listener: (state: CallState) => void): () => void;
  stop(): void;
}

export interface CallOptions {
  clock?: CallClock;
  restore?: PersistedCall;
  /** A machine already compiled for this scenario, to skip compiling again. */
  machine?: CallMachine;
  /** Coach (the default) or assessment; recorded in the transcript. */
  mode?: Mode;
  /** Pick (the default) or type; recorded in the transcript, and the call takes answers only that way. */
  answers?: AnswerWay;
  /**
   * Starts at this state instead of the scenario's start (author mode's practice from any moment,
   * made by stateAt). Its transcript does not say so, so such a call is never saved or restored.
   */
  from?: CallState;
}

/** The machine snapshot a saved call stands for, rebuilt by replaying its transcript. */
function restoredSnapshot(scenario: Scenario, machine: CallMachine, saved: PersistedCall) {
  const replayed = replay(scenario, {
    format: TRANSCRIPT_FORMAT,
    scenario: saved.scenario,
    ...(saved.answers ? { answers: saved.answers } : {}),
    events: saved.events,
  });
  if (!replayed.ok) {
    throw new Error(
      `the saved call cannot be restored: ${replayed.step === null ? '' : `step ${replayed.step}: `}${replayed.reason}`,
    );
  }
  if (!Number.isFinite(saved.elapsed) || saved.elapsed < replayed.state.time) {
    throw new Error('the saved call cannot be restored: its clock is behind its last event');
  }
  const { state, records } = replayed;
  return machine.resolveState({
    value: state.node ?? state.ending ?? scenario.start,
    context: { state, events: records.map((r) => r.event), records, paused: false, since: state.time },
  });
}

/** Starts (or restores) a call. Throws, with the reason, if a saved call cannot be restored. */
export function startCall(scenario: Scenario, options: CallOptions = {}): Call {
  const clock = options.clock ?? realClock;
  const machine = options.machine ?? compileScenario(scenario, options.from);
  const restore = options.restore;
  const snapshot = restore ? restoredSnapshot(scenario, machine, restore) : undefined;
  const mode: Mode = options.mode ?? restore?.mode ?? 'coach';
  const answers: AnswerWay = options.answers ?? restore?.answers ?? 'pick';
  let startedAt = clock.now() - (restore?.elapsed ?? 0);
  const actor = createActor(machine, { clock, ...(snapshot ? { snapshot } : {}) });
  actor.start();

  /** Call time when a time-out began, while it lasts. */
  let pausedAt: number | null = null;
  /** While an I-message is being built: the call time the clock runs up to and stops at. */
  let holdUntil: number | null = null;
  const elapsed = () => {
    if (pausedAt !== null) return pausedAt;
    const running = clock.now() - startedAt;
    return holdUntil === null ? running : Math.min(running, holdUntil);
  };
  const context = () => actor.getSnapshot().context;
  /** Ends a pause: the call's clock goes on from the moment it stopped. */
  const unpause = (): number => {
    const at = pausedAt ?? elapsed();
    startedAt = clock.now() - at;
    pausedAt = null;
    return at;
  };

  // A restored machine has lost its pending timer, and a real timer can fire late: whenever the
  // call's own time has passed the customer's patience, let the silence happen first, in order.
  const catchUp = () => {
    for (let s = context().state; s.node !== null && elapsed() >= s.deadline; s = context().state) {
      actor.send({ type: 'SILENCE' });
      if (context().state === s) break;
    }
  };
  let resumeTimer: unknown;
  const scheduleResume = () => {
    const s = context().state;
    if (s.node === null || pausedAt !== null) return;
    resumeTimer = clock.setTimeout(
      () => {
        catchUp();
        scheduleResume();
      },
      Math.max(0, s.deadline - elapsed()),
    );
  };
  if (restore) {
    catchUp();
    scheduleResume();
  }
  const release = () => {
    if (holdUntil === null) return;
    const at = Math.max(context().state.time, Math.round(elapsed()));
    holdUntil = null;
    startedAt = clock.now() - at;
    actor.send({ type: 'RESUME', at });
    scheduleResume();
  };
  const answer = (
    event:
      | { type: 'CHOOSE'; response: string }
      | { type: 'I_MESSAGE'; parts: string[] }
      | ({ type: 'TYPED' } & TypedAnswer),
  ): ChooseResult => {
    if (pausedAt !== null) return { ok: false, reason: 'finish the time-out first' };
    // An answer ends a hold: it is given at the moment the clock stopped.
    release();
    catchUp();
    const before = context();
    if (before.state.node === null) return { ok: false, reason: 'the call has ended' };
    actor.send({ ...event, at: Math.max(before.state.time, Math.round(elapsed())) });
    return context() === before ? { ok: false, reason: 'that answer is not possible now' } : { ok: true };
  };

  return {
    get state() {
      return context().state;
    },
    get records() {
      return context().records;
    },
    get ended() {
      return context().state.node === null;
    },
    elapsed,
    choose(responseId) {
      if (answers === 'type') return { ok: false, reason: 'this call is answered by typing' };
      const node = context().state.node;
      if (node !== null && !own(scenario.nodes, node)?.responses.some((r) => r.id === responseId)) {
        return { ok: false, reason: `no response '${responseId}' at '${node}'` };
      }
      return answer({ type: 'CHOOSE', response: responseId });
    },
    sayIMessage(parts) {
      if (answers === 'type') return { ok: false, reason: 'this call is answered by typing' };
      return answer({ type: 'I_MESSAGE', parts: [...parts] });
    },
    sayTyped(typed) {
      if (answers === 'pick') return { ok: false, reason: 'this call is answered by picking' };
      const node = context().state.node;
      if (node !== null && !own(scenario.nodes, node)?.responses.some((r) => r.id === typed.response)) {
        return { ok: false, reason: `no response '${typed.response}' at '${node}'` };
      }
      return answer({ type: 'TYPED', ...typed, labels: [...typed.labels] });
    },
    get timeoutsLeft() {
      return context().state.timeoutsLeft;
    },
    get paused() {
      return pausedAt !== null;
    },
    get mode() {
      return mode;
    },
    get answers() {
      return answers;
    },
    timeOut() {
      if (pausedAt !== null) return { ok: false, reason: 'a time-out is already under way' };
      if (holdUntil !== null) return { ok: false, reason: 'finish the answer you are giving first' };
      catchUp();
      const s = context().state;
      if (s.node === null) return { ok: false, reason: 'the call has ended' };
      if (s.timeoutsLeft <= 0) return { ok: false, reason: 'no time-outs are left in this call' };
      pausedAt = Math.max(s.time, Math.round(elapsed()));
      if (resumeTimer !== undefined) clock.clearTimeout(resumeTimer);
      actor.send({ type: 'PAUSE' });
      return { ok: true, thoughts: offeredThoughts(scenario, scenario.timeouts - s.timeoutsLeft) };
    },
    think(thoughtId) {
      if (pausedAt === null) return { ok: false, reason: 'no time-out is under way' };
      const before = context();
      const at = unpause();
      actor.send({ type: 'TIMEOUT', thought: thoughtId, at });
      if (context() === before) {
        actor.send({ type: 'RESUME', at });
        scheduleResume();
        return { ok: false, reason: `the thought '${thoughtId}' is not on offer` };
      }
      scheduleResume();
      return { ok: true };
    },
    hold(from = 'pause') {
      if (pausedAt !== null || holdUntil !== null) return false;
      catchUp();
      const s = context().state;
      if (s.node === null) return false;
      // Never before now, never past the customer's patience.
      const now = Math.max(s.time, Math.round(elapsed()));
      holdUntil = Math.min(from === 'now' ? now : Math.max(now, s.finishedAt + RUSHED_MS), s.deadline - 1);
      if (resumeTimer !== undefined) clock.clearTimeout(resumeTimer);
      actor.send({ type: 'PAUSE' });
      return true;
    },
    release,
    get holding() {
      return holdUntil !== null;
    },
    cancelTimeOut() {
      if (pausedAt === null) return;
      actor.send({ type: 'RESUME', at: unpause() });
      scheduleResume();
    },
    transcript: () => ({
      format: TRANSCRIPT_FORMAT,
      scenario: { id: scenario.id, version: scenario.version },
      mode,
      answers,
      events: [...context().events],
    }),
    result: () => scoreRecords(scenario, context().records),
    persist: () => ({
      kind: 'keep-cool-call',
      version: 1,
      scenario: { id: scenario.id, version: scenario.version },
      elapsed: Math.round(elapsed()),
      events: [...context().events],
      mode,
      answers,
    }),
    subscribe(listener) {
      const sub = actor.subscribe((snapshot) => {
        listener(snapshot.context.state);
      });
      return () => {
        sub.unsubscribe();
      };
    },
    stop() {
      if (resumeTimer !== undefined) clock.clearTimeout(resumeTimer);
      actor.stop();
    },
  };
}
