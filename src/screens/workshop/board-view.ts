/** Leaderboards and the room's SOARING profile as page elements. Nicknames are only ever text. */
import type { BoardEntry, BoardSnapshot } from '../../api/api.js';
import { el } from '../kit/dom.js';
import { table } from '../kit/table.js';
import { formatNumber, t } from '../i18n/index.js';
import { letterName } from '../i18n/names.js';

/** A ranked table: place, nickname, score. The player's own row is marked. */
export function boardTable(
  caption: string,
  entries: readonly BoardEntry[],
  options: { limit: number; me?: string; empty?: string },
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
  const ranked = table(
    [
      { title: t('host.board.place'), className: 'place' },
      t('host.board.name'),
      { title: t('host.board.score'), className: 'score' },
    ],
    rows,
  );
  ranked.setAttribute('aria-label', caption);
  return el('div', { className: 'board' }, heading, ranked);
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
