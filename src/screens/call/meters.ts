/** The call's three meters: the customer's anger and trust and the trainee's composure, each a bar, a number and a word. */
import { angerMood, type CallState } from '../../engine/index.js';
import { el } from '../kit/dom.js';

/** A 0–100 level in a word, for trust and composure (the page's wording; the engine has no bands here). */
const levelWord = (v: number) => (v >= 70 ? 'high' : v >= 40 ? 'middling' : 'low');

function meter(label: string, value: number, describe: (v: number) => string): HTMLElement {
  const bar = el('meter', {
    min: 0,
    max: 100,
    value,
    low: 30,
    high: 70,
    optimum: label === 'Anger' ? 0 : 100,
  });
  bar.setAttribute('aria-label', label);
  return el(
    'div',
    { className: 'meter' },
    el('span', { className: 'meter-label' }, label),
    bar,
    el('span', { className: 'meter-value' }, `${value} · ${describe(value)}`),
  );
}

/** The meters for the call as it stands: anger in the customer's mood bands, trust and composure as levels. */
export function meters(state: Pick<CallState, 'anger' | 'trust' | 'composure'>): HTMLElement[] {
  return [
    meter('Anger', state.anger, angerMood),
    meter('Trust', state.trust, levelWord),
    meter('Your composure', state.composure, levelWord),
  ];
}
