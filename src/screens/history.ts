/** The history of calls finished on this device: when, which scenario, the mode, the score, the ending. */
import { SCORING_VERSION, own, type Scenario } from '../engine/index.js';
import type { Progress } from '../device/progress.js';
import { el } from './kit/dom.js';
import { endingWords } from './kit/words.js';

export function historyTable(progress: Progress, scenarios: readonly Scenario[]): HTMLElement {
  const titleOf = (id: string) => scenarios.find((s) => s.id === id)?.title ?? id;
  // How the call ended, in words (resolved, hung up…), not the ending's id in the scenario file.
  const endingOf = (scenarioId: string, ending: string | null) => {
    if (ending === null) return 'Unfinished';
    const scenario = scenarios.find((s) => s.id === scenarioId);
    const kind = (scenario && own(scenario.endings, ending))?.kind;
    if (!scenario || !kind) return ending;
    const words = endingWords(kind, scenario.setting);
    return words.charAt(0).toUpperCase() + words.slice(1);
  };

  const attempts = [...progress.attempts].reverse().slice(0, 10);
  return attempts.length
    ? el(
        'div',
        // Wide for a phone: the table scrolls sideways inside its card, the page does not.
        { className: 'table-scroll' },
        el(
          'table',
          {},
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ...['When', 'Scenario', 'Mode', 'Score', 'Ending'].map((h) => el('th', { scope: 'col' }, h)),
            ),
          ),
          el(
            'tbody',
            {},
            ...attempts.map((a) =>
              el(
                'tr',
                {},
                el('td', {}, new Date(a.finishedAt).toLocaleString()),
                el('td', {}, titleOf(a.scenario.id)),
                el('td', {}, a.transcript.mode === 'assessment' ? 'Assessment' : 'Coach'),
                el(
                  'td',
                  {},
                  `${a.total} (${a.grade})`,
                  // A total from earlier scoring rules is kept as it was, and says so.
                  a.scoring === SCORING_VERSION
                    ? ''
                    : el('span', { className: 'muted' }, ` · scored by the version ${a.scoring} rules`),
                ),
                el('td', {}, endingOf(a.scenario.id, a.ending)),
              ),
            ),
          ),
        ),
      )
    : el('p', {}, 'No calls finished on this device yet.');
}
