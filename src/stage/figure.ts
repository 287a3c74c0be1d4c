/**
 * The customer's head, torso and arms, in the portrait's coordinates (400 × 500), lit from the
 * upper left like the rooms they stand in. Arms are drawn per pose and per side, each around its
 * shoulder, so the stage can turn them for a gesture.
 */
import type { Pose } from '../engine/index.js';
import type { Box } from './atlas.js';
import { INK, SHADOW, type Look } from './looks.js';

/** The face's outline: a broad forehead narrowing to the chin. */
const FACE =
  'M200 96 C254 96 281 134 281 186 C281 238 250 282 200 285 C150 282 119 238 119 186 C119 134 146 96 200 96Z';

function hairBehind(p: Look): string {
  switch (p.hairStyle) {
    case 'long':
      return `<path d="M108 196 Q100 80 200 74 Q300 80 292 196 L298 272 Q276 290 254 268 L146 268 Q124 290 102 272Z" fill="${p.hair}"/><path d="M112 210 Q114 250 104 270 M288 210 Q286 250 296 270" stroke="${p.hairShade}" stroke-width="4" fill="none" opacity="0.6"/>`;
    case 'curly': {
      const puffs: [number, number, number][] = [
        [124, 120, 34],
        [160, 88, 36],
        [200, 78, 38],
        [240, 88, 36],
        [276, 120, 34],
        [106, 166, 30],
        [294, 166, 30],
        [104, 212, 28],
        [296, 212, 28],
        [116, 250, 24],
        [284, 250, 24],
      ];
      return puffs.map(([x, y, r]) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${p.hair}"/>`).join('');
    }
    case 'bun':
      return `<circle cx="200" cy="70" r="30" fill="${p.hair}"/><path d="M178 64 q22 -14 44 0" stroke="${p.hairShade}" stroke-width="3" fill="none"/>`;
    case 'short':
    case 'receding':
      return '';
  }
}

function hairInFront(p: Look): string {
  const strand = (d: string) =>
    `<path d="${d}" stroke="${p.hairShade}" stroke-width="3" fill="none" stroke-linecap="round" opacity="0.55"/>`;
  switch (p.hairStyle) {
    case 'long':
      return `<path d="M116 176 Q118 94 200 90 Q276 94 286 170 Q242 158 218 116 Q186 154 116 176Z" fill="${p.hair}"/>${strand('M140 150 Q170 122 206 108 M226 122 Q246 146 276 158')}<path d="M150 112 Q184 96 214 100" stroke="#fff" stroke-width="4" fill="none" opacity="0.18" stroke-linecap="round"/>`;
    case 'curly': {
      const curls = [136, 160, 184, 208, 232, 256, 272]
        .map(
          (x, i) =>
            `<circle cx="${x}" cy="${118 + (i % 2) * 8 - (x > 150 && x < 250 ? 10 : 0)}" r="17" fill="${p.hair}"/>`,
        )
        .join('');
      return curls;
    }
    case 'bun':
      return `<path d="M118 188 Q112 100 200 94 Q288 100 282 188 Q270 130 200 122 Q130 130 118 188Z" fill="${p.hair}"/>${strand('M140 140 Q170 116 200 112 M260 140 Q230 116 200 112')}`;
    case 'short':
      return `<path d="M118 178 Q108 86 200 82 Q292 86 282 178 Q276 132 252 124 Q200 134 148 122 Q124 132 118 178Z" fill="${p.hair}"/>${strand('M150 112 Q176 100 204 102 M214 104 Q244 106 262 120')}`;
    case 'receding':
      return [
        `<path d="M121 204 Q112 144 146 116 Q138 160 137 208Z" fill="${p.hair}"/>`,
        `<path d="M279 204 Q288 144 254 116 Q262 160 263 208Z" fill="${p.hair}"/>`,
        `<ellipse cx="176" cy="116" rx="26" ry="10" fill="#fff" opacity="0.16" transform="rotate(-12 176 116)"/>`,
      ].join('');
  }
}

function beard(p: Look): string {
  if (p.beard === 'short')
    return `<path d="M124 214 Q130 278 200 288 Q270 278 276 214 Q266 250 236 256 Q200 246 164 256 Q134 250 124 214Z" fill="${p.hair}" opacity="0.92"/><path d="M170 222 Q200 210 230 222 Q214 226 200 222 Q186 226 170 222Z" fill="${p.hair}"/>`;
  if (p.beard === 'moustache')
    return `<path d="M168 224 Q184 210 200 218 Q216 210 232 224 Q214 222 200 228 Q186 222 168 224Z" fill="${p.hair}"/>`;
  return '';
}

/** The head without its features: hair behind, ears, the face, its shading, hair in front. */
export function head(p: Look): string {
  const ear = (x: number) =>
    `<ellipse cx="${x}" cy="196" rx="12" ry="19" fill="${p.skin}"/><ellipse cx="${x}" cy="197" rx="6" ry="11" fill="${p.skinShade}"/>`;
  return [
    hairBehind(p),
    ear(121),
    ear(279),
    `<path d="${FACE}" fill="${p.skin}"/>`,
    // Light from the upper left: the right cheek and jaw fall into shade.
    `<path d="M262 130 C284 170 282 240 238 276 C262 236 270 180 262 130Z" fill="${p.skinShade}" opacity="0.55"/>`,
    `<ellipse cx="160" cy="150" rx="22" ry="12" fill="#fff" opacity="0.12"/>`,
    beard(p),
    hairInFront(p),
  ].join('');
}
export const HEAD_BOX: Box = { x: 72, y: 30, w: 256, h: 270 };
/** The head turns and nods around the top of the neck. */
export const HEAD_PIVOT = { x: 200, y: 272 };

/** A headset for a phone call: the band over the hair, the ear cups and the microphone. */
export function headset(): string {
  return [
    `<path d="M112 190 C108 76 292 76 288 190" stroke="#2e3440" stroke-width="9" fill="none" stroke-linecap="round"/>`,
    `<rect x="100" y="174" width="24" height="44" rx="10" fill="#3b4252"/><rect x="276" y="174" width="24" height="44" rx="10" fill="#3b4252"/>`,
    `<path d="M112 212 Q120 254 168 252" stroke="#2e3440" stroke-width="5" fill="none" stroke-linecap="round"/>`,
    `<ellipse cx="172" cy="252" rx="8" ry="6" fill="#1f242c"/>`,
  ].join('');
}

/** Neckline and what shows of the clothes under it. */
function collar(p: Look): string {
  switch (p.collar) {
    case 'v':
      return `<path d="M168 326 L200 388 L232 326Z" fill="${p.skinShade}"/><path d="M164 324 L200 392 L236 324" stroke="${p.topShade}" stroke-width="6" fill="none" stroke-linejoin="round"/>`;
    case 'crew':
      return `<path d="M166 326 Q200 356 234 326" stroke="${p.topShade}" stroke-width="8" fill="none" stroke-linecap="round"/><path d="M176 330 Q200 366 224 330" stroke="#e2b04a" stroke-width="2.5" fill="none"/><circle cx="200" cy="352" r="5" fill="#e2b04a"/>`;
    case 'cardigan':
      return `<path d="M170 326 Q200 348 230 326 L226 500 L174 500Z" fill="#efe6d6"/><path d="M170 326 Q200 348 230 326" stroke="#d9cdb8" stroke-width="5" fill="none"/><path d="M174 340 L180 500 M226 340 L220 500" stroke="${p.topShade}" stroke-width="8"/><circle cx="186" cy="392" r="3.5" fill="#c9b48c"/><circle cx="187" cy="430" r="3.5" fill="#c9b48c"/><circle cx="188" cy="468" r="3.5" fill="#c9b48c"/>`;
    case 'shirt':
      return `<path d="M176 322 L200 366 L224 322Z" fill="#e8eef4"/><path d="M172 318 L200 356 L188 372Z M228 318 L200 356 L212 372Z" fill="#f4f7fa" stroke="#c7d0da" stroke-width="2"/><path d="M200 364 L200 500" stroke="${p.topShade}" stroke-width="3" opacity="0.6"/>`;
    case 'polo':
      return `<path d="M172 320 L200 350 L228 320 L236 332 L200 364 L164 332Z" fill="${p.topShade}"/><path d="M200 350 L200 392" stroke="${p.topShade}" stroke-width="4"/><circle cx="200" cy="370" r="3" fill="#f2e8da"/><circle cx="200" cy="386" r="3" fill="#f2e8da"/>`;
  }
}

/** Shoulders, chest and neck, with the shade of the light from the left. */
export function torso(p: Look): string {
  return [
    `<rect x="178" y="248" width="44" height="90" rx="18" fill="${p.skinShade}"/>`,
    `<path d="M178 286 Q200 302 222 286 L222 300 Q200 314 178 300Z" fill="${SHADOW}" opacity="0.18"/>`,
    `<path d="M64 500 C62 386 92 340 150 326 L250 326 C308 340 338 386 336 500Z" fill="${p.top}"/>`,
    `<path d="M286 340 C322 364 336 420 336 500 L292 500 C300 440 298 380 286 340Z" fill="${p.topShade}" opacity="0.6"/>`,
    collar(p),
  ].join('');
}
export const TORSO_BOX: Box = { x: 56, y: 240, w: 288, h: 260 };
/** The torso breathes from the waist, hidden by the counter. */
export const TORSO_PIVOT = { x: 200, y: 500 };

function sleeve(d: string, p: Look): string {
  return `<path d="${d}" stroke="${p.topShade}" stroke-width="44" fill="none" stroke-linecap="round"/><path d="${d}" stroke="${p.top}" stroke-width="22" fill="none" stroke-linecap="round" opacity="0.45" transform="translate(-5 -3)"/>`;
}

/** A hand resting on the counter, its knuckles towards us, the thumb on the inner side. */
function restingHand(x: number, y: number, side: -1 | 1, p: Look): string {
  const thumb = x - side * 17;
  return [
    `<ellipse cx="${thumb}" cy="${y - 3}" rx="8" ry="11" fill="${p.skinShade}"/>`,
    `<rect x="${x - 21}" y="${y - 17}" width="42" height="31" rx="14" fill="${p.skin}"/>`,
    `<path d="M${x - 8} ${y + 6} v7 M${x + 1} ${y + 7} v7 M${x + 10} ${y + 6} v6" stroke="${p.skinShade}" stroke-width="2" stroke-linecap="round" opacity="0.8"/>`,
    `<path d="M${x - 14} ${y - 12} q14 -5 28 0" stroke="#fff" stroke-width="3" fill="none" opacity="0.18" stroke-linecap="round"/>`,
  ].join('');
}

function fist(x: number, y: number, p: Look): string {
  return `<circle cx="${x}" cy="${y}" r="21" fill="${p.skin}"/><path d="M${x - 14} ${y - 6} q7 -5 14 0 q7 -5 14 0 M${x - 14} ${y + 4} q7 -4 14 0 q7 -4 14 0" stroke="${p.skinShade}" stroke-width="2.4" fill="none" stroke-linecap="round"/><path d="M${x + 8} ${y - 19} a21 21 0 0 1 12 26" stroke="${SHADOW}" stroke-width="4" fill="none" opacity="0.15"/>`;
}

/** An open hand held up, palm towards us, the thumb out to the inner side: nothing hidden. */
function openPalm(x: number, y: number, side: -1 | 1, p: Look): string {
  return [
    `<ellipse cx="${x - side * 15}" cy="${y + 2}" rx="6.5" ry="11" fill="${p.skin}" transform="rotate(${-side * 35} ${x - side * 15} ${y + 2})"/>`,
    `<rect x="${x - 14}" y="${y - 22}" width="28" height="38" rx="12" fill="${p.skin}"/>`,
    `<path d="M${x - 5} ${y - 21} v9 M${x + 2} ${y - 22} v10 M${x + 9} ${y - 20} v8" stroke="${p.skinShade}" stroke-width="1.8" stroke-linecap="round" opacity="0.8"/>`,
    `<path d="M${x - 7} ${y + 4} q7 5 14 0" stroke="${p.skinShade}" stroke-width="2" fill="none" stroke-linecap="round"/>`,
  ].join('');
}

/** One drawn arm: its box, the shoulder it turns around, and whether it comes over the head. */
export interface ArmPart {
  side: 'left' | 'right' | 'both';
  box: Box;
  pivot: { x: number; y: number };
  over?: boolean;
  body: string;
}

const SHOULDER_L = { x: 100, y: 352 };
const SHOULDER_R = { x: 300, y: 352 };

/** A pose's arm on the viewer's left, mirrored for the right, around each shoulder. */
function pair(
  left: (p: Look, side: -1 | 1, m: (x: number) => number) => string,
  box: Box,
  p: Look,
): ArmPart[] {
  const id = (x: number) => x;
  const m = (x: number) => 400 - x;
  return [
    { side: 'left', box, pivot: SHOULDER_L, body: left(p, -1, id) },
    { side: 'right', box: { ...box, x: 400 - box.x - box.w }, pivot: SHOULDER_R, body: left(p, 1, m) },
  ];
}

/** The arms of a pose, each a part. */
export function arms(pose: Pose, p: Look): ArmPart[] {
  switch (pose) {
    case 'neutral':
      return pair(
        (p, s, m) => sleeve(`M${m(100)} 352 L${m(104)} 458`, p) + restingHand(m(106), 476, s, p),
        { x: 60, y: 320, w: 90, h: 180 },
        p,
      );
    case 'open':
      return pair(
        (p, s, m) =>
          sleeve(`M${m(100)} 352 Q${m(100)} 440 ${m(132)} 444 L${m(142)} 436`, p) +
          openPalm(m(146), 420, s, p),
        { x: 60, y: 320, w: 120, h: 150 },
        p,
      );
    case 'fists-clenched':
      return pair(
        (p, _s, m) =>
          sleeve(`M${m(100)} 352 L${m(100)} 458`, p) +
          fist(m(100), 474, p) +
          `<path d="M${m(70)} 466 l${m(58) - m(70)} -6 M${m(68)} 482 l${m(54) - m(68)} 2" stroke="${INK}" stroke-width="3" stroke-linecap="round"/>`,
        { x: 48, y: 320, w: 96, h: 180 },
        p,
      );
    case 'leaning-in':
      return pair(
        (p, s, m) =>
          sleeve(`M${m(100)} 352 Q${m(112)} 418 ${m(156)} 436`, p) + restingHand(m(168), 446, s, p),
        { x: 60, y: 320, w: 140, h: 150 },
        p,
      );
    case 'slumped':
      return pair(
        (p, _s, m) => sleeve(`M${m(104)} 370 L${m(110)} 500`, p),
        { x: 70, y: 336, w: 70, h: 164 },
        p,
      );
    case 'pointing': {
      const [left] = arms('neutral', p);
      return [
        left as ArmPart,
        {
          side: 'right',
          box: { x: 252, y: 180, w: 110, h: 200 },
          pivot: SHOULDER_R,
          over: true,
          body:
            sleeve('M300 352 Q346 304 306 266', p) +
            fist(304, 254, p) +
            `<path d="M300 236 L300 198" stroke="${p.skin}" stroke-width="13" stroke-linecap="round"/><path d="M305 232 L305 204" stroke="${p.skinShade}" stroke-width="2" opacity="0.7"/>`,
        },
      ];
    }
    case 'arms-crossed':
      return [
        {
          side: 'both',
          box: { x: 56, y: 320, w: 288, h: 130 },
          pivot: { x: 200, y: 390 },
          body:
            sleeve('M96 350 Q118 420 276 402', p) +
            restingHand(286, 398, 1, p) +
            sleeve('M304 350 Q282 428 124 412', p) +
            restingHand(114, 410, -1, p),
        },
      ];
  }
}
