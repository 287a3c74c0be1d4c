/**
 * The method's tools during a call: the time-out button and, where the moment offers it, the
 * I-message builder, with the panel each opens (method-panels.ts) and what they do to the call's
 * clock. One panel is open at a time; while it is, the answers wait.
 */
import {
  piecesAt,
  type Call,
  type CallState,
  type OfferedThought,
  type Scenario,
} from '../../engine/index.js';
import type { AudioService } from '../../sound/service.js';
import { el } from '../kit/dom.js';
import { iMessageBuilder, timeOutPanel, type TimeOutPanel } from './method-panels.js';
import { orderSeed } from './order.js';
import { t, tn } from '../i18n/index.js';
import { shownText } from '../scenario-language.js';

export interface ToolsOptions {
  call: Call;
  scenario: Scenario;
  /** Which attempt at the scenario this is: it seeds the order of the builder's pieces. */
  attempt: number;
  /** Whether the I-message builder is offered (where the moment has pieces); typed calls say it in words. */
  builder: boolean;
  audio: AudioService | undefined;
  /** Before a panel opens: the customer's line is shown whole. */
  reveal: () => void;
  /** A panel opened or closed: the screen follows the call again. */
  changed: () => void;
  /** A panel closed without an answer: focus goes back to the call. */
  closed: () => void;
  /** A time-out's thought was taken. */
  thought: (thought: OfferedThought) => void;
  /** An I-message was said: the customer answers next. */
  said: () => void;
}

export interface MethodTools {
  /** The buttons: a time-out (T) and the I-message builder (M). */
  buttons: HTMLButtonElement[];
  /** Where the open panel shows. */
  panel: HTMLElement;
  /** The panel open now, if any. */
  readonly open: 'timeout' | 'builder' | null;
  openTimeOut(): void;
  openBuilder(): void;
  /** Calls off the open panel (Esc): a time-out ends without a thought, a builder gives the clock back. */
  cancel(): void;
  /** Picks the time-out's n-th thought (1-based), as the number keys do. */
  pickThought(n: number): void;
  /** Follows the call: how many time-outs are left, whether the builder is offered at this moment. */
  sync(state: CallState): void;
  /** Moves focus to the time-out button. */
  focus(): void;
}

export function methodTools(options: ToolsOptions): MethodTools {
  const { call, scenario, audio } = options;
  const timeOutButton = el('button', { type: 'button', className: 'secondary small' });
  const builderButton = el('button', { type: 'button', className: 'secondary small' }, t('tools.iMessage'));
  const panel = el('div', {});
  let open: { kind: 'timeout'; control: TimeOutPanel } | { kind: 'builder'; node: string } | null = null;

  const close = () => {
    // A builder called off gives the clock back.
    if (call.holding) call.release();
    open = null;
    panel.replaceChildren();
    options.changed();
    options.closed();
  };
  const show = (element: HTMLElement) => {
    panel.replaceChildren(element);
    options.changed();
  };

  const openTimeOut = () => {
    if (open || call.ended) return;
    options.reveal();
    // No panel is open, so a hold is an answer being typed: the time-out comes first, and the
    // answer's clock starts again with the next key.
    if (call.holding && call.timeoutsLeft > 0) call.release();
    const offer = call.timeOut();
    if (!offer.ok) return;
    audio?.play('select');
    const control = timeOutPanel(
      offer.thoughts,
      (t) => {
        call.think(t.id);
        options.thought(t);
        close();
      },
      () => {
        call.cancelTimeOut();
        close();
      },
      shownText(scenario),
    );
    open = { kind: 'timeout', control };
    show(control.element);
  };

  const openBuilder = () => {
    const node = call.state.node;
    const pieces = node === null ? null : piecesAt(scenario, node);
    if (open || node === null || !pieces || !options.builder) return;
    options.reveal();
    // Putting the pieces together takes longer than saying them: the customer finishes, then the
    // clock waits until the I-message is said.
    call.hold();
    open = { kind: 'builder', node };
    show(
      iMessageBuilder(
        pieces,
        orderSeed(scenario, node, options.attempt),
        (parts) => {
          open = null;
          panel.replaceChildren();
          audio?.play('confirm');
          call.sayIMessage(parts);
          options.said();
        },
        close,
        () => audio?.play('select'),
        shownText(scenario),
      ),
    );
  };

  timeOutButton.addEventListener('click', openTimeOut);
  builderButton.addEventListener('click', openBuilder);
  return {
    buttons: [timeOutButton, builderButton],
    panel,
    get open() {
      return open?.kind ?? null;
    },
    openTimeOut,
    openBuilder,
    cancel() {
      if (open?.kind === 'timeout') call.cancelTimeOut();
      if (open) close();
    },
    pickThought(n) {
      if (open?.kind === 'timeout') open.control.pick(n);
    },
    sync(state) {
      // The call moved on (the customer walked out, say): the builder for an earlier moment goes.
      if (open?.kind === 'builder' && open.node !== state.node) {
        open = null;
        panel.replaceChildren();
      }
      timeOutButton.textContent = tn('tools.timeOut', call.timeoutsLeft);
      timeOutButton.disabled = call.timeoutsLeft === 0 || open !== null;
      builderButton.hidden =
        !options.builder || state.node === null || piecesAt(scenario, state.node) === null;
      builderButton.disabled = open !== null;
    },
    focus() {
      timeOutButton.focus({ preventScroll: true });
    },
  };
}
