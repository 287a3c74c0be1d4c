/**
 * What every room shares, so the three look like one game: the light (warm, from the upper left),
 * soft shadows, the glow that frames the customer's head, plants, the heat of anger.
 */
import { SHADOW } from '../looks.js';

/** Where the customer's head is on the stage: rooms leave it clear and light it. */
export const HEAD_AT = { x: 240, y: 112 };

export const linear = (id: string, stops: [string, string], vertical = true): string =>
  `<linearGradient id="${id}" x1="0" y1="0" x2="${vertical ? 0 : 1}" y2="${vertical ? 1 : 0}"><stop offset="0" stop-color="${stops[0]}"/><stop offset="1" stop-color="${stops[1]}"/></linearGradient>`;

export const radial = (id: string, colour: string, opacity: number, inner = 0): string =>
  `<radialGradient id="${id}"><stop offset="${inner}" stop-color="${colour}" stop-opacity="${opacity}"/><stop offset="1" stop-color="${colour}" stop-opacity="0"/></radialGradient>`;

/** A soft, warm pool of light behind the customer's head: it stands out from any wall. */
export function headGlow(id: string, colour = '#fff4de', opacity = 0.85): string {
  return `<defs>${radial(id, colour, opacity, 0.1)}</defs><ellipse cx="${HEAD_AT.x}" cy="${HEAD_AT.y + 20}" rx="170" ry="150" fill="url(#${id})"/>`;
}

/** A drop shadow the shape of a rectangle, down and to the right of it. */
export function dropShadow(x: number, y: number, w: number, h: number, r = 4, depth = 4): string {
  return `<rect x="${x + depth}" y="${y + depth}" width="${w}" height="${h}" rx="${r}" fill="${SHADOW}" opacity="0.14"/>`;
}

/** A leafy plant in a pot whose rim is at `base`; `s` scales it. */
export function plant(x: number, base: number, s = 1, pot = '#c1704a'): string {
  const leaf = (angle: number, len: number, shade: string) =>
    `<path d="M0 0 Q${len * 0.25} ${-len * 0.35} 0 ${-len} Q${-len * 0.25} ${-len * 0.35} 0 0Z" fill="${shade}" transform="rotate(${angle})"/><path d="M0 0 L0 ${-len * 0.9}" stroke="#3f6b45" stroke-width="1.6" opacity="0.5" transform="rotate(${angle})"/>`;
  const leaves = [
    [-62, 58, '#5f9466'],
    [-34, 74, '#6fa574'],
    [-8, 82, '#5f9466'],
    [16, 76, '#78ae7c'],
    [42, 66, '#5f9466'],
    [68, 52, '#6fa574'],
    [-18, 56, '#86bb88'],
  ] as const;
  return `<g transform="translate(${x} ${base}) scale(${s})">${leaves.map(([a, l, c]) => leaf(a, l, c)).join('')}<path d="M-26 0 h52 l-7 40 h-38z" fill="${pot}"/><rect x="-29" y="-4" width="58" height="9" rx="3" fill="${pot}"/><path d="M8 4 l-4 34" stroke="#fff" stroke-width="3" opacity="0.15"/></g>`;
}

/** Heat in the room's light as the customer gets angry: the edges warm to red. */
export function heat(): string {
  return `<defs><radialGradient id="kc-heat" cx="0.5" cy="0.45" r="0.75"><stop offset="0.55" stop-color="#d2452f" stop-opacity="0"/><stop offset="1" stop-color="#b8321f" stop-opacity="0.5"/></radialGradient></defs><rect x="0" y="0" width="480" height="360" fill="url(#kc-heat)"/>`;
}

/** A clock hand pointing up from its pivot at the bottom centre of its box. */
export function clockHand(length: number, width: number, colour: string): string {
  return `<path d="M${width / 2} ${length} L${width / 2} ${width / 2}" stroke="${colour}" stroke-width="${width}" stroke-linecap="round"/>`;
}
