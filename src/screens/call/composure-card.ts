/** The debrief's composure part: how low it ran, the time-outs taken and what each thought did. */
import { COOL_BELOW, COOL_CREDIT, type ScoreResult } from '../../engine/index.js';
import { el } from '../kit/dom.js';
import { t } from '../i18n/index.js';

export function composureDetails(result: ScoreResult): HTMLElement[] {
  const { lowest, final, timeouts } = result.composure;
  return [
    el(
      'p',
      {},
      t('composure.summary', { lowest, final, rushed: result.timing.rushed, answers: result.timing.answers }),
    ),
    el('p', { className: 'muted' }, t('composure.about', { below: COOL_BELOW, credit: COOL_CREDIT })),
    timeouts.length === 0
      ? el('p', {}, t('composure.noTimeOuts'))
      : el(
          'ul',
          {},
          ...timeouts.map((taken) =>
            el(
              'li',
              {},
              t(taken.helpful ? 'composure.thought.helpful' : 'composure.thought.unhelpful', {
                seconds: Math.round(taken.at / 1000),
                thought: taken.thought,
              }) +
                (taken.cool
                  ? t('composure.keptCool', { credit: COOL_CREDIT })
                  : taken.helpful
                    ? ''
                    : t('composure.fault')),
            ),
          ),
        ),
  ];
}
