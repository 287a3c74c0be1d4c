/**
 * The history of calls finished on this device, newest first, HISTORY_PAGE_SIZE to a page: when,
 * which scenario, the mode, the score and the ending, each row a way to its debrief. The menu shows
 * the first page; `#/history/<page>` shows any page on a screen of its own.
 */
import { SCORING_VERSION, type Scenario } from '../engine/index.js';
import { attemptNumber, progressStore, type Attempt, type Progress } from '../device/progress.js';
import type { AppOptions } from './app-options.js';
import { el } from './kit/dom.js';
import { table } from './kit/table.js';
import { enterScreen, markScreen } from './kit/screen.js';
import { notices } from './kit/status.js';
import { HISTORY, debriefHref, historyHref } from './routes.js';
import { endingById, titleById } from './scenario-language.js';
import { formatDate, formatNumber, t, tn } from './i18n/index.js';
import { storeNotice } from './kit/store-notice.js';

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

/** "3 Mar, 14:05" in the reader's own way, with the year when it is not this one. */
export function shortWhen(iso: string): string {
  const date = new Date(iso);
  return formatDate(date, {
    day: 'numeric',
    month: 'short',
    ...(date.getFullYear() === new Date().getFullYear() ? {} : { year: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
  });
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
    link(page - 1, t('history.newer'), 'prev'),
    el('span', { className: 'pager-where' }, tn('history.where', count, { page, pages })),
    link(page + 1, t('history.older'), 'next'),
  );
  nav.setAttribute('aria-label', t('history.pages'));
  return nav;
}

/**
 * The table of calls on history page `page` (1 for the newest), with its pager when there is more
 * than one page. Each row opens that call's debrief.
 */
export function historyTable(progress: Progress, scenarios: readonly Scenario[], page = 1): HTMLElement {
  const titleOf = (id: string) => titleById(scenarios, id);
  // How the call ended, in words (resolved, hung up…), not the ending's id in the scenario file.
  const endingOf = (scenarioId: string, ending: string | null) => {
    if (ending === null) return t('history.unfinished');
    const words = endingById(scenarios, scenarioId, ending);
    return words === null ? ending : words.charAt(0).toUpperCase() + words.slice(1);
  };
  if (progress.attempts.length === 0) return el('p', {}, t('history.empty'));

  const pages = historyPages(progress);
  const shown = Math.min(Math.max(1, page), pages);
  const newestFirst = [...progress.attempts].reverse();
  const attempts = newestFirst.slice((shown - 1) * HISTORY_PAGE_SIZE, shown * HISTORY_PAGE_SIZE);
  const row = (a: Attempt) => {
    const href = debriefHref(a.scenario.id, attemptNumber(progress, a) ?? 1);
    const when = shortWhen(a.finishedAt);
    const tr = el(
      'tr',
      { className: 'history-row' },
      // The link is the row's way in for keyboards and screen readers; a click anywhere on the row
      // follows it too.
      el('td', { className: 'when' }, el('a', { href }, when)),
      el('td', { className: 'scenario' }, titleOf(a.scenario.id)),
      el(
        'td',
        { className: 'mode' },
        t(a.mode === 'assessment' ? 'history.assessment' : 'history.coach') +
          (a.answers === 'type' ? t('history.typed') : ''),
      ),
      el(
        'td',
        { className: 'score' },
        t('history.score', { total: a.total }),
        el('span', { className: `grade small grade-${a.grade.toLowerCase()}` }, a.grade),
        // A total from earlier scoring rules is kept as it was, and says so.
        a.scoring === SCORING_VERSION
          ? ''
          : el('span', { className: 'muted older' }, t('history.rules', { version: a.scoring })),
      ),
      el('td', { className: 'ending' }, endingOf(a.scenario.id, a.ending)),
    );
    tr.addEventListener('click', (event) => {
      if (!(event.target instanceof Element && event.target.closest('a'))) window.location.hash = href;
    });
    return tr;
  };
  const calls = table(
    [
      t('history.col.when'),
      t('history.col.scenario'),
      t('history.col.mode'),
      t('history.col.score'),
      t('history.col.ending'),
    ],
    attempts.map(row),
  );
  keepTableRoles(calls);
  return el(
    'div',
    { className: 'history' },
    // On a phone each row is a small card (debrief.css); wider, a table.
    el('div', { className: 'table-scroll' }, calls),
    pages > 1 ? pager(shown, pages, progress.attempts.length) : '',
  );
}

/**
 * The table's roles, said outright: on a phone its rows are laid out as cards (display: grid), and
 * some browsers drop a table's semantics when its display changes.
 */
function keepTableRoles(table: HTMLTableElement): void {
  table.setAttribute('role', 'table');
  for (const group of table.querySelectorAll('thead, tbody')) group.setAttribute('role', 'rowgroup');
  for (const row of table.querySelectorAll('tr')) row.setAttribute('role', 'row');
  for (const th of table.querySelectorAll('th')) th.setAttribute('role', 'columnheader');
  for (const td of table.querySelectorAll('td')) td.setAttribute('role', 'cell');
}

/** The history's totals as tiles: calls, scenarios tried, best score under today's rules. */
function totals(progress: Progress): HTMLElement {
  const today = progress.attempts.filter((a) => a.scoring === SCORING_VERSION).map((a) => a.total);
  const tile = (name: string, value: string) =>
    el('li', {}, el('span', {}, name), ' ', el('strong', {}, value));
  return el(
    'ul',
    { className: 'stats history-totals' },
    tile(t('history.calls'), formatNumber(progress.attempts.length)),
    tile(t('history.tried'), formatNumber(new Set(progress.attempts.map((a) => a.scenario.id)).size)),
    tile(t('history.best'), today.length ? formatNumber(Math.max(...today)) : '–'),
  );
}

/** The history on a screen of its own, at `#/history/<page>`: every call, a page at a time. */
export function showHistory(root: HTMLElement, options: AppOptions, hash: string): void {
  const life = enterScreen(root);
  // A phone's stage shrinks here as on the debrief (debrief.css): the calls are what matter.
  markScreen(life, 'history');
  const loaded = progressStore(options.storage).load();
  const progress = loaded.value;
  const asked = HISTORY.exec(hash)?.[1];
  const page = asked === undefined || asked === '' ? 1 : Number(asked);
  const pages = historyPages(progress);
  const heading = el('h1', { tabIndex: -1 }, t('history.title'));
  const fine = Number.isInteger(page) && page >= 1 && page <= pages;
  root.replaceChildren(
    el('a', { className: 'back', href: '#/' }, t('history.back')),
    heading,
    notices(
      fine ? undefined : tn('history.noPage', pages, { asked: (asked ?? '').slice(0, 20) }),
      storeNotice(loaded.notice),
    ),
    progress.attempts.length === 0 ? '' : totals(progress),
    el(
      'p',
      { className: 'muted' },
      progress.attempts.length === 0 ? t('history.about.empty') : t('history.about'),
    ),
    el('section', { className: 'card' }, historyTable(progress, options.scenarios, fine ? page : 1)),
  );
  window.scrollTo({ top: 0 });
  heading.focus({ preventScroll: true });
}
