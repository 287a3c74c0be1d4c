/**
 * Type mode's answer: a labelled box where the trainee writes what they would say. Sent, it is
 * understood on this device (the model in engine/understand, loaded the first time Type mode is
 * used) and matched to the closest authored response at this moment, which the story follows. When
 * no response is clearly closest, the game does not guess: it shows the few nearest and the
 * trainee picks the one they meant, and that pick is recorded with the answer.
 *
 * The clock is held from the first key (call.hold('now')): the pause rule judges when the answer
 * began, as it would a spoken one, and the time typing takes is not counted against the customer's
 * patience.
 */
import { own, type Call, type Scenario, type ScenarioResponse } from '../../engine/index.js';
import type { Label } from '../../engine/understand/labels.js';
import { matchAnswer, offered } from '../../engine/understand/match.js';
import type { Model } from '../../engine/understand/model.js';
import type { AudioService } from '../../sound/service.js';
import { el } from '../kit/dom.js';
import { answerButton } from './answer-button.js';
import { t } from '../i18n/index.js';
import { shownText } from '../scenario-language.js';

let loading: Promise<Model> | undefined;
let loaded: Model | undefined;

/** The understanding model, loaded once, when Type mode is first used. */
export function loadUnderstanding(): Promise<Model> {
  loading ??= import('../../engine/understand/bundled.js').then(
    ({ bundledModel }) => (loaded = bundledModel()),
    (error: unknown) => {
      // Tried again next time (a page kept open while the server restarted, say).
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The model, if it has been loaded. */
export function understandingModel(): Model | undefined {
  return loaded;
}

/** Longest answer the box takes: the transcript's limit. */
export const TYPED_MAX = 600;

export interface TypedBox {
  /** Goes where the written answers would: the box, or the closest few to pick from. */
  element: HTMLElement;
  /** A new moment of the call: the closest few of the last go; a draft being written stays. */
  moment(): void;
  /** Picks the n-th of the closest few (1-based), as the number keys do, while they are shown. */
  pick(n: number): void;
  /** The closest few are shown: the trainee is to pick the one they meant. */
  readonly choosing: boolean;
  /** Moves focus into the box (or to the closest few, while they are shown). */
  focus(): void;
}

export interface TypedBoxOptions {
  call: Call;
  scenario: Scenario;
  model: Model;
  audio: AudioService | undefined;
  /**
   * An answer was given: focus moves on to the conversation, where the customer replies.
   * `fromKeys`: focus was in the box (or the closest few) when it was given.
   */
  said: (fromKeys: boolean) => void;
}

let boxes = 0;

export function typedAnswerBox({ call, scenario, model, audio, said }: TypedBoxOptions): TypedBox {
  const id = `typed-${++boxes}`;
  const customer = shownText(scenario)(scenario.customer.name);
  const text = el('textarea', { id: `${id}-text`, rows: 2, maxLength: TYPED_MAX, className: 'compose-text' });
  text.setAttribute('enterkeyhint', 'send');
  text.setAttribute('autocomplete', 'off');
  text.setAttribute('aria-describedby', `${id}-help ${id}-status`);
  const send = el('button', { type: 'submit', className: 'primary send' }, t('typed.send'));
  const status = el('p', { id: `${id}-status`, className: 'compose-status' });
  // What went wrong with a send is said as well as shown.
  status.setAttribute('role', 'status');
  // In a chat the box is the chat's own compose bar (chat.css), and the answer a message to send.
  const chat = scenario.setting === 'chat';
  if (chat) text.placeholder = t('typed.placeholder');
  const form = el(
    'form',
    { className: chat ? 'compose chat-compose' : 'compose' },
    el(
      'label',
      { htmlFor: text.id },
      chat ? t('typed.replyTo', { name: customer }) : t('typed.whatSay', { name: customer }),
    ),
    el('div', { className: 'compose-row' }, text, send),
    el('p', { id: `${id}-help`, className: 'compose-help' }, t('typed.help')),
    status,
  );
  const question = el('p', { id: `${id}-closest`, className: 'closest-question' });
  const closest = el('div', { className: 'closest' });
  closest.setAttribute('role', 'group');
  closest.setAttribute('aria-labelledby', question.id);
  closest.tabIndex = -1;
  closest.hidden = true;
  const element = el('div', { className: 'typed-answer' }, form, closest);

  /** While the closest few are shown: the answer as sent, what was heard in it, and the few. */
  let pending: { text: string; labels: Label[]; options: ScenarioResponse[] } | null = null;

  const say = (response: string, picked: boolean, sent: string, labels: Label[]) => {
    // Read before the call moves on: its render takes the focus to the conversation.
    const fromKeys = document.activeElement instanceof Node && element.contains(document.activeElement);
    const result = call.sayTyped({ text: sent, model: model.version, labels, response, picked });
    if (!result.ok) {
      status.textContent = t('typed.refused', { reason: result.reason });
      return;
    }
    audio?.play('confirm');
    text.value = '';
    status.textContent = '';
    showBox();
    said(fromKeys);
  };

  const showBox = () => {
    pending = null;
    closest.hidden = true;
    closest.replaceChildren();
    form.hidden = false;
  };

  const offer = (sent: string, labels: Label[], options: ScenarioResponse[]) => {
    pending = { text: sent, labels, options };
    question.textContent = t('typed.closest');
    closest.replaceChildren(
      question,
      el('p', { className: 'closest-yours' }, t('typed.youSaid'), el('q', {}, sent)),
      el('p', { className: 'muted closest-why' }, t('typed.closestWhy', { name: customer })),
      ...options.map((response, i) =>
        answerButton(shownText(scenario)(response.says), i, () => {
          say(response.id, true, sent, labels);
        }),
      ),
    );
    form.hidden = true;
    closest.hidden = false;
    closest.focus({ preventScroll: true });
    closest.scrollIntoView({ block: 'nearest' });
  };

  // The answer begins now (its first key, or Send): from here the customer waits for it.
  const begin = () => {
    if (!call.holding && !call.paused) call.hold('now');
  };

  const submit = () => {
    const sent = text.value.trim();
    const node = call.state.node === null ? undefined : own(scenario.nodes, call.state.node);
    if (!node) return;
    if (!sent) {
      status.textContent = t('typed.empty', { name: customer });
      text.focus();
      return;
    }
    // Sent without a key pressed since the clock last ran (after a time-out, or a draft put back),
    // and held through the closest few as well.
    begin();
    const { labels } = model.label(sent);
    const match = matchAnswer(sent, labels, node.responses);
    if (match.chosen !== null) {
      say(match.chosen, false, sent, labels);
      return;
    }
    const ids = offered(match);
    offer(
      sent,
      labels,
      ids.flatMap((rid) => node.responses.filter((r) => r.id === rid)),
    );
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  text.addEventListener('keydown', (event) => {
    // Enter sends; Shift+Enter is a new line; a key that finishes an input method's word is its own.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  text.addEventListener('input', () => {
    if (text.value.trim()) begin();
    // Emptied again: nothing is being said, and the customer's patience runs on.
    else if (call.holding) call.release();
    if (status.textContent) status.textContent = '';
  });

  return {
    element,
    moment() {
      if (!pending) return;
      // The moment passed while the trainee was choosing (the customer walked out, say): what they
      // wrote goes back in the box.
      text.value = pending.text;
      showBox();
    },
    pick(n) {
      const response = pending?.options[n - 1];
      if (pending && response) say(response.id, true, pending.text, pending.labels);
    },
    get choosing() {
      return pending !== null;
    },
    focus() {
      if (pending) closest.focus({ preventScroll: true });
      else text.focus({ preventScroll: true });
    },
  };
}
