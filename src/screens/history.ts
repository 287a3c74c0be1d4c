/**
 * The history of calls finished on this device, newest first, HISTORY_PAGE_SIZE to a page: when,
 * which scenario, the mode, the score and the ending, each row a way to its debrief. The menu shows
 * the first page; `#/history/<page>` shows any page on a screen of its own.
 */
import { SCORING_VERSION, own, type Scenario } from '../engine/index.js';
import { attemptNumber, progressStore, type Attempt, type Progress } from '../device/progress.js';
import type { AppOptions } from './app-options.js';
import { el } from './kit/dom.js';
import { enterScreen } from './kit/screen.js';
import { notices, plural } from './kit/status.js';
import { endingWords } from './kit/words.js';
import { HISTORY, debriefHref, historyHref } from './routes.js';

export const HISTORY_PAGE_SIZE = 20;

/** How many pages the history has (at least one, empty or not). */
export function historyPages(progress: Progress): number {
  return Math.max(1, Math.ceil(progress.attempts.length / HISTORY_PAGE_SIZE));
}

/** The history page that lists `attempt` (newest calls are on page 1). */
export function historyPageOf(progress: Progress, attempt: Attempt): number {
  const index = progress.attempts.indexOf(attempt);
  if (index === -1) return 1;
  return Math.floor((progress.attempts.length - 1 - index) / HISTORY_PAGE_SIZE) + 1;
}

/** Newer and older pages, as links with addresses (the browser's back button goes back a page). */
function pager(page: number, pages: number, count: number): HTMLElement {
  const link = (to: number, text: string, rel: string) =>
    to >= 1 && to <= pages
      ? el('a', { href: historyHref(to), rel, className: 'secondary small' }, text)
      : el('span', { className: 'pager-end' }, text);
  const nav = el(
    'nav',
    { className: 'pager' },
    link(page - 1, '← Newer', 'prev'),
    el('span', { className: 'pager-where' }, `Page ${page} of ${pages} · ${plural(count, 'call')}`),
    link(page + 1, 'Older →', 'next'),
  );
  nav.setAttribute('aria-label', 'History pages');
  return nav;
}

/**
 * The table of calls on history page `page` (1 for the newest), with its pager when there is more
 * than one page. Each row opens that call's debrief.
 */
export function historyTable(progress: Progress, scenarios: readonly Scenario[], page = 1): HTMLElement {
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
  if (progress.attempts.length === 0) return el('p', {}, 'No calls finished on this device yet.');

  const pages = historyPages(progress);
  const shown = Math.min(Math.max(1, page), pages);
  const newestFirst = [...progress.attempts].reverse();
  const attempts = newestFirst.slice((shown - 1) * HISTORY_PAGE_SIZE, shown * HISTORY_PAGE_SIZE);
  const row = (a: Attempt) => {
    const href = debriefHref(a.scenario.id, attemptNumber(progress, a) ?? 1);
    const when = new Date(a.finishedAt).toLocaleString(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const tr = el(
      'tr',
      { className: 'history-row' },
      // The link is the row's way in for keyboards and screen readers; a click anywhere on the row
      // follows it too.
      el('td', {}, el('a', { href }, when)),
      el('td', {}, titleOf(a.scenario.id)),
      el('td', {}, a.mode === 'assessment' ? 'Assessment' : 'Coach'),
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
    );
    tr.addEventListener('click', (event) => {
      if (!(event.target instanceof Element && event.target.closest('a'))) window.location.hash = href;
    });
    return tr;
  };
  return el(
    'div',
    { className: 'history' },
    el(
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
        el('tbody', {}, ...attempts.map(row)),
      ),
    ),
    pages > 1 ? pager(shown, pages, progress.attempts.length) : '',
  );
}

/** The history on a screen of its own, at `#/history/<page>`: every call, a page at a time. */
export function showHistory(root: HTMLElement, options: AppOptions, hash: string): void {
  enterScreen(root);
  const loaded = progressStore(options.storage).load();
  const progress = loaded.value;
  const asked = HISTORY.exec(hash)?.[1];
  const page = asked === undefined || asked === '' ? 1 : Number(asked);
  const pages = historyPages(progress);
  const heading = el('h1', { tabIndex: -1 }, 'Your calls');
  const fine = Number.isInteger(page) && page >= 1 && page <= pages;
  root.replaceChildren(
    el('a', { className: 'back', href: '#/' }, '← All scenarios'),
    heading,
    notices(
      fine
        ? undefined
        : `There is no page “${(asked ?? '').slice(0, 20)}” in your history: it has ${plural(pages, 'page')}. Here is the first.`,
      loaded.notice,
    ),
    el(
      'p',
      { className: 'muted' },
      progress.attempts.length === 0
        ? 'Every call you finish on this device is listed here, newest first, with a way back to its debrief.'
        : `${plural(progress.attempts.length, 'call')} finished on this device, newest first. Open one to see its debrief again.`,
    ),
    el('section', { className: 'card' }, historyTable(progress, options.scenarios, fine ? page : 1)),
  );
  window.scrollTo({ top: 0 });
  heading.focus({ preventScroll: true });
}
