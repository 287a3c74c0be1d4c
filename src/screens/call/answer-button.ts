/** A written answer as a button, numbered by the key that says it: "[1] I'm glad you came in…". */
import { el } from '../kit/dom.js';

export function answerButton(
  says: string,
  index: number,
  onPick: () => void,
  lang: { lang?: string } = {},
): HTMLButtonElement {
  const button = el(
    'button',
    { type: 'button', className: 'choice' },
    el('kbd', {}, String(index + 1)),
    el('span', lang, ` ${says}`),
  );
  button.addEventListener('click', onPick);
  return button;
}
