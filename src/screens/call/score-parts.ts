/**
 * How the total adds up, part by part, each with what moved it: no point lost without a reason.
 * Every figure is the engine's (the result's numbers, its weights and factors), put into words.
 */
import {
  COOL_CREDIT,
  FAULT_FACTOR,
  FAULT_PERCENT,
  WEIGHTS,
  walkedOutInSilence,
  type ScoreResult,
} from '../../engine/index.js';
import { el } from '../kit/dom.js';
import { formatNumber, t, tn } from '../i18n/index.js';
import { faultName } from '../i18n/names.js';

/** The faults by name, most frequent first: "Silence ×2, Argued with the customer". */
function faultNames(result: ScoreResult): string {
  const counts = new Map<string, number>();
  for (const { dont } of result.donts) {
    const name = faultName(dont);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => (n > 1 ? t('parts.times', { name, count: n }) : name))
    .join('; ');
}

/** The parts of the total, one line each, with what moved it. */
export function scoreParts(result: ScoreResult): HTMLElement {
  const { parts, timing, faults, unreachedMoments, cleanAnswers } = result;
  const moments = timing.answers + timing.silences + unreachedMoments;
  const unreached = Object.values(result.unreached).reduce((sum, n) => sum + n, 0);
  const cool = result.composure.timeouts.filter((taken) => taken.cool).length;
  const notReached = unreachedMoments > 0 ? tn('parts.unreachedMoments', unreachedMoments) : '';
  const rows: [string, string, string][] = [
    [
      t('parts.technique'),
      `${parts.technique} / ${WEIGHTS.technique}`,
      unreached > 0 ? tn('parts.technique.unreached', unreached) : t('parts.technique.why'),
    ],
    [
      t('parts.conduct'),
      `${parts.conduct} / ${WEIGHTS.conduct}`,
      tn('parts.clean', cleanAnswers) +
        tn('parts.ofMoments', moments) +
        notReached +
        (cool > 0 ? tn('parts.cool', cool, { credit: COOL_CREDIT }) : ''),
    ],
    [
      t('parts.timing'),
      `${parts.timing} / ${WEIGHTS.timing}`,
      timing.answers + timing.silences === 0
        ? t('parts.noAnswers')
        : [
            tn('parts.considered', timing.answers - timing.rushed) + tn('parts.ofMoments', moments),
            timing.rushed > 0 ? t('parts.rushed', { count: timing.rushed }) : '',
            timing.silences > 0 ? tn('parts.silences', timing.silences) : '',
          ]
            .filter(Boolean)
            .join('; '),
    ],
    [t('parts.outcome'), `${parts.outcome} / ${WEIGHTS.outcome}`, t('parts.outcome.why')],
    [
      t('parts.faults'),
      faults.count === 0 ? t('parts.none') : `−${faults.penalty}`,
      faults.count === 0
        ? t('parts.faults.clean')
        : t('parts.faults.why', {
            faults: tn('parts.faults.count', faults.count),
            names: faultNames(result),
            walkedOut: walkedOutInSilence(result) ? t('parts.walkedOut') : '',
            percent: FAULT_PERCENT,
            formula: `${formatNumber(result.earned)} × ${formatNumber(FAULT_FACTOR)}${faults.count > 1 ? `^${faults.count}` : ''} = ${formatNumber(result.total)}`,
          }),
    ],
  ];
  return el(
    'ul',
    { className: 'parts' },
    ...rows.map(([name, got, why]) =>
      el('li', {}, el('strong', {}, t('parts.row', { name, got })), ` — ${why}`),
    ),
  );
}
