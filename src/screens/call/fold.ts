/**
 * A part of the debrief's review that folds: its heading holds a button that shows or hides what
 * follows (the disclosure pattern), so the headings stay in the page's outline, folded or not.
 */
import { el } from '../kit/dom.js';

export interface Fold {
  /** The card: its heading, then its body. */
  element: HTMLElement;
  /** Unfolds it (it stays open). */
  open(): void;
  /** The heading's button, to move focus to. */
  toggle: HTMLButtonElement;
}

let made = 0;

/** A folding card titled `title` (an h2), open to start with when `open`. */
export function fold(
  title: string,
  content: (Node | string)[],
  options: { open: boolean; className?: string; hint?: string },
): Fold {
  const id = `fold-${++made}`;
  const body = el('div', { className: 'fold-body', id }, ...content);
  const toggle = el(
    'button',
    { type: 'button', className: 'fold-toggle' },
    el('span', { className: 'fold-title' }, title),
    options.hint ? el('span', { className: 'fold-hint' }, options.hint) : '',
  );
  toggle.setAttribute('aria-controls', id);
  const show = (open: boolean) => {
    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
  };
  show(options.open);
  toggle.addEventListener('click', () => {
    show(toggle.getAttribute('aria-expanded') !== 'true');
  });
  const element = el(
    'section',
    { className: `card fold ${options.className ?? ''}`.trim() },
    el('h2', {}, toggle),
    body,
  );
  return {
    element,
    toggle,
    open: () => {
      show(true);
    },
  };
}
