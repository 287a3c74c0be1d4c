/**
 * Who is there besides the customer: a second speaker with a portrait of their own (a team lead
 * who joins) is there from their first line on, and stays until the call is over. Pure; the stage
 * draws them at the counter beside the customer.
 */
import { own } from './own.js';
import type { Scenario } from './schema.js';
import type { CallState } from './step.js';

/** What a state says: its lead's lines (narration, a hold, a second speaker), then its own line. */
export type SaidIn = Pick<CallState, 'lead' | 'line' | 'speaker'>;

/**
 * The id of the speaker with an `appearance` who has said a line in `states` (the call so far, in
 * order), or undefined while none has. Should two have joined, the one who spoke last is drawn.
 */
export function joinedSpeaker(
  scenario: Pick<Scenario, 'speakers'>,
  states: readonly SaidIn[],
): string | undefined {
  let joined: string | undefined;
  for (const state of states) {
    const speakers = [...state.lead.map((l) => l.speaker), ...(state.line ? [state.speaker] : [])];
    for (const id of speakers) if (own(scenario.speakers, id)?.appearance !== undefined) joined = id;
  }
  return joined;
}
