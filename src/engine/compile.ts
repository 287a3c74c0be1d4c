/**
 * Compiles a checked scenario into an XState 5 machine. Only named, parameterized guards and
 * actions are used, all defined here; targets come from the loader, which has checked every id.
 */
import { assign, setup } from 'xstate';
import { nodeTargets, targetsOfNext } from './graph.js';
import { own } from './own.js';
import type { Scenario } from './schema.js';
import {
  initialState,
  passesThrough,
  step,
  type CallState,
  type StepRecord,
  type StepResult,
} from './step.js';
import type { TranscriptEvent, TypedAnswer } from './transcript.js';

export interface CallContext {
  state: CallState;
  events: TranscriptEvent[];
  records: StepRecord[];
  /** A time-out is under way: the call's clock stands still and silence cannot run out. */
  paused: boolean;
  /** Call time when the current node was last (re)entered: the patience timer counts from here. */
  since: number;
}

/** Events that stand for a transcript event. */
export type StepEvent =
  | { type: 'CHOOSE'; response: string; at: number }
  | { type: 'SILENCE' }
  | { type: 'TIMEOUT'; thought: string; at: number }
  | { type: 'I_MESSAGE'; parts: string[]; at: number }
  | ({ type: 'TYPED'; at: number } & TypedAnswer);

/** Machine events: the steps, plus pausing for a time-out and going on without taking one. */
export type CallEvent = StepEvent | { type: 'PAUSE' } | { type: 'RESUME'; at: number };

/** The transcript event a machine event stands for, in the current context. */
export function toTranscriptEvent(context: CallContext, event: StepEvent): TranscriptEvent {
  const node = context.state.node ?? '';
  switch (event.type) {
    case 'CHOOSE':
      return { kind: 'choice', at: event.at, node, response: event.response };
    case 'SILENCE':
      return { kind: 'silence', at: context.state.deadline, node };
    case 'TIMEOUT':
      return { kind: 'timeout', at: event.at, node, thought: event.thought };
    case 'I_MESSAGE':
      return { kind: 'i-message', at: event.at, node, parts: event.parts };
    case 'TYPED': {
      const { text, model, labels, response, picked } = event;
      return { kind: 'typed', at: event.at, node, text, model, labels, response, picked };
    }
  }
}

/** The step a machine event stands for: the patience timer's own event is a silence. */
function asStep(event: CallEvent | { type: string }): StepEvent | null {
  if (event.type.startsWith('xstate.after')) return { type: 'SILENCE' };
  const known = event as CallEvent;
  return known.type === 'PAUSE' || known.type === 'RESUME' ? null : known;
}

/**
 * Builds the machine for a scenario: one state per node, one final state per ending. It starts at
 * the scenario's start, or at `from` (author mode's playtest from a chosen state, see stateAt).
 */
export function compileScenario(scenario: Scenario, from: CallState = initialState(scenario)) {
  const applyOnce = (context: CallContext, event: CallEvent): StepResult => {
    const stepEvent = asStep(event);
    if (stepEvent === null) return { ok: false, reason: 'not a step' };
    // During a time-out only the time-out itself can happen: no silence, no answer.
    if (context.paused && stepEvent.type !== 'TIMEOUT') return { ok: false, reason: 'paused' };
    return step(scenario, context.state, toTranscriptEvent(context, stepEvent));
  };
  // Every candidate target's guard, then the action, ask about the same context and event: the
  // step is pure, so it is worked out once for them all.
  let last: { context: CallContext; event: CallEvent; result: StepResult } | null = null;
  const apply = (context: CallContext, event: CallEvent): StepResult => {
    if (last?.context !== context || last.event !== event) {
      last = { context, event, result: applyOnce(context, event) };
    }
    return last.result;
  };

  const machineSetup = setup({
    types: { context: {} as CallContext, events: {} as CallEvent },
    guards: {
      /** The event is legal here and leads to `target`. */
      leadsTo: ({ context, event }, params: { target: string }) => {
        const result = apply(context, event);
        return result.ok && (result.state.node ?? result.state.ending) === params.target;
      },
    },
    actions: {
      applyEvent: assign(({ context, event }) => {
        const result = apply(context, event);
        if (!result.ok) return {};
        return {
          state: result.state,
          events: [...context.events, result.record.event],
          records: [...context.records, result.record],
          paused: false,
          since: result.state.time,
        };
      }),
      pause: assign({ paused: true }),
      resume: assign(({ event }) => (event.type === 'RESUME' ? { paused: false, since: event.at } : {})),
    },
    delays: {
      patience: ({ context }) => Math.max(0, context.state.deadline - context.since),
    },
  });

  const transitionTo = (target: string) => ({
    guard: { type: 'leadsTo' as const, params: { target } },
    target,
    reenter: true,
    actions: 'applyEvent' as const,
  });

  /** Where a target can leave the call: itself, or past moments nobody answers, where they lead. */
  const arrivals = (target: string, out = new Set<string>()): Set<string> => {
    const node = own(scenario.nodes, target);
    if (!node || !passesThrough(node)) return out.add(target);
    if (out.has(`>${target}`)) return out;
    out.add(`>${target}`);
    for (const next of targetsOfNext(node.next)) arrivals(next, out);
    return out;
  };
  const nodeStates = Object.fromEntries(
    Object.entries(scenario.nodes).map(([id, node]) => {
      const reached = new Set<string>();
      for (const target of nodeTargets(node)) arrivals(target, reached);
      reached.add(scenario.at_max_anger);
      const answerTargets = [...reached].filter((t) => !t.startsWith('>'));
      const silenceTargets = [id, scenario.at_max_anger];
      return [
        id,
        {
          after: { patience: silenceTargets.map(transitionTo) },
          on: {
            CHOOSE: answerTargets.map(transitionTo),
            I_MESSAGE: answerTargets.map(transitionTo),
            TYPED: answerTargets.map(transitionTo),
            SILENCE: silenceTargets.map(transitionTo),
            TIMEOUT: [transitionTo(id)],
            PAUSE: { actions: 'pause' as const },
            // Going on without a thought restarts the patience timer from the paused moment.
            RESUME: { target: id, reenter: true, actions: 'resume' as const },
          },
        },
      ];
    }),
  );
  const endingStates = Object.fromEntries(
    Object.keys(scenario.endings).map((id) => [id, { type: 'final' as const }]),
  );

  return machineSetup.createMachine({
    id: scenario.id,
    context: { state: from, events: [], records: [], paused: false, since: from.time },
    // The first moment the trainee answers (past any narration that opens the call).
    initial: from.node ?? scenario.start,
    states: { ...nodeStates, ...endingStates },
  });
}

export type CallMachine = ReturnType<typeof compileScenario>;
