/**
 * Compiles a checked scenario into an XState 5 machine. Only named, parameterized guards and
 * actions are used, all defined here; targets come from the loader, which has checked every id.
 */
import { assign, setup } from 'xstate';
import { targetsOf } from './graph.js';
import type { Scenario } from './schema.js';
import { initialState, step, type CallState, type StepRecord } from './step.js';
import type { TranscriptEvent } from './transcript.js';

export interface CallContext {
  state: CallState;
  events: TranscriptEvent[];
  records: StepRecord[];
}

export type CallEvent = { type: 'CHOOSE'; response: string; at: number } | { type: 'SILENCE' };

/** The transcript event a machine event stands for, in the current context. */
export function toTranscriptEvent(context: CallContext, event: CallEvent): TranscriptEvent {
  const node = context.state.node ?? '';
  return event.type === 'CHOOSE'
    ? { kind: 'choice', at: event.at, node, response: event.response }
    : { kind: 'silence', at: context.state.deadline, node };
}

/** Builds the machine for a scenario: one state per node, one final state per ending. */
export function compileScenario(scenario: Scenario) {
  const apply = (context: CallContext, event: CallEvent) =>
    step(scenario, context.state, toTranscriptEvent(context, event));

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
        };
      }),
    },
    delays: {
      patience: ({ context }) => Math.max(0, context.state.deadline - context.state.time),
    },
  });

  const transitionTo = (target: string) => ({
    guard: { type: 'leadsTo' as const, params: { target } },
    target,
    reenter: true,
    actions: 'applyEvent' as const,
  });

  const nodeStates = Object.fromEntries(
    Object.entries(scenario.nodes).map(([id, node]) => {
      const choiceTargets = [...new Set([...node.responses.flatMap(targetsOf), scenario.at_max_anger])];
      const silenceTargets = [id, scenario.at_max_anger];
      return [
        id,
        {
          after: { patience: silenceTargets.map(transitionTo) },
          on: { CHOOSE: choiceTargets.map(transitionTo), SILENCE: silenceTargets.map(transitionTo) },
        },
      ];
    }),
  );
  const endingStates = Object.fromEntries(
    Object.keys(scenario.endings).map((id) => [id, { type: 'final' as const }]),
  );

  return machineSetup.createMachine({
    id: scenario.id,
    context: { state: initialState(scenario), events: [], records: [] },
    initial: scenario.start,
    states: { ...nodeStates, ...endingStates },
  });
}

export type CallMachine = ReturnType<typeof compileScenario>;
