/** A live call: the compiled machine running on an injectable clock, recording its transcript. */
import { createActor, type Snapshot } from 'xstate';
import { compileScenario, type CallMachine } from './compile.js';
import type { Scenario } from './schema.js';
import { scoreRecords, type ScoreResult } from './score.js';
import type { CallState, StepRecord } from './step.js';
import { TRANSCRIPT_FORMAT, type Transcript } from './transcript.js';

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

/** What `persist()` returns: plain JSON that `startCall(..., { restore })` takes back. */
export interface PersistedCall {
  kind: 'keep-cool-call';
  version: 1;
  scenario: { id: string; version: number };
  /** Call time when it was saved; the call resumes from here. */
  elapsed: number;
  machine: unknown;
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
}

/** Starts (or restores) a call. Throws only if `restore` belongs to another scenario or version. */
export function startCall(scenario: Scenario, options: CallOptions = {}): Call {
  const clock = options.clock ?? realClock;
  const machine = options.machine ?? compileScenario(scenario);
  const restore = options.restore;
  if (restore && (restore.scenario.id !== scenario.id || restore.scenario.version !== scenario.version)) {
    throw new Error(`saved call is for ${restore.scenario.id} v${restore.scenario.version}, not ${scenario.id} v${scenario.version}`);
  }
  const startedAt = clock.now() - (restore?.elapsed ?? 0);
  const actor = createActor(machine, {
    clock,
    ...(restore ? { snapshot: restore.machine as Snapshot<unknown> as never } : {}),
  });
  actor.start();

  const elapsed = () => clock.now() - startedAt;
  const context = () => actor.getSnapshot().context;

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
    if (s.node === null) return;
    resumeTimer = clock.setTimeout(() => {
      catchUp();
      scheduleResume();
    }, Math.max(0, s.deadline - elapsed()));
  };
  if (restore) {
    catchUp();
    scheduleResume();
  }

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
      catchUp();
      const before = context();
      if (before.state.node === null) return { ok: false, reason: 'the call has ended' };
      const node = scenario.nodes[before.state.node];
      if (!node?.responses.some((r) => r.id === responseId)) {
        return { ok: false, reason: `no response '${responseId}' at '${before.state.node}'` };
      }
      actor.send({ type: 'CHOOSE', response: responseId, at: Math.max(before.state.time, Math.round(elapsed())) });
      return context() === before ? { ok: false, reason: 'that answer is not possible now' } : { ok: true };
    },
    transcript: () => ({
      format: TRANSCRIPT_FORMAT,
      scenario: { id: scenario.id, version: scenario.version },
      events: [...context().events],
    }),
    result: () => scoreRecords(scenario, context().records),
    persist: () => ({
      kind: 'keep-cool-call',
      version: 1,
      scenario: { id: scenario.id, version: scenario.version },
      elapsed: Math.round(elapsed()),
      machine: JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as unknown,
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
