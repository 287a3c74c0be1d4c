/**
 * A phone call: the caller at home in the evening (a bookshelf, a window at dusk, a lamp), their
 * table in front with a mug and the papers of their case, and the trainee's call bar over it all,
 * whose sound wave moves while the caller speaks.
 */
import { SHADOW } from '../looks.js';
import { dropShadow, headGlow, linear, plant, radial } from './kit.js';

/** The call bar: where the sound wave's bars stand, and the mug the steam rises from. */
export const CALL_BAR = { x: 130, y: 324, w: 220, h: 28 };
export const WAVE = { x: 196, y: 338, bars: 14, gap: 7, height: 16 };
export const MUG = { x: 74, y: 270 };

function bookshelf(): string {
  const colours = ['#2f6f8f', '#e2a14a', '#b5523f', '#efe4cf', '#4b5d7a', '#7f9d6a', '#d9c08a'];
  const books = (y: number, seed: number) => {
    let x = 28;
    const out: string[] = [];
    for (let i = 0; x < 126; i++) {
      const w = 8 + ((i * 7 + seed) % 5) * 2;
      const h = 36 - ((i * 5 + seed) % 4) * 4;
      const colour = colours[(i + seed) % colours.length] ?? '#999';
      const lean = i % 6 === 5 ? `transform="rotate(-10 ${x + w} ${y})"` : '';
      out.push(`<rect x="${x}" y="${y - h}" width="${w}" height="${h}" rx="1" fill="${colour}" ${lean}/>`);
      x += w + 1;
    }
    return out.join('');
  };
  return [
    dropShadow(18, 64, 122, 200, 3, 5),
    `<rect x="18" y="64" width="122" height="200" fill="#9b6a45"/><rect x="24" y="70" width="110" height="194" fill="#7b5237"/>`,
    books(116, 0),
    books(170, 3),
    books(224, 5),
    `<path d="M24 116 h110 M24 170 h110 M24 224 h110" stroke="#a8774f" stroke-width="5"/>`,
    plant(58, 64, 0.42, '#e4d9c6'),
    `<rect x="94" y="40" width="30" height="24" rx="2" fill="#f4efe5" stroke="#c9a66c" stroke-width="3"/><circle cx="104" cy="50" r="4" fill="#e29a7a"/><path d="M97 61 q12 -10 24 0" fill="#9cbf9a"/>`,
  ].join('');
}

function duskWindow(): string {
  const x = 330;
  const y = 38;
  const w = 120;
  const h = 168;
  return [
    `<defs>${linear('ph-sky', ['#6f78ad', '#f2b07f'])}</defs>`,
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#ph-sky)"/>`,
    `<circle cx="${x + 86}" cy="${y + 40}" r="9" fill="#fbf1d4" opacity="0.9"/>`,
    `<path d="M${x} ${y + h} v-40 l16 -14 l16 14 v-10 h24 v-22 h20 v30 l14 -10 l14 10 v-18 h16 v60z" fill="#525a86"/>`,
    `<rect x="${x + 22}" y="${y + h - 30}" width="5" height="6" fill="#ffd98a"/><rect x="${x + 70}" y="${y + h - 44}" width="5" height="6" fill="#ffd98a"/>`,
    `<path d="M${x + w / 2} ${y} V${y + h} M${x} ${y + h / 2} H${x + w}" stroke="#f5ece0" stroke-width="6"/>`,
    `<rect x="${x - 4}" y="${y - 4}" width="${w + 8}" height="${h + 8}" fill="none" stroke="#f5ece0" stroke-width="8"/>`,
    // Curtains, drawn back.
    `<path d="M${x - 14} ${y - 10} h34 q-10 90 6 ${h + 24} h-40z" fill="#c0584b"/><path d="M${x + w + 14} ${y - 10} h-34 q10 90 -6 ${h + 24} h40z" fill="#c0584b"/>`,
    `<path d="M${x - 4} ${y} q-4 80 6 ${h + 10} M${x + w + 4} ${y} q4 80 -6 ${h + 10}" stroke="#9f4338" stroke-width="3" fill="none"/>`,
    `<rect x="${x - 24}" y="${y - 14}" width="${w + 48}" height="6" rx="3" fill="#6e5a45"/>`,
  ].join('');
}

/** The caller's room. */
export function phoneBack(): string {
  return [
    `<defs>${linear('ph-wall', ['#f3dcc2', '#e4c2a0'])}${radial('ph-lamp', '#ffd28a', 0.7, 0.05)}</defs>`,
    `<rect width="480" height="360" fill="url(#ph-wall)"/>`,
    `<rect y="250" width="480" height="110" fill="#d7b18c"/><rect y="246" width="480" height="6" fill="#c79f78"/>`,
    headGlow('ph-glow', '#fff0d8', 0.8),
    bookshelf(),
    duskWindow(),
    // A sideboard under the window with a lamp whose light warms the corner.
    `<ellipse cx="452" cy="168" rx="90" ry="110" fill="url(#ph-lamp)"/>`,
    dropShadow(318, 216, 162, 40, 2, 4),
    `<rect x="318" y="216" width="162" height="44" fill="#8f6444"/><rect x="318" y="216" width="162" height="6" fill="#a87a55"/><path d="M398 226 v30" stroke="#6f4b31" stroke-width="2"/><circle cx="388" cy="240" r="2.5" fill="#e0c08a"/><circle cx="408" cy="240" r="2.5" fill="#e0c08a"/>`,
    `<path d="M446 216 v-46" stroke="#5a4a3c" stroke-width="4"/><path d="M428 170 h36 l-8 -30 h-20z" fill="#f3d49a"/><path d="M428 170 h36" stroke="#d9b36f" stroke-width="2"/><ellipse cx="446" cy="216" rx="14" ry="3" fill="#5a4a3c"/>`,
    `<rect x="150" y="44" width="44" height="54" rx="2" fill="#f7f1e6" stroke="#9a7b58" stroke-width="4"/><path d="M158 88 l10 -14 l8 8 l6 -6 l8 12z" fill="#94b39a"/><circle cx="182" cy="62" r="5" fill="#eec07a"/>`,
  ].join('');
}

/** The caller's table, and the trainee's call bar over it. */
export function phoneFront(top: number): string {
  const { x, y, w, h } = CALL_BAR;
  return [
    `<defs>${linear('ph-table', ['#c9925f', '#a9713f'])}</defs>`,
    `<rect y="${top}" width="480" height="${360 - top}" fill="url(#ph-table)"/><rect y="${top}" width="480" height="3" fill="#dfac78"/>`,
    `<path d="M0 ${top + 20} Q240 ${top + 14} 480 ${top + 24} M0 ${top + 36} Q240 ${top + 30} 480 ${top + 40}" stroke="#94602f" stroke-width="1.5" fill="none" opacity="0.4"/>`,
    // The mug, and the papers of the case.
    `<ellipse cx="${MUG.x + 2}" cy="${top + 6}" rx="24" ry="5" fill="${SHADOW}" opacity="0.22"/>`,
    `<path d="M${MUG.x + 14} ${top - 24} q14 0 14 10 q0 10 -14 10" stroke="#2f6f8f" stroke-width="5" fill="none"/>`,
    `<path d="M${MUG.x - 18} ${top - 32} h32 v30 q0 6 -6 6 h-20 q-6 0 -6 -6z" fill="#3f86a3"/><ellipse cx="${MUG.x - 2}" cy="${top - 32}" rx="16" ry="4" fill="#5c3a22"/><path d="M${MUG.x - 13} ${top - 24} v20" stroke="#fff" stroke-width="3" opacity="0.25" stroke-linecap="round"/>`,
    `<g transform="rotate(-5 380 ${top})"><rect x="336" y="${top - 8}" width="58" height="30" rx="1" fill="#fffdf7"/><path d="M342 ${top - 1} h44 M342 ${top + 5} h36 M342 ${top + 11} h40" stroke="#b7ada0" stroke-width="2"/></g>`,
    `<g transform="rotate(7 420 ${top})"><rect x="392" y="${top - 4}" width="50" height="26" rx="1" fill="#f6f0e4"/><path d="M398 ${top + 3} h36 M398 ${top + 9} h30" stroke="#b7ada0" stroke-width="2"/></g>`,
    // The call bar: a green handset, the caller's voice (bars drawn by the stage), a microphone.
    `<rect x="${x + 2}" y="${y + 3}" width="${w}" height="${h}" rx="${h / 2}" fill="${SHADOW}" opacity="0.25"/>`,
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${h / 2}" fill="#1f2a36" opacity="0.92"/>`,
    `<circle cx="${x + 16}" cy="${y + h / 2}" r="10" fill="#3f9a6b"/>`,
    `<path d="M${x + 11} ${y + 10} q1 -3 4 -2 l2 3 q-2 2 0 5 q2 2 4 1 l3 2 q1 3 -3 4 q-6 1 -10 -13z" fill="#fff"/>`,
    `<circle cx="${x + 40}" cy="${y + h / 2}" r="3" fill="#e85a4f"/>`,
    `<path d="M${x + w - 18} ${y + 8} v8 a4 4 0 0 0 8 0 v-8 a4 4 0 0 0 -8 0z M${x + w - 20} ${y + 16} a6 6 0 0 0 12 0 M${x + w - 14} ${y + 22} v3" stroke="#cfd8e3" stroke-width="1.8" fill="none"/>`,
  ].join('');
}
