/**
 * The method's tools during a call, as real page controls: the time-out (the clock stops while the
 * trainee picks an inner thought) and the I-message builder (pieces put in order, then said).
 */
import { I_STEPS, type OfferedThought, type Piece } from '../../engine/index.js';
import { el } from '../kit/dom.js';
import { stableShuffle } from './order.js';
import { asWritten, type ShownText } from '../../engine/shown-text.js';
import { t } from '../i18n/index.js';
import { iStepName } from '../i18n/names.js';

/** Words quoted the language's way: “…” in English, «…» in Spanish. */
export function quoted(text: string): string {
  return t('quote', { text });
}

export interface TimeOutPanel {
  element: HTMLElement;
  /** Picks the n-th thought (1-based), as the number keys do. */
  pick(n: number): void;
}

/** The time-out: two inner thoughts, one to take back into the call. Esc calls it off. */
export function timeOutPanel(
  thoughts: readonly OfferedThought[],
  onThink: (thought: OfferedThought) => void,
  onCancel: () => void,
  show: ShownText = asWritten,
): TimeOutPanel {
  const buttons = thoughts.map((t, i) => {
    const button = el(
      'button',
      { type: 'button', className: 'choice' },
      el('kbd', {}, String(i + 1)),
      ` ${quoted(show(t.text))}`,
    );
    button.addEventListener('click', () => {
      onThink(t);
    });
    return button;
  });
  const cancel = el('button', { type: 'button', className: 'secondary small' }, t('timeout.back'));
  cancel.addEventListener('click', onCancel);
  const heading = el('h2', { tabIndex: -1 }, t('timeout.title'));
  const element = el(
    'section',
    { className: 'panel timeout' },
    heading,
    el('p', {}, t('timeout.ask')),
    el('div', { className: 'choices' }, ...buttons),
    cancel,
  );
  element.setAttribute('aria-label', t('timeout.label'));
  // Focus goes to the heading, not to a thought: Enter must never take a thought (the unhelpful
  // one, as likely as not) that the trainee did not pick. Tab reaches the thoughts from here.
  queueMicrotask(() => {
    heading.focus();
  });
  return {
    element,
    pick(n) {
      const t = thoughts[n - 1];
      if (t) onThink(t);
    },
  };
}

/** The builder: four slots fill as pieces are chosen; "Say it" sends them in that order. */
export function iMessageBuilder(
  pieces: readonly Piece[],
  seed: string,
  onSay: (parts: string[]) => void,
  onCancel: () => void,
  onPiece: () => void = () => undefined,
  show: ShownText = asWritten,
): HTMLElement {
  const chosen: Piece[] = [];
  const slots = el('ol', { className: 'slots' });
  const status = el('p', { className: 'builder-status' });
  status.setAttribute('aria-live', 'polite');
  const say = el('button', { type: 'button', className: 'primary' }, t('builder.say'));
  const undo = el('button', { type: 'button', className: 'secondary small' }, t('builder.undo'));
  const cancel = el('button', { type: 'button', className: 'secondary small' }, t('builder.cancel'));
  const palette = stableShuffle(pieces, seed).map((piece) => {
    const button = el('button', { type: 'button', className: 'piece' }, show(piece.text));
    button.addEventListener('click', () => {
      chosen.push(piece);
      onPiece();
      draw();
    });
    return { piece, button };
  });
  const draw = () => {
    const count = Math.max(I_STEPS.length, chosen.length);
    slots.replaceChildren(
      ...Array.from({ length: count }, (_, i) => {
        const piece = chosen[i];
        const label =
          i < I_STEPS.length
            ? t('builder.step', { n: i + 1 })
            : t('builder.extra', { n: i + 1 - I_STEPS.length });
        return el(
          'li',
          { className: piece ? 'filled' : 'empty' },
          el('span', { className: 'slot-label' }, label),
          piece ? show(piece.text) : '…',
        );
      }),
    );
    for (const { piece, button } of palette) button.disabled = chosen.includes(piece);
    say.disabled = chosen.length === 0;
    undo.disabled = chosen.length === 0;
    status.textContent =
      chosen.length === 0
        ? t('builder.choose')
        : t('builder.soFar', { text: chosen.map((p) => show(p.text).trim()).join(' ') });
    // The piece just taken is disabled: focus moves on to the next piece still free, or, with
    // none left, to taking one back. Never to "Say it": saying is the trainee's own decision.
    const next = palette.find(({ button }) => !button.disabled)?.button;
    if (document.activeElement instanceof HTMLButtonElement && document.activeElement.disabled)
      (next ?? undo).focus();
  };
  say.addEventListener('click', () => {
    if (chosen.length > 0) onSay(chosen.map((p) => p.id));
  });
  undo.addEventListener('click', () => {
    chosen.pop();
    draw();
  });
  cancel.addEventListener('click', onCancel);
  const heading = el('h2', { tabIndex: -1 }, t('builder.title'));
  const element = el(
    'section',
    { className: 'panel builder' },
    heading,
    el(
      'p',
      { className: 'muted' },
      t('builder.method', { steps: I_STEPS.map((s) => iStepName(s).toLowerCase()).join(t('builder.then')) }),
    ),
    slots,
    status,
    el(
      'div',
      { className: 'pieces', role: 'group', ariaLabel: t('builder.pieces') },
      ...palette.map((p) => p.button),
    ),
    el('div', { className: 'actions' }, say, undo, cancel),
  );
  element.setAttribute('aria-label', t('builder.label'));
  draw();
  // As with the time-out: the panel's heading, so Enter adds no piece the trainee did not choose.
  queueMicrotask(() => {
    heading.focus();
  });
  return element;
}
