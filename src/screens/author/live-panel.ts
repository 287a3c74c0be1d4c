/**
 * The playtest's live panel: the numbers behind the call as it goes, and, after every answer, why
 * the call went where it did (which condition sent it there), in words.
 */
import type { Call, Scenario } from '../../engine/index.js';
import { el } from '../kit/dom.js';
import { formatNumber, t } from '../i18n/index.js';
import { stepRouteWords } from './condition-words.js';

export interface LivePanel {
  element: HTMLElement;
  /** Shows the call as it stands now. */
  show(call: Call): void;
  /** Empties the panel for a new playtest. */
  reset(): void;
}

export function livePanel(scenario: Scenario): LivePanel {
  const numbers = el('dl', { className: 'live-panel' });
  numbers.setAttribute('aria-label', t('author.live.label'));
  // Announced as it changes: the route is what a trainer playtesting a branch is waiting for.
  const why = el('p', { className: 'why', role: 'status' });
  why.setAttribute('aria-label', t('author.live.why'));
  const history = el('ol', { className: 'routes' });
  history.setAttribute('aria-label', t('author.live.routes'));
  let shown = 0;
  return {
    element: el('div', { className: 'live' }, numbers, why, history),
    reset() {
      shown = 0;
      numbers.replaceChildren();
      why.textContent = '';
      history.replaceChildren();
    },
    show(call) {
      const s = call.state;
      const entries: [string, string][] = [
        [t('author.live.moment'), s.node ?? t('author.live.ended', { ending: s.ending ?? '' })],
        [t('meter.anger'), formatNumber(s.anger)],
        [t('meter.trust'), formatNumber(s.trust)],
        [t('meter.composure.short'), formatNumber(s.composure)],
        [t('author.live.flags'), s.flags.length ? s.flags.join(', ') : t('author.live.noFlags')],
        [t('author.live.score'), formatNumber(call.result().total)],
      ];
      numbers.replaceChildren(...entries.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
      const records = call.records;
      for (; shown < records.length; shown++) {
        const record = records[shown];
        const text = record && stepRouteWords(scenario, record);
        if (!text) continue;
        why.textContent = text;
        history.append(el('li', {}, text));
      }
    },
  };
}
