/** Leaderboards and the room's SOARING profile as page elements. Nicknames are only ever text. */
import type { BoardEntry, BoardSnapshot, PlaceReport, TeamEntry } from '../../api/api.js';
import { el } from '../kit/dom.js';
import { table } from '../kit/table.js';
import { formatNumber, t, tn } from '../i18n/index.js';
import { letterName } from '../i18n/names.js';

/**
 * A ranked table: place, nickname, score. The player's own row is marked; `mine` (their own place,
 * from their own stream) adds their row below when it is not among those shown. `inAll` is how many
 * are on the board: the ones not shown are counted in a line under it, `more` worded.
 */
export function boardTable(
  caption: string,
  entries: readonly BoardEntry[],
  options: {
    limit: number;
    me?: string;
    empty?: string;
    inAll?: number;
    more?: (count: number) => string;
    mine?: { rank: number; total: number; nickname: string } | null;
  },
): HTMLElement {
  const heading = el('h3', {}, caption);
  if (entries.length === 0) {
    return el(
      'div',
      { className: 'board' },
      heading,
      el('p', { className: 'muted' }, options.empty ?? t('host.board.empty')),
    );
  }
  const rows = entries.slice(0, options.limit).map((e) => {
    const row = el(
      'tr',
      { className: e.player === options.me ? 'me' : '' },
      el('td', { className: 'place' }, formatNumber(e.rank)),
      // textContent, never markup: a nickname like <b>hi</b> shows exactly as typed.
      el('td', { className: 'name' }, e.nickname),
      el('td', { className: 'score' }, formatNumber(e.total)),
    );
    row.dataset.player = e.player;
    return row;
  });
  const shown = Math.min(entries.length, options.limit);
  const mine = options.mine;
  if (mine && mine.rank > shown) {
    const row = el(
      'tr',
      { className: 'me own-place' },
      el('td', { className: 'place' }, formatNumber(mine.rank)),
      el('td', { className: 'name' }, mine.nickname),
      el('td', { className: 'score' }, formatNumber(mine.total)),
    );
    if (options.me) row.dataset.player = options.me;
    rows.push(row);
  }
  const ranked = table(
    [
      { title: t('host.board.place'), className: 'place' },
      t('host.board.name'),
      { title: t('host.board.score'), className: 'score' },
    ],
    rows,
  );
  ranked.setAttribute('aria-label', caption);
  const hidden = Math.max(0, (options.inAll ?? entries.length) - shown - (mine && mine.rank > shown ? 1 : 0));
  const more = hidden > 0 ? el('p', { className: 'more-places' }, (options.more ?? moreLine)(hidden)) : '';
  return el('div', { className: 'board' }, heading, ranked, more);
}

/** "and 12 more". */
export function moreLine(count: number): string {
  return tn('host.board.more', count);
}

/** Where the player stands overall, from their own place report, as boardTable's `mine`. */
export function ownOverall(
  place: PlaceReport | null,
  nickname: string,
): { rank: number; total: number; nickname: string } | null {
  return place?.overall ? { ...place.overall, nickname } : null;
}

/**
 * The team board: place, team, score, and how many of its members have finished a call. A team
 * with no score yet has no place and a dash. The player's own team is marked.
 */
export function teamTable(
  caption: string,
  teams: readonly TeamEntry[],
  options: { mine?: string | null } = {},
): HTMLElement {
  const rows = teams.map((team) => {
    const row = el(
      'tr',
      { className: team.team === options.mine ? 'me' : '' },
      el('td', { className: 'place' }, team.rank === null ? '–' : formatNumber(team.rank)),
      el('td', { className: 'name' }, team.name),
      el('td', { className: 'score' }, team.total === null ? '–' : formatNumber(team.total)),
      el(
        'td',
        { className: 'played' },
        t('host.teams.played', { counted: team.counted, members: team.members }),
      ),
    );
    row.dataset.team = team.team;
    return row;
  });
  const ranked = table(
    [
      { title: t('host.board.place'), className: 'place' },
      t('host.teams.team'),
      { title: t('host.board.score'), className: 'score' },
      { title: t('host.teams.playedHead'), className: 'played' },
    ],
    rows,
  );
  ranked.setAttribute('aria-label', caption);
  return el(
    'div',
    { className: 'board team-board' },
    el('h3', {}, caption),
    ranked,
    el('p', { className: 'more-places' }, t('host.teams.rule')),
  );
}

/** The room's hits per SOARING letter as bars, with the weakest letter named. */
export function profileView(board: BoardSnapshot): HTMLElement {
  const bars = board.profile.map((p) => {
    const percent = p.ratio === null ? null : Math.round(p.ratio * 100);
    // "45%" or "45 %", as the language writes a share.
    const share = percent === null ? '–' : formatNumber(percent / 100, { style: 'percent' });
    const bar = el('span', { className: 'bar' });
    bar.style.width = `${percent ?? 0}%`;
    const item = el(
      'li',
      { className: p.letter === board.weakest ? 'weakest' : '' },
      el('span', { className: 'letter' }, p.letter),
      el('span', { className: 'track' }, bar),
      el('span', { className: 'value' }, share),
    );
    const letter = letterName(p.letter);
    item.setAttribute(
      'aria-label',
      percent === null
        ? t('host.board.noChances', { letter })
        : t('host.board.taken', { letter, percent: share }),
    );
    return item;
  });
  const weakest = board.weakest;
  return el(
    'section',
    { className: 'profile' },
    el('h2', {}, t('host.board.profile')),
    el('ul', { className: 'profile-bars' }, ...bars),
    el(
      'p',
      { className: 'weakest-note' },
      weakest
        ? t('host.board.weakest', { letter: weakest, name: letterName(weakest) })
        : t('host.board.filling'),
    ),
  );
}
