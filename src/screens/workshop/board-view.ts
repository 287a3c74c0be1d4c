/** Leaderboards and the room's SOARING profile as page elements. Nicknames are only ever text. */
import { LETTER_NAMES } from '../../engine/vocabulary.js';
import type { BoardEntry, BoardSnapshot } from '../../api/api.js';
import { el } from '../kit/dom.js';
import { table } from '../kit/table.js';

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
      el('p', { className: 'muted' }, options.empty ?? 'No results yet.'),
    );
  }
  const rows = entries.slice(0, options.limit).map((e) => {
    const row = el(
      'tr',
      { className: e.player === options.me ? 'me' : '' },
      el('td', { className: 'place' }, String(e.rank)),
      // textContent, never markup: a nickname like <b>hi</b> shows exactly as typed.
      el('td', { className: 'name' }, e.nickname),
      el('td', { className: 'score' }, String(e.total)),
    );
    row.dataset.player = e.player;
    return row;
  });
  const ranked = table(
    [{ title: '#', className: 'place' }, 'Name', { title: 'Score', className: 'score' }],
    rows,
  );
  ranked.setAttribute('aria-label', caption);
  return el('div', { className: 'board' }, heading, ranked);
}

/** The room's hits per SOARING letter as bars, with the weakest letter named. */
export function profileView(board: BoardSnapshot): HTMLElement {
  const bars = board.profile.map((p) => {
    const percent = p.ratio === null ? null : Math.round(p.ratio * 100);
    const bar = el('span', { className: 'bar' });
    bar.style.width = `${percent ?? 0}%`;
    const item = el(
      'li',
      { className: p.letter === board.weakest ? 'weakest' : '' },
      el('span', { className: 'letter' }, p.letter),
      el('span', { className: 'track' }, bar),
      el('span', { className: 'value' }, percent === null ? '–' : `${percent}%`),
    );
    item.setAttribute(
      'aria-label',
      `${LETTER_NAMES[p.letter]}: ${percent === null ? 'no chances yet' : `${percent}% of chances taken`}`,
    );
    return item;
  });
  const weakest = board.weakest;
  return el(
    'section',
    { className: 'profile' },
    el('h2', {}, 'The room’s SOARING'),
    el('ul', { className: 'profile-bars' }, ...bars),
    el(
      'p',
      { className: 'weakest-note' },
      weakest
        ? `Weakest so far: ${weakest} — ${LETTER_NAMES[weakest]}. Worth a word in the debrief.`
        : 'The profile fills in as calls finish.',
    ),
  );
}
