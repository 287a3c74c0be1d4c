/**
 * Debrief charts as SVG text: the SOARING breakdown and the customer's anger over time. Built
 * from numbers and fixed labels only, and every value is also written as text, never colour alone.
 */
import { ANGER_FROM, LETTERS, type ScoreResult } from '../../engine/index.js';
import { t } from '../i18n/index.js';
import { letterName, moodName } from '../i18n/names.js';

/** Catalogue words go into SVG markup: written as text, never as markup. */
const text = (words: string): string =>
  words.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const INK = '#1d2330';
const MUTED = '#5b6475';
const ACCENT = '#2f6f8f';

/** Horizontal bars, one per letter the call offered: hits out of opportunities. */
export function soaringChart(result: ScoreResult): string {
  const rows = LETTERS.filter((l) => result.letters[l].opportunities > 0);
  const rowHeight = 34;
  const width = 520;
  const barX = 190;
  const barWidth = 240;
  const height = rows.length * rowHeight + 10;
  const summary = rows
    .map((l) =>
      t('chart.soaring.item', {
        move: letterName(l),
        hits: result.letters[l].hits,
        chances: result.letters[l].opportunities,
      }),
    )
    .join(', ');
  const bars = rows.map((l, i) => {
    const { hits, opportunities } = result.letters[l];
    const y = 6 + i * rowHeight;
    const filled = (barWidth * hits) / opportunities;
    return [
      `<text x="0" y="${y + 18}" fill="${INK}" font-size="15" font-weight="700">${l}</text>`,
      `<text x="22" y="${y + 18}" fill="${INK}" font-size="14">${text(letterName(l))}</text>`,
      `<rect x="${barX}" y="${y + 4}" width="${barWidth}" height="18" rx="4" fill="#e3e6ec"/>`,
      `<rect x="${barX}" y="${y + 4}" width="${filled}" height="18" rx="4" fill="${ACCENT}"/>`,
      `<text x="${barX + barWidth + 10}" y="${y + 18}" fill="${INK}" font-size="14">${hits} / ${opportunities}</text>`,
    ].join('');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="SOARING: ${text(summary)}" class="chart">${bars.join('')}</svg>`;
}

/** Anger over the call, with a numbered marker at each decision and the mood bands named. */
export function angerChart(result: ScoreResult): string {
  const width = 560;
  const height = 220;
  const left = 84;
  const right = 16;
  const top = 12;
  const bottom = 30;
  const points = result.timeline;
  const end = Math.max(1, points.at(-1)?.at ?? 1);
  const x = (at: number) => left + ((width - left - right) * at) / end;
  const y = (anger: number) => top + ((height - top - bottom) * (100 - anger)) / 100;
  // The customer's mood bands, where the engine puts them (angerMood).
  const bands = [
    { from: ANGER_FROM.furious, to: 100, label: moodName('furious'), fill: '#f3e3dc' },
    { from: ANGER_FROM.angry, to: ANGER_FROM.furious, label: moodName('angry'), fill: '#f7ece4' },
    { from: ANGER_FROM.annoyed, to: ANGER_FROM.angry, label: moodName('annoyed'), fill: '#f8f3ea' },
    { from: 0, to: ANGER_FROM.annoyed, label: moodName('calm'), fill: '#eef3f1' },
  ];
  const bandSvg = bands
    .map(
      (b) =>
        `<rect x="${left}" y="${y(b.to)}" width="${width - left - right}" height="${y(b.from) - y(b.to)}" fill="${b.fill}"/>` +
        `<text x="${left - 8}" y="${(y(b.from) + y(b.to)) / 2 + 4}" text-anchor="end" font-size="15" fill="${MUTED}">${text(b.label)}</text>`,
    )
    .join('');
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)} ${y(p.anger).toFixed(1)}`)
    .join(' ');
  const markers = points
    .filter((p) => p.decision !== null)
    .map((p) => {
      const n = (p.decision ?? 0) + 1;
      return `<circle cx="${x(p.at).toFixed(1)}" cy="${y(p.anger).toFixed(1)}" r="11" fill="#fff" stroke="${INK}" stroke-width="2"/><text x="${x(p.at).toFixed(1)}" y="${(y(p.anger) + 4.5).toFixed(1)}" text-anchor="middle" font-size="13" font-weight="700" fill="${INK}">${n}</text>`;
    })
    .join('');
  const first = points[0]?.anger ?? 0;
  const last = points.at(-1)?.anger ?? 0;
  const label = text(t('chart.anger.label', { from: first, to: last, count: result.decisions.length }));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}" class="chart">`,
    bandSvg,
    `<path d="${path}" fill="none" stroke="${INK}" stroke-width="3" stroke-linejoin="round"/>`,
    markers,
    `<text x="${left}" y="${height - 8}" font-size="15" fill="${MUTED}">0 s</text>`,
    `<text x="${width - right}" y="${height - 8}" font-size="15" fill="${MUTED}" text-anchor="end">${Math.round(end / 1000)} s</text>`,
    '</svg>',
  ].join('');
}
