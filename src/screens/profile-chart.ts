/**
 * The skills profile: each SOARING move over the recent calls as a small line of its own (the
 * share of its moments taken, over a moving window), the don'ts broken in each call as bars, the
 * weakest move and the most frequent don't named in words. Each row is its words (the move, where
 * it stands now) with its line drawn between them, so a screen reader gets all of it as text and a
 * phone keeps the words legible.
 */
import { LETTERS, type Letter } from '../engine/index.js';
import { el } from './kit/dom.js';
import { t } from './i18n/index.js';
import { dontName, letterName } from './i18n/names.js';
import { WINDOW, frequentDont, type Profile } from './skills.js';

const SVG = 'http://www.w3.org/2000/svg';
/** A sparkline's drawing box: the calls run along 100 units, a share from 0 (bottom) to 1 (top). */
const W = 100;
const H = 24;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** The x of call `i` of `n`. */
const xOf = (i: number, n: number) => (n <= 1 ? W / 2 : (i / (n - 1)) * W);

/** The share of a move now: the last point of its line, or null if never asked. */
function now(series: readonly (number | null)[]): number | null {
  for (let i = series.length - 1; i >= 0; i--) {
    const v = series[i];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

/** A drawing the row's words already say: hidden from screen readers, stretched to its cell. */
function sparkBox(): SVGSVGElement {
  const box = svg('svg', { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', class: 'spark' });
  box.setAttribute('aria-hidden', 'true');
  box.setAttribute('focusable', 'false');
  box.append(svg('line', { x1: 0, x2: W, y1: H - 1, y2: H - 1, class: 'profile-base' }));
  return box;
}

/** A move's share over the calls as a line (gaps where the window had no moment for it). */
function sparkline(series: readonly (number | null)[]): SVGSVGElement {
  const box = sparkBox();
  const n = series.length;
  let points: string[] = [];
  const flush = () => {
    if (points.length > 1)
      box.append(
        svg('polyline', {
          points: points.join(' '),
          class: 'profile-line',
          'vector-effect': 'non-scaling-stroke',
        }),
      );
    points = [];
  };
  series.forEach((v, i) => {
    if (v === null) {
      flush();
      return;
    }
    const y = H - 2 - v * (H - 4);
    points.push(`${xOf(i, n).toFixed(2)},${y.toFixed(2)}`);
    if (i === n - 1 || series[i + 1] === null)
      box.append(
        svg('line', {
          x1: xOf(i, n),
          x2: xOf(i, n),
          y1: y,
          y2: y,
          class: 'profile-dot',
          'vector-effect': 'non-scaling-stroke',
        }),
      );
  });
  flush();
  return box;
}

/** The don'ts broken in each call as bars (up to five high). */
function bars(counts: readonly number[]): SVGSVGElement {
  const box = sparkBox();
  counts.forEach((count, i) => {
    const h = (Math.min(count, 5) / 5) * (H - 3);
    const x = xOf(i, counts.length);
    if (h > 0)
      box.append(
        svg('line', {
          x1: x,
          x2: x,
          y1: H - 1,
          y2: H - 1 - h,
          class: 'profile-bar',
          'vector-effect': 'non-scaling-stroke',
        }),
      );
  });
  return box;
}

/** One row of the profile: the move's name, its line, and where it stands now, in words. */
function row(label: string, drawing: SVGSVGElement, value: string, className: string): HTMLElement {
  return el(
    'li',
    { className: className ? `profile-row ${className}` : 'profile-row' },
    el('span', { className: 'profile-label' }, label),
    drawing,
    el('span', { className: 'profile-value' }, value),
  );
}

function chart(profile: Profile): HTMLElement {
  const rows = LETTERS.map((letter) => {
    const last = now(profile.series[letter]);
    return row(
      `${letter} · ${letterName(letter)}`,
      sparkline(profile.series[letter]),
      last === null ? t('menu.moves.notAsked') : `${Math.round(last * 100)}%`,
      letter === profile.weakest ? 'weakest' : '',
    );
  });
  rows.push(
    row(t('profile.donts'), bars(profile.dontsPerCall), String(profile.dontsPerCall.at(-1) ?? 0), 'donts'),
  );
  const list = el('ul', { className: 'profile-chart' }, ...rows);
  list.setAttribute('aria-label', t('profile.chart', { count: profile.calls.length }));
  return list;
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
    chart(profile),
    // The bars' figures, call by call, for whoever cannot see them.
    el('p', { className: 'sr-only' }, t('profile.dontsRow', { counts: profile.dontsPerCall.join(', ') })),
  );
}
