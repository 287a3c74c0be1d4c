/** Rewind: a saved call standing just before one of a transcript's decisions, to play on from there. */
import type { PersistedCall } from './call.js';
import { replay } from './replay.js';
import type { Scenario } from './schema.js';

/**
 * A call at the moment the customer began the line that decision `index` (0-based, counting
 * answers: chosen lines and assembled I-messages) answered, ready for `startCall(scenario,
 * { restore })`. Throws if the transcript is not legal or has no such decision.
 */
export function rewindTo(scenario: Scenario, transcript: unknown, index: number): PersistedCall {
  const replayed = replay(scenario, transcript);
  if (!replayed.ok) throw new Error(`cannot rewind: step ${replayed.step ?? '-'}: ${replayed.reason}`);
  const isAnswer = (kind: string) => kind === 'choice' || kind === 'i-message' || kind === 'typed';
  const answers = replayed.records.flatMap((r, i) => (isAnswer(r.event.kind) ? [i] : []));
  const at = answers[index];
  if (at === undefined) throw new Error(`cannot rewind: there is no decision ${index}`);
  // Everything up to the last answer before this line stays, so the customer's mood and the
  // trainee's composure are as they were; silences and time-outs during this line are undone.
  const kept = replayed.records.slice(0, at);
  const lastAnswer = kept.findLastIndex((r) => isAnswer(r.event.kind));
  const entered = lastAnswer === -1 ? 0 : (kept[lastAnswer]?.after.enteredAt ?? 0);
  const events = kept.slice(0, lastAnswer + 1).map((r) => r.event);
  return {
    kind: 'keep-cool-call',
    version: 1,
    scenario: { id: scenario.id, version: scenario.version },
    elapsed: entered,
    events,
    answers: replayed.answers,
  };
}
