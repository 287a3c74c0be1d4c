/**
 * The conversation as it happens: a live region (role=log) holding a list. The region announces
 * new lines to screen readers; the list keeps them in the order they were said.
 */
import { own, type Scenario } from '../../engine/index.js';
import { el } from '../kit/dom.js';
import { t } from '../i18n/index.js';

/**
 * Who says a line: the customer, the trainee, nobody in particular (a narration or a hold: no name,
 * set apart), or another speaker, by the name the scenario gives them.
 */
export type Who = 'customer' | 'you' | 'narration' | { name: string };

/** Who says a line of the engine's (`CallState.speaker`, `Lead.speaker`). */
export function whoOf(scenario: Scenario, speaker: string): Who {
  if (speaker === 'customer') return 'customer';
  if (speaker === 'narrator' || speaker === 'hold') return 'narration';
  return { name: own(scenario.speakers, speaker)?.name ?? speaker };
}

/** The name a line is headed with in the conversation ('' for a narration). */
export function nameOf(who: Who, customer: string): string {
  if (who === 'customer') return customer;
  if (who === 'you') return t('log.you');
  if (who === 'narration') return '';
  return who.name;
}

export interface ConversationLog {
  /** The region to place in the call, and to move into the debrief to read back. */
  region: HTMLElement;
  /**
   * Adds a line said by the customer or the trainee; returns it and the speaker's name as shown.
   * `lang` marks words in another language than the page's (see writtenIn).
   */
  say: (who: Who, text: string, lang?: { lang?: string }) => { item: HTMLLIElement; name: string };
  /** Adds a note (a time-out's thought, where a rewind put the trainee) or a sound's caption. */
  note: (text: string, kind?: 'note' | 'caption') => void;
  /** Moves focus to the conversation, where the customer's next line will arrive. */
  focus: () => void;
}

export function conversationLog(customer: string): ConversationLog {
  const list = el('ol', {});
  const region = el('div', { className: 'log' }, list);
  region.setAttribute('role', 'log');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-label', t('log.conversation'));
  // It scrolls, so keyboard users must be able to reach it to scroll back through the call.
  region.tabIndex = 0;
  return {
    region,
    say(who, text, lang = {}) {
      const heading = nameOf(who, customer);
      const name = heading ? `${heading}: ` : '';
      const item = el(
        'li',
        { className: typeof who === 'string' ? who : 'speaker' },
        el('strong', {}, name),
        el('span', { className: 'line', ...lang }, text),
      );
      list.append(item);
      region.scrollTop = region.scrollHeight;
      return { item, name };
    },
    note(text, kind = 'note') {
      list.append(el('li', { className: kind }, text));
    },
    focus() {
      region.focus({ preventScroll: true });
    },
  };
}
