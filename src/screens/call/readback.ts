/**
 * The conversation of a call finished earlier, rebuilt from its replayed records for the debrief to
 * read back: the same lines, in the same order, as the call showed them (record-feed.ts), without
 * the coach or the sounds.
 */
import { initialState, own, worded, type Scenario, type StepRecord } from '../../engine/index.js';
import { shownIMessage } from '../../engine/shown-result.js';
import type { ShownText } from '../../engine/shown-text.js';
import { conversationLog } from './conversation-log.js';
import { linesOf } from './record-feed.js';
import { t } from '../i18n/index.js';

/** The conversation read back, each of the scenario's words shown through `show` (the page's language). */
export function readBack(scenario: Scenario, records: readonly StepRecord[], show: ShownText): HTMLElement {
  const log = conversationLog(show(scenario.customer.name));
  let state = initialState(scenario);
  for (const line of linesOf(scenario, state)) log.say(line.who, show(line.text));
  for (const record of records) {
    const { event } = record;
    const before = state;
    state = record.after;
    if (event.kind === 'choice') {
      const response = own(scenario.nodes, event.node)?.responses.find((r) => r.id === event.response);
      if (response) log.say('you', show(worded(response, before).says));
    }
    if (event.kind === 'i-message' && record.iMessage)
      log.say('you', shownIMessage(record.iMessage, show).says);
    if (event.kind === 'typed') log.say('you', event.text);
    if (event.kind === 'timeout' && record.thought)
      log.note(t('log.timeOut', { thought: show(record.thought.text) }));
    if (record.after.line && event.kind !== 'timeout')
      for (const line of linesOf(scenario, record.after)) log.say(line.who, show(line.text));
  }
  // Read back, not live: nothing here is news to announce.
  log.region.setAttribute('aria-live', 'off');
  // A chat's conversation reads back as its bubbles (chat.css).
  if (scenario.setting === 'chat') log.region.classList.add('chat-log');
  return log.region;
}
