/**
 * A server's check of a transcript's typed answers: it labels each text again with its own model
 * and matches it again, and refuses what it cannot reproduce — a label the trainee's device added
 * or dropped, a response the text does not match, a "closest to what you meant" choice that was
 * never offered. The replay then scores what was heard, so a forged label cannot buy a score.
 */
import { own } from '../own.js';
import type { Scenario } from '../schema.js';
import type { TranscriptEvent } from '../transcript.js';
import { matchAnswer, offered } from './match.js';
import type { Model } from './model.js';

export type TypedVerdict = { ok: true } | { ok: false; step: number; reason: string };

export function verifyTyped(
  scenario: Scenario,
  events: readonly TranscriptEvent[],
  model: Model,
): TypedVerdict {
  for (const [step, event] of events.entries()) {
    if (event.kind !== 'typed') continue;
    const refuse = (reason: string): TypedVerdict => ({ ok: false, step, reason });
    if (event.model !== model.version) {
      return refuse(
        `answer ${step + 1} was understood by model ${event.model}; this server understands with ${model.version}`,
      );
    }
    const heard = model.label(event.text).labels;
    if (heard.join(' ') !== event.labels.join(' ')) {
      return refuse(
        `answer ${step + 1} is recorded as [${event.labels.join(', ')}], but the model hears [${heard.join(', ')}] in it`,
      );
    }
    const node = own(scenario.nodes, event.node);
    if (!node) return refuse(`answer ${step + 1} is at an unknown node '${event.node}'`);
    const match = matchAnswer(event.text, heard, node.responses);
    if (!event.picked && match.chosen !== event.response) {
      return refuse(
        `answer ${step + 1} is recorded as matching '${event.response}', but it matches ${match.chosen ? `'${match.chosen}'` : 'no response clearly'}`,
      );
    }
    if (event.picked) {
      if (match.chosen !== null || !offered(match).includes(event.response)) {
        return refuse(
          `answer ${step + 1} records a choice of '${event.response}' that the game would not have offered`,
        );
      }
    }
  }
  return { ok: true };
}
