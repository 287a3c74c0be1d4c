/**
 * What the customer is saying now, in a speech box under the drawn customer: it stays in view while
 * the trainee decides, however far the conversation has scrolled. The conversation log keeps every
 * line for reading back and for screen readers; this is the line to answer.
 */
import { el } from '../kit/dom.js';
import { t } from '../i18n/index.js';

export interface CurrentLine {
  element: HTMLElement;
  /** The box the line's text is in (the typewriter types over it). */
  readonly item: HTMLElement;
  /** Shows `text` as the line now, headed by who says it (the customer unless named; '' for none). */
  show(text: string, name?: string, lang?: { lang?: string }): void;
}

/**
 * `hear` runs when the box is clicked or tapped: the line is shown whole at once. `noticed` is what
 * the trainee can see of the customer (the cue): it heads the box with the name and stays with it
 * while a long line scrolls under them, so an Observe moment's cue is never scrolled away.
 */
export function currentLine(customer: string, noticed: HTMLElement, hear: () => void): CurrentLine {
  const text = el('span', { className: 'line' });
  const item = el('p', { className: 'now-line' }, text);
  const heading = el('h2', { className: 'now-name' }, customer);
  const head = el('div', { className: 'now-head' }, heading, noticed);
  const element = el('section', { className: 'now' }, head, item);
  element.setAttribute('aria-label', t('line.says', { name: customer }));
  // A long line scrolls inside the box, so the box takes the keyboard too.
  element.tabIndex = 0;
  element.addEventListener('click', hear);
  return {
    element,
    item,
    show(line, name = customer, lang = {}) {
      text.textContent = line;
      if (lang.lang) text.lang = lang.lang;
      else text.removeAttribute('lang');
      heading.textContent = name;
      heading.hidden = name === '';
      element.classList.toggle('narrated', name === '');
      element.setAttribute('aria-label', name ? t('line.says', { name }) : t('line.narration'));
      element.scrollTop = 0;
    },
  };
}
