/** The call's three meters: the customer's anger and trust and the trainee's composure, each a bar, a number and a word. */
import { COOL_BELOW, angerMood, responseWindow, type CallState } from '../../engine/index.js';
import { el } from '../kit/dom.js';

/** Trust, 0–100, in a word (the page's wording; the engine has no bands for trust). */
const trustWord = (v: number) => (v >= 70 ? 'high' : v >= 40 ? 'middling' : 'low');
/**
 * Composure in a word. Its one line that matters is the engine's: where the customer's patience with
 * silence starts to shorten (below COOL_BELOW) the word turns, as the hint and the bar's colour do.
 */
export const composureWord = (v: number): string =>
  v >= 70 ? 'high' : responseWindow(v) === 1 ? 'steady' : v >= 30 ? 'frayed' : 'low';

function meter(
  label: string,
  value: number,
  describe: (v: number) => string,
  bands: { low: number; high: number } = { low: 30, high: 70 },
): HTMLElement {
  const bar = el('meter', {
    min: 0,
    max: 100,
    value,
    ...bands,
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
    meter('Trust', state.trust, trustWord),
    meter('Your composure', state.composure, composureWord, { low: COOL_BELOW, high: 70 }),
  ];
}
