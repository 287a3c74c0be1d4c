/**
 * The service counter: the customers' hall behind the customer (a daylit window, a queue rope, a
 * notice board, the clock) and the counter in front, with its bell and leaflets.
 */
import { SHADOW } from '../looks.js';
import { dropShadow, headGlow, linear, plant } from './kit.js';

export const COUNTER_CLOCK = { x: 420, y: 56, r: 21 };

function hallWindow(): string {
  const x = 22;
  const y = 34;
  const w = 132;
  const h = 184;
  const slats = Array.from(
    { length: 6 },
    (_, i) => `<rect x="${x + 8}" y="${y + 8 + i * 8}" width="${w - 16}" height="6" fill="#f7f0e3"/>`,
  ).join('');
  return [
    `<defs>${linear('cn-sky', ['#b9dbee', '#e9f4f3'])}</defs>`,
    dropShadow(x, y, w, h, 4, 5),
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="#fbf8f1"/>`,
    `<rect x="${x + 8}" y="${y + 8}" width="${w - 16}" height="${h - 16}" fill="url(#cn-sky)"/>`,
    // Across the street: soft buildings and a tree, with the sun on them.
    `<path d="M${x + 8} ${y + 150} v-52 h26 v-18 h22 v40 h18 v-30 h30 v22 h20 v38z" fill="#c3d6df"/>`,
    `<circle cx="${x + 96}" cy="${y + 138}" r="22" fill="#a6c9a3"/><circle cx="${x + 114}" cy="${y + 130}" r="16" fill="#b5d4ae"/>`,
    `<rect x="${x + 8}" y="${y + 150}" width="${w - 16}" height="${h - 158}" fill="#d9e4da"/>`,
    slats,
    `<rect x="${x + 8}" y="${y + 56}" width="${w - 16}" height="4" fill="#e6dccb"/>`,
    `<path d="M${x + w / 2} ${y + 8} V${y + h - 8} M${x + 8} ${y + 104} H${x + w - 8}" stroke="#fbf8f1" stroke-width="7"/>`,
    `<rect x="${x - 6}" y="${y + h - 4}" width="${w + 12}" height="9" rx="2" fill="#efe7d9"/>`,
  ].join('');
}

function noticeBoard(): string {
  return [
    dropShadow(348, 96, 116, 90, 4, 4),
    `<rect x="348" y="96" width="116" height="90" rx="5" fill="#b88a58"/><rect x="354" y="102" width="104" height="78" rx="2" fill="#d2a872"/>`,
    `<g transform="rotate(-4 378 128)"><rect x="360" y="108" width="36" height="44" fill="#fffdf8"/><path d="M366 120 h24 M366 128 h20 M366 136 h24 M366 144 h14" stroke="#b9b1a4" stroke-width="2.5"/></g>`,
    `<rect x="404" y="110" width="44" height="34" fill="#fff0b8" transform="rotate(3 426 127)"/><path d="M410 122 h28 M410 130 h22" stroke="#d6c37e" stroke-width="2.5"/>`,
    `<rect x="386" y="148" width="48" height="28" rx="2" fill="#dcecf4"/><circle cx="398" cy="162" r="7" fill="#2f6f8f" opacity="0.8"/><path d="M410 158 h18 M410 166 h14" stroke="#9bb6c4" stroke-width="2.5"/>`,
    `<circle cx="378" cy="110" r="3" fill="#d9473b"/><circle cx="426" cy="113" r="3" fill="#2f6f8f"/><circle cx="410" cy="150" r="3" fill="#e2b04a"/>`,
  ].join('');
}

function clockFace(): string {
  const { x, y, r } = COUNTER_CLOCK;
  const ticks = Array.from({ length: 12 }, (_, i) => {
    const a = (i * Math.PI) / 6;
    const len = i % 3 === 0 ? 5 : 2.5;
    const x1 = x + Math.sin(a) * (r - 4);
    const y1 = y - Math.cos(a) * (r - 4);
    const x2 = x + Math.sin(a) * (r - 4 - len);
    const y2 = y - Math.cos(a) * (r - 4 - len);
    return `M${x1.toFixed(1)} ${y1.toFixed(1)} L${x2.toFixed(1)} ${y2.toFixed(1)}`;
  }).join(' ');
  return `<circle cx="${x + 3}" cy="${y + 3}" r="${r + 4}" fill="${SHADOW}" opacity="0.14"/><circle cx="${x}" cy="${y}" r="${r + 4}" fill="#7d5f44"/><circle cx="${x}" cy="${y}" r="${r}" fill="#fffdf7"/><path d="${ticks}" stroke="#4a3b30" stroke-width="1.8" stroke-linecap="round"/>`;
}

/** Brass posts and a red rope: where the queue waits. */
function queueRope(): string {
  const post = (x: number) =>
    `<ellipse cx="${x}" cy="294" rx="13" ry="4" fill="${SHADOW}" opacity="0.2"/><rect x="${x - 3}" y="236" width="6" height="58" rx="2" fill="#c9a24e"/><circle cx="${x}" cy="234" r="6" fill="#dcb862"/><path d="M${x - 1} 240 v50" stroke="#f1d98f" stroke-width="1.5"/>`;
  return `${post(362)}${post(456)}<path d="M365 242 Q409 272 453 242" stroke="#a8323a" stroke-width="6" fill="none" stroke-linecap="round"/><path d="M366 241 Q409 266 452 241" stroke="#c95058" stroke-width="2" fill="none"/>`;
}

/** The hall behind the customer. */
export function counterBack(): string {
  return [
    `<defs>${linear('cn-wall', ['#f4e8d4', '#e9d6bb'])}${linear('cn-floor', ['#cfb48e', '#bf9f76'])}</defs>`,
    `<rect width="480" height="360" fill="url(#cn-wall)"/>`,
    // A picture rail and the wainscot below it, in the same warm wood as the counter.
    `<rect y="228" width="480" height="34" fill="#e2cba9"/><rect y="226" width="480" height="5" fill="#cdb08a"/>`,
    `<rect y="262" width="480" height="98" fill="url(#cn-floor)"/><rect y="258" width="480" height="6" fill="#b89870"/>`,
    `<path d="M0 300 L480 300 M60 262 L20 360 M180 262 L170 360 M300 262 L310 360 M420 262 L460 360" stroke="#b0906a" stroke-width="1.5" opacity="0.6"/>`,
    // Sunlight through the window falls across the floor.
    `<path d="M30 264 L150 264 L250 330 L110 330Z" fill="#fff8e6" opacity="0.35"/>`,
    headGlow('cn-glow'),
    hallWindow(),
    clockFace(),
    noticeBoard(),
    queueRope(),
    plant(46, 262, 1.1),
  ].join('');
}

/** The counter in front of the customer: its top, its panelled front, the bell and leaflets. */
export function counterFront(top: number): string {
  const face = top + 16;
  return [
    `<defs>${linear('cn-top', ['#e3b582', '#cf9c68'])}${linear('cn-face', ['#a96e44', '#8e5a36'])}</defs>`,
    `<rect y="${top}" width="480" height="${face - top}" fill="url(#cn-top)"/>`,
    `<rect y="${top}" width="480" height="3" fill="#f2cd9c"/>`,
    `<rect y="${face}" width="480" height="${360 - face}" fill="url(#cn-face)"/>`,
    `<rect y="${face}" width="480" height="5" fill="${SHADOW}" opacity="0.22"/>`,
    `<path d="M0 ${face + 12} H480 M120 ${face + 12} V360 M240 ${face + 12} V360 M360 ${face + 12} V360" stroke="#7d4d2d" stroke-width="2" opacity="0.55"/>`,
    // The bell and the pen on its chain, on the left.
    `<ellipse cx="104" cy="${top + 4}" rx="26" ry="5" fill="${SHADOW}" opacity="0.2"/><rect x="84" y="${top - 4}" width="40" height="7" rx="3" fill="#3b3330"/>`,
    `<path d="M88 ${top - 4} a16 16 0 0 1 32 0z" fill="#d8b152"/><path d="M94 ${top - 10} a10 10 0 0 1 8 -6" stroke="#f6e2a0" stroke-width="3" fill="none" stroke-linecap="round"/><rect x="102" y="${top - 26}" width="4" height="8" fill="#6e5a2c"/><ellipse cx="104" cy="${top - 27}" rx="6" ry="2.5" fill="#8d7335"/>`,
    `<path d="M134 ${top + 10} l30 -4" stroke="#2b3440" stroke-width="4" stroke-linecap="round"/><path d="M134 ${top + 10} q-8 5 -3 11" stroke="#9aa3ab" stroke-width="1.5" fill="none" stroke-dasharray="2 2"/>`,
    // A leaflet stand on the right, its label the help desk's sign: a speech bubble.
    `<ellipse cx="412" cy="${top + 4}" rx="48" ry="5" fill="${SHADOW}" opacity="0.18"/>`,
    `<rect x="374" y="${top - 42}" width="24" height="44" rx="2" fill="#2f6f8f" transform="rotate(-6 386 ${top})"/><rect x="400" y="${top - 46}" width="24" height="48" rx="2" fill="#e2a14a" transform="rotate(-2 412 ${top})"/><rect x="426" y="${top - 40}" width="24" height="42" rx="2" fill="#f4ede0" transform="rotate(4 438 ${top})"/>`,
    `<path d="M404 ${top - 36} h14 M404 ${top - 30} h11 M430 ${top - 32} h13 M430 ${top - 26} h10" stroke="#fff" stroke-width="2" opacity="0.7"/>`,
    `<rect x="368" y="${top - 18}" width="88" height="20" rx="3" fill="#eef5f7" opacity="0.85" stroke="#c9d8de" stroke-width="1.5"/>`,
    `<path d="M404 ${top - 14} h16 a3 3 0 0 1 3 3 v6 a3 3 0 0 1 -3 3 h-10 l-5 4 v-4 h-1 a3 3 0 0 1 -3 -3 v-6 a3 3 0 0 1 3 -3z" fill="#2f6f8f"/>`,
  ].join('');
}
