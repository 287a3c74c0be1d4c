/** Rewind: a saved call standing just before one of a transcript's decisions, to play on from there. */
import type { PersistedCall } from './call.js';
import { replay } from './replay.js';
import type { Scenario } from './schema.js';

/**
 * A call at the moment the customer began the line that decision `index` (0-based, counting
 * choices only) answered, ready for `startCall(scenario, { restore })`. Throws if the transcript
 * is not legal or has no such decision.
 */
export function rewindTo(scenario: Scenario, transcript: unknown, index: number): PersistedCall {
  const replayed = replay(scenario, transcript);
  if (!replayed.ok) throw new Error(`cannot rewind: step ${replayed.step ?? '-'}: ${replayed.reason}`);
  const choices = replayed.records.flatMap((r, i) => (r.event.kind === 'choice' ? [i] : []));
  const at = choices[index];
  if (at === undefined) throw new Error(`cannot rewind: there is no decision ${index}`);
  // Keep the silences that came before this line started, so the customer's mood is as it was.
  const kept = replayed.records.slice(0, at);
  const entered = kept.reduce((t, r) => (r.event.kind === 'choice' ? r.after.enteredAt : t), 0);
  const events = kept.filter((r) => r.event.kind === 'choice' || r.event.at <= entered).map((r) => r.event);
  return {
    kind: 'keep-cool-call',
    version: 1,
    scenario: { id: scenario.id, version: scenario.version },
    elapsed: entered,
    events,
  };
}
