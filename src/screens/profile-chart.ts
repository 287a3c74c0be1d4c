/**
 * The skills profile: each SOARING move over the recent calls as a small line of its own (the
 * share of its moments taken, over a moving window), the don'ts broken in each call as bars, the
 * weakest move and the most frequent don't named in words. The chart is a picture of what the
 * words and the table beside it say, so a screen reader gets all of it as text.
 */
import { LETTERS, type Letter } from '../engine/index.js';
import { el } from './kit/dom.js';
import { table } from './kit/table.js';
import { t } from './i18n/index.js';
import { dontName, letterName } from './i18n/names.js';
import { WINDOW, frequentDont, type Profile } from './skills.js';

const SVG = 'http://www.w3.org/2000/svg';
const ROW = 30;
const LABEL = 150;
const WIDTH = 620;
const PLOT = WIDTH - LABEL - 56;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** The x of call `i` of `n` on the plot. */
const xOf = (i: number, n: number) => LABEL + (n <= 1 ? PLOT / 2 : (i / (n - 1)) * PLOT);

/** The share of a move now: the last point of its line, or null if never asked. */
function now(series: readonly (number | null)[]): number | null {
  for (let i = series.length - 1; i >= 0; i--) {
    const v = series[i];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

function chart(profile: Profile): SVGSVGElement {
  const n = profile.calls.length;
  const height = ROW * (LETTERS.length + 1) + 10;
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'profile-chart', role: 'img' });
  root.setAttribute('aria-label', t('profile.chart', { count: n }));
  LETTERS.forEach((letter, row) => {
    const top = row * ROW + 4;
    const series = profile.series[letter];
    const g = svg('g', { class: `profile-row${letter === profile.weakest ? ' weakest' : ''}` });
    const label = svg('text', { x: 0, y: top + ROW / 2 + 4, class: 'profile-label' });
    label.textContent = `${letter} · ${letterName(letter)}`;
    g.append(
      label,
      svg('line', {
        x1: LABEL,
        x2: LABEL + PLOT,
        y1: top + ROW - 6,
        y2: top + ROW - 6,
        class: 'profile-base',
      }),
    );
    // One line per run of points: a gap where the window had no moment for the move.
    let points: string[] = [];
    const flush = () => {
      if (points.length > 1) g.append(svg('polyline', { points: points.join(' '), class: 'profile-line' }));
      points = [];
    };
    series.forEach((v, i) => {
      if (v === null) {
        flush();
        return;
      }
      const x = xOf(i, n);
      const y = top + ROW - 6 - v * (ROW - 10);
      points.push(`${x.toFixed(1)},${y.toFixed(1)}`);
      if (i === series.length - 1 || series[i + 1] === null)
        g.append(svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 3, class: 'profile-dot' }));
    });
    flush();
    const last = now(series);
    const value = svg('text', {
      x: WIDTH - 4,
      y: top + ROW / 2 + 4,
      class: 'profile-value',
      'text-anchor': 'end',
    });
    value.textContent = last === null ? '–' : `${Math.round(last * 100)}%`;
    g.append(value);
    root.append(g);
  });
  // The don'ts: one bar per call, as tall as the don'ts it broke (up to five).
  const top = LETTERS.length * ROW + 4;
  const g = svg('g', { class: 'profile-row donts' });
  const label = svg('text', { x: 0, y: top + ROW / 2 + 4, class: 'profile-label' });
  label.textContent = t('profile.donts');
  g.append(label);
  profile.dontsPerCall.forEach((count, i) => {
    const h = (Math.min(count, 5) / 5) * (ROW - 8);
    if (h > 0)
      g.append(
        svg('rect', {
          x: (xOf(i, n) - 3).toFixed(1),
          y: (top + ROW - 6 - h).toFixed(1),
          width: 6,
          height: h.toFixed(1),
          class: 'profile-bar',
        }),
      );
  });
  g.append(
    svg('line', { x1: LABEL, x2: LABEL + PLOT, y1: top + ROW - 6, y2: top + ROW - 6, class: 'profile-base' }),
  );
  root.append(g);
  return root;
}

/** The skills profile as a section: the weakest move and the frequent don't in words, the chart, and the rows as text. */
export function profileSection(profile: Profile): HTMLElement {
  const heading = el('h2', {}, t('profile.title'));
  if (profile.calls.length === 0)
    return el(
      'section',
      { className: 'card profile' },
      heading,
      el('p', { className: 'muted' }, t('profile.empty')),
    );
  const weakest: Letter | null = profile.weakest;
  const frequent = frequentDont(profile) ?? profile.donts[0] ?? null;
  const rows = LETTERS.map((letter) => {
    const last = now(profile.series[letter]);
    return el(
      'li',
      { className: letter === weakest ? 'weakest' : '' },
      last === null
        ? t('profile.row.notAsked', { move: letterName(letter) })
        : t('profile.row', { move: letterName(letter), now: Math.round(last * 100) }),
    );
  });
  const dontsTable = table(
    [t('profile.table.call'), t('profile.table.donts')],
    profile.dontsPerCall.map((count, i) =>
      el('tr', {}, el('td', {}, String(i + 1)), el('td', {}, String(count))),
    ),
  );
  dontsTable.className = 'sr-only';
  return el(
    'section',
    { className: 'card profile' },
    heading,
    el(
      'div',
      { className: 'profile-named' },
      weakest
        ? el(
            'p',
            { className: 'weakest-named' },
            t('profile.weakest', {
              move: letterName(weakest),
              hits: profile.moves[weakest].hits,
              chances: profile.moves[weakest].opportunities,
            }),
          )
        : '',
      el(
        'p',
        { className: 'frequent-named' },
        frequent
          ? t('profile.frequent', {
              dont: dontName(frequent.dont),
              calls: frequent.calls,
              of: profile.calls.length,
            })
          : t('profile.noDonts'),
      ),
    ),
    el('p', { className: 'muted' }, t('profile.about', { window: WINDOW })),
    // Focusable: where the chart is wider than a phone, the keyboard can scroll it.
    el('div', { className: 'profile-figure', tabIndex: 0 }, chart(profile)),
    el('ul', { className: 'sr-only profile-rows' }, ...rows),
    el('p', { className: 'sr-only' }, t('profile.dontsRow', { counts: profile.dontsPerCall.join(', ') })),
    dontsTable,
  );
}
