/**
 * How the total adds up, part by part, each with what moved it: no point lost without a reason.
 * Every figure is the engine's (the result's numbers, its weights and factors), put into words.
 */
import {
  COOL_CREDIT,
  DONT_NAMES,
  FAULT_FACTOR,
  FAULT_PERCENT,
  SLIP_NAMES,
  WEIGHTS,
  walkedOutInSilence,
  type Dont,
  type MethodSlip,
  type ScoreResult,
} from '../../engine/index.js';
import { el } from '../kit/dom.js';
import { plural } from '../kit/status.js';

/** The faults by name, most frequent first: "Silence ×2, Argued with the customer". */
function faultNames(result: ScoreResult): string {
  const counts = new Map<string, number>();
  for (const { dont } of result.donts) {
    const name = dont in DONT_NAMES ? DONT_NAMES[dont as Dont] : SLIP_NAMES[dont as MethodSlip];
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => (n > 1 ? `${name} ×${n}` : name))
    .join('; ');
}

/** The parts of the total, one line each, with what moved it. */
export function scoreParts(result: ScoreResult): HTMLElement {
  const { parts, timing, faults, unreachedMoments, cleanAnswers } = result;
  const moments = timing.answers + timing.silences + unreachedMoments;
  const unreached = Object.values(result.unreached).reduce((sum, n) => sum + n, 0);
  const cool = result.composure.timeouts.filter((t) => t.cool).length;
  const notReached =
    unreachedMoments > 0
      ? ` (${plural(unreachedMoments, 'moment')} the call ended before, or went round, count too)`
      : '';
  const rows: [string, string, string][] = [
    [
      'Technique',
      `${parts.technique} / ${WEIGHTS.technique}`,
      unreached > 0
        ? `the SOARING moves each moment called for; the call ended early or went round a moment, so ${plural(unreached, 'move')} the method's path would still have asked for ${unreached === 1 ? 'counts' : 'count'} as missed`
        : 'the SOARING moves each moment called for',
    ],
    [
      'Conduct',
      `${parts.conduct} / ${WEIGHTS.conduct}`,
      `${plural(cleanAnswers, 'clean answer')} of ${plural(moments, 'moment')}${notReached}${cool > 0 ? `; +${COOL_CREDIT} for each of ${plural(cool, 'time-out')} taken to keep cool` : ''}`,
    ],
    [
      'Timing',
      `${parts.timing} / ${WEIGHTS.timing}`,
      timing.answers + timing.silences === 0
        ? 'no answers given'
        : [
            `${plural(timing.answers - timing.rushed, 'considered answer')} of ${plural(moments, 'moment')}`,
            timing.rushed > 0 ? `${timing.rushed} rushed (no pause after the customer finished)` : '',
            timing.silences > 0 ? `${plural(timing.silences, 'silence')} past the customer’s patience` : '',
          ]
            .filter(Boolean)
            .join('; '),
    ],
    [
      'Outcome',
      `${parts.outcome} / ${WEIGHTS.outcome}`,
      'the ending, the gratitude and whether they would come back',
    ],
    [
      'Faults',
      faults.count === 0 ? 'none' : `−${faults.penalty}`,
      faults.count === 0
        ? 'no don’t broken, no bait taken, no silence: the score keeps all it earned'
        : `${plural(faults.count, 'fault')} (${faultNames(result)})${walkedOutInSilence(result) ? '; the silence they left in counts as much as the worst answer that moment allowed' : ''}: each takes ${FAULT_PERCENT}% of what the call earned (${result.earned} × ${FAULT_FACTOR}${faults.count > 1 ? `^${faults.count}` : ''} = ${result.total})`,
    ],
  ];
  return el(
    'ul',
    { className: 'parts' },
    ...rows.map(([name, got, why]) => el('li', {}, el('strong', {}, `${name} ${got}`), ` — ${why}`)),
  );
}
