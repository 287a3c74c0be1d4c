/** The debrief's composure part: how low it ran, the time-outs taken and what each thought did. */
import { COOL_BELOW, COOL_CREDIT, type ScoreResult } from '../../engine/index.js';
import { el } from '../kit/dom.js';

export function composureDetails(result: ScoreResult): HTMLElement[] {
  const { lowest, final, timeouts } = result.composure;
  return [
    el(
      'p',
      {},
      `Lowest ${lowest} · at the end ${final} · ${result.timing.rushed} of ${result.timing.answers} answers rushed`,
    ),
    el(
      'p',
      { className: 'muted' },
      `Bait and insults wear composure down; a rushed answer costs more, a considered one restores it. Below ${COOL_BELOW} the customer loses patience with your silence sooner, down to half the time. A time-out stops the clock: the helpful thought gives composure back, and taken below ${COOL_BELOW} it earns ${COOL_CREDIT} conduct points for keeping cool.`,
    ),
    timeouts.length === 0
      ? el('p', {}, 'No time-outs taken.')
      : el(
          'ul',
          {},
          ...timeouts.map((t) =>
            el(
              'li',
              {},
              `${t.helpful ? '✓ Helpful' : '✗ Unhelpful'} thought at ${Math.round(t.at / 1000)} s: “${t.thought}”${t.cool ? ` (kept cool: +${COOL_CREDIT} conduct)` : t.helpful ? '' : ' (a fault)'}`,
            ),
          ),
        ),
  ];
}
