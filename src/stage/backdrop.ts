/**
 * Where the call happens, drawn by us as SVG: a back wall behind the customer and a foreground in
 * front of them (the counter, the desk with the phone, the chat window's frame). The customer stands
 * between the two, so the foreground also gives hands and arms somewhere to rest.
 */
import type { Setting } from '../engine/index.js';

export const STAGE_WIDTH = 480;
export const STAGE_HEIGHT = 360;
/** Where the foreground begins: the customer's portrait stands on this line. */
export const FOREGROUND_TOP: Record<Setting, number> = { counter: 300, phone: 312, chat: 318 };

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${STAGE_WIDTH} ${STAGE_HEIGHT}" width="${STAGE_WIDTH}" height="${STAGE_HEIGHT}">${body}</svg>`;

const WALL = '#e9e3d8';
const TRIM = '#d6cdbd';

function windowWithBlinds(x: number, y: number, w: number, h: number): string {
  const slats = Array.from(
    { length: Math.floor(h / 12) },
    (_, i) => `<path d="M${x + 6} ${y + 10 + i * 12} h${w - 12}" stroke="#c9d6de" stroke-width="3"/>`,
  ).join('');
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="#dbe8ef" stroke="#b8aa94" stroke-width="6"/>${slats}`;
}

function wallClock(x: number, y: number): string {
  return `<circle cx="${x}" cy="${y}" r="20" fill="#fbfaf7" stroke="#8a7d6a" stroke-width="4"/><path d="M${x} ${y} v-12 M${x} ${y} h9" stroke="#3b3530" stroke-width="3" stroke-linecap="round"/>`;
}

function plant(x: number, base: number): string {
  return [
    `<path d="M${x} ${base - 34} q-26 -30 -8 -62 M${x} ${base - 34} q22 -34 4 -66 M${x} ${base - 34} q34 -18 30 -48 M${x} ${base - 34} q-34 -10 -36 -38" stroke="#5f8a5a" stroke-width="9" fill="none" stroke-linecap="round"/>`,
    `<path d="M${x - 20} ${base - 36} h40 l-6 36 h-28z" fill="#b4653f"/>`,
  ].join('');
}

/** The wall behind the customer. */
export function backdropSvg(setting: Setting): string {
  const floorLine = `<rect x="0" y="0" width="${STAGE_WIDTH}" height="${STAGE_HEIGHT}" fill="${WALL}"/><rect x="0" y="246" width="${STAGE_WIDTH}" height="8" fill="${TRIM}"/>`;
  switch (setting) {
    case 'counter':
      // A claims office: blinds, a clock, a notice board with pinned papers.
      return svg(
        [
          floorLine,
          windowWithBlinds(22, 40, 104, 150),
          wallClock(420, 52),
          `<rect x="352" y="94" width="108" height="84" rx="4" fill="#c9a77c" stroke="#a3845d" stroke-width="4"/>`,
          `<rect x="362" y="104" width="34" height="40" fill="#fbfaf7" transform="rotate(-4 379 124)"/><rect x="404" y="108" width="44" height="30" fill="#fff4c7"/><rect x="384" y="146" width="40" height="26" fill="#e6f0f5"/>`,
          plant(66, 300),
        ].join(''),
      );
    case 'phone':
      // The caller at home: a framed picture and a lamp, seen as if on a video call.
      return svg(
        [
          `<rect x="0" y="0" width="${STAGE_WIDTH}" height="${STAGE_HEIGHT}" fill="#e4e7df"/>`,
          `<rect x="30" y="60" width="96" height="72" rx="3" fill="#f5f1e6" stroke="#8c7a63" stroke-width="6"/><path d="M40 122 l24 -30 l18 20 l12 -12 l24 22z" fill="#9bb59a"/>`,
          `<path d="M392 300 v-160" stroke="#6d6256" stroke-width="6"/><path d="M362 140 h60 l-12 -44 h-36z" fill="#f2d49b"/>`,
          `<rect x="0" y="262" width="${STAGE_WIDTH}" height="8" fill="#d2d6cb"/>`,
        ].join(''),
      );
    case 'chat':
      // A chat: the customer's picture in a plain, bright pane.
      return svg(
        `<rect x="0" y="0" width="${STAGE_WIDTH}" height="${STAGE_HEIGHT}" fill="#eef1f5"/><circle cx="240" cy="190" r="150" fill="#e2e8ef"/>`,
      );
  }
}

/** What stands in front of the customer. */
export function foregroundSvg(setting: Setting): string {
  const top = FOREGROUND_TOP[setting];
  switch (setting) {
    case 'counter':
      // The counter, with a bell and the customer's envelope on it.
      return svg(
        [
          `<rect x="0" y="${top}" width="${STAGE_WIDTH}" height="${STAGE_HEIGHT - top}" fill="#9c6b45"/>`,
          `<rect x="0" y="${top - 10}" width="${STAGE_WIDTH}" height="14" rx="3" fill="#c08a5c"/>`,
          `<path d="M0 ${top + 22} h${STAGE_WIDTH}" stroke="#8a5d3b" stroke-width="3"/>`,
          `<rect x="316" y="${top - 22}" width="66" height="16" rx="2" fill="#f3ead8" stroke="#c9b692" stroke-width="2" transform="rotate(-3 349 ${top - 14})"/>`,
          `<path d="M402 ${top - 10} a16 16 0 0 1 32 0z" fill="#d9b75a"/><circle cx="418" cy="${top - 28}" r="3" fill="#a88a3c"/>`,
        ].join(''),
      );
    case 'phone':
      // A call bar, as the trainee's headset software would show it.
      return svg(
        [
          `<rect x="0" y="${top}" width="${STAGE_WIDTH}" height="${STAGE_HEIGHT - top}" fill="#26303d"/>`,
          `<circle cx="30" cy="${top + 24}" r="13" fill="#3f9a6b"/>`,
          `<path d="M23 ${top + 20} q2 -6 6 -4 l2 4 q-3 3 0 7 q3 3 6 1 l4 2 q2 4 -4 6 q-8 1 -14 -16z" fill="#fff"/>`,
        ].join(''),
      );
    case 'chat':
      return svg(
        [
          `<rect x="0" y="${top}" width="${STAGE_WIDTH}" height="${STAGE_HEIGHT - top}" fill="#ffffff"/>`,
          `<rect x="16" y="${top + 10}" width="${STAGE_WIDTH - 96}" height="24" rx="12" fill="#eef1f5"/>`,
          `<circle cx="${STAGE_WIDTH - 40}" cy="${top + 22}" r="14" fill="#2f6f8f"/>`,
          `<rect x="0" y="${top}" width="${STAGE_WIDTH}" height="2" fill="#d5dbe3"/>`,
        ].join(''),
      );
  }
}
