/**
 * A phone call, seen from the trainee's chair: nothing of the caller to see, everything to hear.
 * The office wall (a window, a pinboard), the monitor with the softphone (the caller's name, the
 * call's timer and the caller's voice as a live waveform, drawn by the stage on top), and in front
 * the trainee, from behind, with their headset on, at a desk with a keyboard and a mug.
 */
import { SHADOW } from '../looks.js';
import { dropShadow, linear, plant, radial } from './kit.js';

/** The monitor's screen: the softphone app fills it. */
export const SCREEN = { x: 158, y: 30, w: 284, h: 178 };
/** Where the panel's words go (drawn by the stage: they change with the call). */
export const PANEL = {
  avatar: { x: 194, y: 80, r: 18 },
  name: { x: 222, y: 60 },
  status: { x: 222, y: 84 },
  timer: { x: 430, y: 63 },
};
/** The caller's voice: the waveform's bars stand on a centre line in this box. */
export const WAVE = { x: 176, y: 142, bars: 36, gap: 7, height: 60 };
/** Reduced motion: a still level bar across the same box. */
export const LEVEL = { x: 176, y: 142, w: 248, h: 10 };
/** The mug the steam rises from. */
export const MUG = { x: 452, y: 246 };

/** A window on the office wall: daylight, a blind half down, roofs across the street. */
function officeWindow(): string {
  const x = 16;
  const y = 26;
  const w = 116;
  const h = 150;
  const slats = Array.from(
    { length: 5 },
    (_, i) => `<rect x="${x + 6}" y="${y + 6 + i * 8}" width="${w - 12}" height="6" fill="#f3efe6"/>`,
  ).join('');
  return [
    `<defs>${linear('ph-sky', ['#a9d2ea', '#e6f2f1'])}</defs>`,
    dropShadow(x, y, w, h, 3, 4),
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="3" fill="#fbf8f1"/>`,
    `<rect x="${x + 6}" y="${y + 6}" width="${w - 12}" height="${h - 12}" fill="url(#ph-sky)"/>`,
    `<path d="M${x + 6} ${y + h - 6} v-44 h20 v-16 h22 v30 h16 v-24 h26 v18 h20 v36z" fill="#c3d6df"/>`,
    `<circle cx="${x + 84}" cy="${y + h - 22}" r="16" fill="#a6c9a3"/>`,
    slats,
    `<path d="M${x + w / 2} ${y + 6} V${y + h - 6}" stroke="#fbf8f1" stroke-width="5"/>`,
    `<rect x="${x - 5}" y="${y + h - 3}" width="${w + 10}" height="7" rx="2" fill="#efe7d9"/>`,
  ].join('');
}

/** The pinboard at the wall's edge: the team's notes. */
function pinboard(): string {
  return [
    dropShadow(452, 60, 26, 110, 3, 3),
    `<rect x="452" y="60" width="28" height="110" rx="3" fill="#c89c68"/>`,
    `<rect x="455" y="70" width="22" height="26" fill="#fff3b8" transform="rotate(-4 466 83)"/>`,
    `<rect x="456" y="104" width="20" height="24" fill="#fdfcf8" transform="rotate(3 466 116)"/>`,
    `<rect x="455" y="136" width="22" height="22" fill="#dcecf4"/>`,
    `<circle cx="466" cy="72" r="2.5" fill="#d9473b"/><circle cx="466" cy="106" r="2.5" fill="#2f6f8f"/>`,
  ].join('');
}

/** A round button of the softphone. */
function appButton(cx: number, cy: number, fill: string, glyph: string): string {
  return `<circle cx="${cx}" cy="${cy}" r="10" fill="${fill}"/>${glyph}`;
}

/** The monitor and its softphone, without the words (the stage writes those). */
function monitor(): string {
  const { x, y, w, h } = SCREEN;
  const { avatar } = PANEL;
  const handset = (cx: number, cy: number) =>
    `<path d="M${cx - 6} ${cy + 1} q6 -5 12 0 l-1 3 l-3 -1 v-2 q-2 -1 -4 0 v2 l-3 1z" fill="#fff"/>`;
  return [
    `<defs>${linear('ph-app', ['#ffffff', '#f1f5f8'])}${radial('ph-screen-glow', '#cfe6f5', 0.55, 0.2)}</defs>`,
    // A cool glow on the wall from the screen.
    `<ellipse cx="${x + w / 2}" cy="${y + h / 2}" rx="${w * 0.75}" ry="${h * 0.8}" fill="url(#ph-screen-glow)"/>`,
    // Stand, then the bezel.
    `<path d="M288 ${y + h + 6} h24 l6 34 h-36z" fill="#3a4049"/>`,
    `<ellipse cx="300" cy="${y + h + 42}" rx="48" ry="7" fill="#2d3239"/>`,
    `<rect x="${x - 6}" y="${y - 6}" width="${w + 12}" height="${h + 16}" rx="9" fill="${SHADOW}" opacity="0.2" transform="translate(4 5)"/>`,
    `<rect x="${x - 8}" y="${y - 8}" width="${w + 16}" height="${h + 16}" rx="9" fill="#2b3138"/>`,
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="2" fill="url(#ph-app)"/>`,
    // The app's bar: a headset glyph (the trainee's line is open) and the app's menu.
    `<rect x="${x}" y="${y}" width="${w}" height="18" fill="#2f6f8f"/>`,
    `<path d="M${x + 9} ${y + 12} v-3 a5 5 0 0 1 10 0 v3" stroke="#fff" stroke-width="1.8" fill="none"/><rect x="${x + 7.5}" y="${y + 10}" width="3" height="5" rx="1" fill="#fff"/><rect x="${x + 17.5}" y="${y + 10}" width="3" height="5" rx="1" fill="#fff"/>`,
    `<rect x="${x + 26}" y="${y + 7}" width="54" height="4" rx="2" fill="#cfe3ec"/>`,
    `<circle cx="${x + w - 24}" cy="${y + 9}" r="2" fill="#cfe3ec"/><circle cx="${x + w - 17}" cy="${y + 9}" r="2" fill="#cfe3ec"/><circle cx="${x + w - 10}" cy="${y + 9}" r="2" fill="#cfe3ec"/>`,
    // The caller: a plain badge, no face (only a voice reaches you).
    `<circle cx="${avatar.x}" cy="${avatar.y}" r="${avatar.r}" fill="#d7e3ec"/>`,
    `<path d="M${avatar.x - 7} ${avatar.y - 6} a7 7 0 0 1 14 0 v2 a7 7 0 0 1 -14 0z" fill="#9fb3c3"/><path d="M${avatar.x - 12} ${avatar.y + 14} q12 -14 24 0z" fill="#9fb3c3"/>`,
    // The waveform's well.
    `<rect x="${WAVE.x - 8}" y="${WAVE.y - WAVE.height / 2 - 6}" width="${(WAVE.bars - 1) * WAVE.gap + 16}" height="${WAVE.height + 12}" rx="8" fill="#e9f0f5"/>`,
    `<path d="M${WAVE.x - 2} ${WAVE.y} h${(WAVE.bars - 1) * WAVE.gap + 4}" stroke="#d3dee7" stroke-width="1"/>`,
    // Mute, hold, and the red button that ends the call.
    appButton(
      x + 102,
      y + h - 14,
      '#dfe7ee',
      `<rect x="${x + 99}" y="${y + h - 20}" width="6" height="9" rx="3" fill="#7d8fa0"/>`,
    ),
    appButton(
      x + 142,
      y + h - 14,
      '#dfe7ee',
      `<rect x="${x + 138}" y="${y + h - 19}" width="3" height="10" fill="#7d8fa0"/><rect x="${x + 143}" y="${y + h - 19}" width="3" height="10" fill="#7d8fa0"/>`,
    ),
    appButton(x + 182, y + h - 14, '#d9473b', handset(x + 182, y + h - 15)),
  ].join('');
}

/** The office behind the desk: the wall, the window, the pinboard and the monitor. */
export function phoneBack(): string {
  return [
    `<defs>${linear('ph-wall', ['#eae3d6', '#ddd2c0'])}</defs>`,
    `<rect width="480" height="360" fill="url(#ph-wall)"/>`,
    // A low partition behind the desk, in the game's blue.
    `<rect y="196" width="480" height="60" fill="#9db4c2"/><rect y="194" width="480" height="5" fill="#b9cbd6"/>`,
    officeWindow(),
    plant(104, 196, 0.55, '#e4d9c6'),
    pinboard(),
    monitor(),
  ].join('');
}

/** The trainee from behind: hair, shoulders, and the headset they are wearing. */
function trainee(): string {
  return [
    // Shoulders in a cardigan, leaving the frame at the bottom.
    `<path d="M-20 360 C-14 318 22 300 78 298 C134 300 168 318 176 360Z" fill="#4b5d7a"/>`,
    `<path d="M120 306 C150 316 170 336 176 360 L150 360 C148 338 138 320 120 306Z" fill="#3a4b66" opacity="0.7"/>`,
    `<rect x="62" y="276" width="32" height="30" rx="10" fill="#c9956f"/>`,
    // The back of the head: hair combed down from the crown into a knot at the nape.
    `<ellipse cx="78" cy="238" rx="48" ry="54" fill="#3e2a1f"/>`,
    `<path d="M60 196 Q50 236 62 276 M78 190 Q76 236 78 280 M96 196 Q106 236 94 276" stroke="#2c1d15" stroke-width="2.5" fill="none" stroke-linecap="round" opacity="0.35"/>`,
    `<path d="M48 208 Q62 196 74 194" stroke="#6b4a35" stroke-width="4" fill="none" stroke-linecap="round" opacity="0.6"/>`,
    `<ellipse cx="78" cy="282" rx="17" ry="13" fill="#4a3325"/><rect x="62" y="270" width="32" height="5" rx="2.5" fill="#c0584b"/>`,
    // The headset: the band over the crown, a cup over the ear, the microphone towards the screen.
    `<path d="M34 238 C30 172 126 172 122 238" stroke="#2e3440" stroke-width="8" fill="none" stroke-linecap="round"/>`,
    `<rect x="116" y="224" width="16" height="34" rx="7" fill="#3b4252"/><rect x="24" y="224" width="14" height="32" rx="6" fill="#3b4252"/>`,
    `<path d="M130 250 Q150 262 160 250" stroke="#2e3440" stroke-width="4" fill="none" stroke-linecap="round"/>`,
    `<ellipse cx="162" cy="248" rx="5" ry="4" fill="#1f242c"/>`,
    `<circle cx="124" cy="232" r="2.2" fill="#7fd6a4"/>`,
  ].join('');
}

/** The desk: its top, the keyboard, a notepad and the mug; the trainee in front of it all. */
export function phoneFront(top: number): string {
  return [
    `<defs>${linear('ph-desk', ['#d6b187', '#c29a6c'])}</defs>`,
    `<rect y="${top}" width="480" height="${360 - top}" fill="url(#ph-desk)"/><rect y="${top}" width="480" height="3" fill="#e7c79f"/>`,
    `<path d="M0 ${top + 26} Q240 ${top + 20} 480 ${top + 30}" stroke="#b08556" stroke-width="1.5" fill="none" opacity="0.4"/>`,
    // The keyboard in front of the screen, and the mouse.
    `<path d="M214 ${top + 34} h172 l14 40 h-200z" fill="${SHADOW}" opacity="0.14" transform="translate(3 4)"/>`,
    `<path d="M214 ${top + 34} h172 l14 40 h-200z" fill="#eceef0"/>`,
    `<path d="M216 ${top + 44} h168 M212 ${top + 54} h176 M208 ${top + 64} h184" stroke="#c7ccd2" stroke-width="5" stroke-dasharray="9 3"/>`,
    `<ellipse cx="424" cy="${top + 62}" rx="11" ry="15" fill="#eceef0"/><path d="M424 ${top + 48} v10" stroke="#c7ccd2" stroke-width="1.5"/>`,
    // A notepad with the case's notes and a pen.
    `<g transform="rotate(-6 196 ${top + 20})"><rect x="170" y="${top + 6}" width="48" height="34" rx="1" fill="#fffdf6"/><path d="M176 ${top + 14} h34 M176 ${top + 21} h28 M176 ${top + 28} h32" stroke="#b7ada0" stroke-width="1.8"/></g>`,
    `<path d="M226 ${top + 14} l-24 20" stroke="#2f6f8f" stroke-width="3" stroke-linecap="round"/>`,
    // The mug, on the right.
    `<ellipse cx="${MUG.x}" cy="${top + 22}" rx="20" ry="4" fill="${SHADOW}" opacity="0.22"/>`,
    `<path d="M${MUG.x + 12} ${top - 2} q12 0 12 9 q0 9 -12 9" stroke="#c0584b" stroke-width="4" fill="none"/>`,
    `<path d="M${MUG.x - 15} ${top - 8} h28 v26 q0 5 -5 5 h-18 q-5 0 -5 -5z" fill="#d9695c"/><ellipse cx="${MUG.x - 1}" cy="${top - 8}" rx="14" ry="3.5" fill="#5c3a22"/>`,
    trainee(),
  ].join('');
}
