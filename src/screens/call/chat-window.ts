/**
 * A chat call's window, in place of the drawn customer: the customer's name and whether they are
 * online or typing, then the conversation as bubbles. The conversation is the call's ARIA log
 * (role=log): every message is in it whole as soon as it is sent, for screen readers and tests,
 * while sighted players see the customer's typing indicator first and the message land when the
 * engine says the customer finished (chat-timing.ts). Times are clock times: when this call started
 * plus the call's own clock, so a time-out (which stops the clock) stops the chat too.
 */
import { initialState, own, type Call, type Scenario, type StepRecord } from '../../engine/index.js';
import { el } from '../kit/dom.js';
import { chatBeats, type ChatBeats } from './chat-timing.js';
import { nameOf, type ConversationLog, type Who } from './conversation-log.js';
import { formatDate, t } from '../i18n/index.js';

/** What the call screen needs of a line's reveal: the chat's counterpart of the typewriter. */
export interface ChatTyping {
  /** "Show the message now (Esc)": shown while the customer is typing. */
  skip: HTMLButtonElement;
  /** Whether the customer's message is still on its way (the answers wait for it). */
  readonly typing: boolean;
  /** Lands the message on its way at once; nothing if none is. */
  reveal: () => void;
  /** Ends the timers: the screen is leaving. */
  stop: () => void;
}

export interface ChatWindow {
  element: HTMLElement;
  /** The conversation: the bubbles are its lines. */
  log: ConversationLog;
  typing: ChatTyping;
  /** Adds a message; `typed` sends the customer's newest one through the typing indicator. */
  say: (who: Who, text: string, typed?: boolean) => void;
  /** Told of each step record before its lines are said: their times, a silence. */
  before: (record: StepRecord) => void;
}

export interface ChatWindowOptions {
  scenario: Scenario;
  call: Call;
  /** The dots stand still. */
  reducedMotion: boolean;
  /** The customer is typing (the room's sound ducks) or stopped. */
  speaking: (on: boolean) => void;
  /** A message started or finished its way: the screen hides or shows the answers. */
  changed: (typing: boolean) => void;
}

/** How often the window looks at the call's clock while a message is on its way. */
const TICK_MS = 100;

export function chatWindow({
  scenario,
  call,
  reducedMotion,
  speaking,
  changed,
}: ChatWindowOptions): ChatWindow {
  const customer = scenario.customer.name;
  const first = customer.split(' ')[0] ?? customer;
  // The wall-clock time the call began: a message's time is this plus the call's clock.
  const began = Date.now() - call.elapsed();
  const at = (ms: number) => {
    const when = new Date(began + ms);
    return el(
      'time',
      { dateTime: when.toISOString() },
      formatDate(when, { hour: '2-digit', minute: '2-digit' }),
    );
  };

  const status = el('span', { className: 'chat-status' }, t('chat.online'));
  const header = el(
    'header',
    { className: 'chat-head' },
    el('span', { className: 'chat-avatar' }, initials(customer)),
    el('span', { className: 'chat-who' }, el('h2', { className: 'chat-name' }, customer), status),
  );
  const list = el('ol', {});
  const dots = el('span', { className: 'chat-dots' }, el('i', {}), el('i', {}), el('i', {}));
  const indicator = el('div', { className: 'chat-typing' }, dots, t('chat.isTyping', { name: first }));
  // The message it stands for is in the log already: the indicator is for the eyes only.
  indicator.setAttribute('aria-hidden', 'true');
  indicator.hidden = true;
  const region = el('div', { className: 'log chat-log' }, list, indicator);
  region.setAttribute('role', 'log');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-label', t('log.conversation'));
  region.tabIndex = 0;
  const element = el('section', { className: 'chat-window' }, header, region);
  element.setAttribute('aria-label', t('chat.with', { name: customer }));
  element.classList.toggle('still', reducedMotion);

  const latest = () => {
    region.scrollTop = region.scrollHeight;
  };
  const add = (item: HTMLLIElement) => {
    list.append(item);
    latest();
    return item;
  };
  const note = (text: string, when: number, kind: 'note' | 'caption' = 'note') =>
    add(el('li', { className: kind }, el('span', { className: 'line' }, text), ' ', at(when)));

  // When the lines of the record being fed were said, and the receipt of the trainee's last message.
  let youAt = 0;
  let coming: { node: string | null; enteredAt: number; finishedAt: number } = initialState(scenario);
  let receipt: HTMLElement | null = null;
  const seen = () => {
    if (receipt) receipt.textContent = t('chat.seen');
    receipt = null;
  };

  const skip = el('button', { type: 'button', className: 'secondary small skip' }, t('chat.skip'));
  skip.hidden = true;
  let timer = 0;
  let land: ((skipped: boolean) => void) | null = null;
  const reveal = () => land?.(true);
  skip.addEventListener('click', reveal);

  /** Shows the message `item` (and its pause note) as it arrives over `beats` of the call's clock. */
  const arrive = (item: HTMLLIElement, pause: HTMLLIElement | null, beats: ChatBeats) => {
    const parts = pause ? [pause, item] : [item];
    for (const part of parts) part.classList.add('pending');
    let typing = false;
    const tick = () => {
      const now = call.elapsed();
      if (now >= beats.seenAt) seen();
      if (now >= beats.landsAt) {
        land?.(false);
        return;
      }
      if (!typing && now >= beats.typingFrom) {
        typing = true;
        indicator.hidden = false;
        status.textContent = t('chat.typing');
        speaking(true);
        latest();
      }
    };
    land = (skipped) => {
      window.clearInterval(timer);
      land = null;
      seen();
      for (const part of parts) part.classList.remove('pending');
      // Shown early (skipped), it is stamped with the time it was shown.
      item.querySelector('.meta')?.prepend(at(skipped ? call.elapsed() : beats.landsAt));
      indicator.hidden = true;
      status.textContent = t('chat.online');
      if (typing) speaking(false);
      skip.hidden = true;
      latest();
      changed(false);
    };
    skip.hidden = false;
    changed(true);
    timer = window.setInterval(tick, TICK_MS);
    tick();
  };

  const log: ConversationLog = {
    region,
    say(who, text) {
      const heading = nameOf(who, customer);
      const name = heading ? `${heading}: ` : '';
      const meta = el('span', { className: 'meta' });
      const item = add(
        el(
          'li',
          { className: typeof who === 'string' ? who : 'speaker' },
          el('strong', { className: 'who' }, name),
          el('span', { className: 'line' }, text),
          ' ',
          meta,
        ),
      );
      if (who === 'you') {
        receipt = el('span', { className: 'receipt' }, t('chat.sent'));
        meta.append(at(youAt), ' · ', receipt);
      }
      return { item, name };
    },
    note(text, kind) {
      // A sound's caption is bracketed on the counter's log; here the system line's shade says it.
      note(kind === 'caption' ? text.replace(/^\[(.*)\]$/, '$1') : text, youAt, kind);
    },
    focus() {
      region.focus({ preventScroll: true });
    },
  };

  return {
    element,
    log,
    typing: {
      skip,
      get typing() {
        return land !== null;
      },
      reveal,
      // The screen is leaving (the call ended on this message, say): the message is shown as sent,
      // for the conversation read back in the debrief.
      stop() {
        land?.(false);
      },
    },
    say(who, text, typed = false) {
      if (who === 'you') {
        log.say(who, text);
        return;
      }
      reveal();
      const node = coming.node === null ? undefined : own(scenario.nodes, coming.node);
      const beats = chatBeats(node?.cue?.tone, coming.enteredAt, coming.finishedAt);
      const pause = beats.pause ? note(t('chat.pause', { name: first }), beats.typingFrom) : null;
      const { item } = log.say(who, text);
      if (typed) {
        arrive(item, pause, beats);
        return;
      }
      seen();
      item.querySelector('.meta')?.prepend(at(beats.landsAt));
    },
    before(record) {
      youAt = record.event.at;
      coming = record.after;
      if (record.event.kind === 'silence') note(t('chat.noReply', { name: first }), youAt);
    },
  };
}

/** Up to two initials for the avatar: "Tomasz Wójcik" → "TW". */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}
