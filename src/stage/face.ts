/**
 * The customer's face as separate drawings, in the portrait's coordinates (400 × 500): the features
 * of each mood (brows, eyes, nose, cheeks), the mouth of each mood shut and in two open shapes for
 * speech, the lids of a blink, the anger marks and glasses. Kept apart so the stage can cross-fade
 * one expression into the next, move the mouth and blink without drawing anything anew.
 */
import type { MouthFrame } from './motion.js';
import type { Face } from './shown.js';
import { INK, type Look } from './looks.js';

const EYE_L = 170;
const EYE_R = 230;
const EYE_Y = 178;

/** Colour in the cheeks by mood. */
const FLUSH: Record<Face, number> = {
  relieved: 0.28,
  calm: 0.12,
  annoyed: 0.2,
  angry: 0.4,
  furious: 0.65,
  defeated: 0.06,
};

interface EyeShape {
  /** Half-height of the open eye, the iris radius, where the gaze goes (x offset). */
  open: number;
  iris: number;
  gaze: number;
  /** Upper lid: how far it comes down at the outer and inner corner (0 = open). */
  lidOuter: number;
  lidInner: number;
  /** Lower lid pushed up (a squint). */
  lower: number;
}

const EYES: Record<Exclude<Face, 'relieved'>, EyeShape> = {
  calm: { open: 10, iris: 7.5, gaze: 0, lidOuter: 2, lidInner: 2, lower: 0 },
  annoyed: { open: 9, iris: 7, gaze: -3, lidOuter: 8, lidInner: 7, lower: 1 },
  angry: { open: 9, iris: 6.5, gaze: 0, lidOuter: 3, lidInner: 10, lower: 3 },
  furious: { open: 11, iris: 5.5, gaze: 0, lidOuter: 2, lidInner: 10, lower: 2 },
  // Heavy lids, drooping at the outer corners; the eyes look away, not at you.
  defeated: { open: 8.5, iris: 7, gaze: 3, lidOuter: 8, lidInner: 3, lower: 0 },
};

/** One eye; `side` is -1 for the customer's right (the viewer's left), 1 for the other. */
function eye(cx: number, side: -1 | 1, s: EyeShape, p: Look): string {
  const w = 13;
  const top = EYE_Y - s.open;
  const inner = cx - side * w;
  const outer = cx + side * w;
  // The lid line runs from the outer corner to the inner one, lowered by the mood.
  const lidO = EYE_Y - s.open + s.lidOuter;
  const lidI = EYE_Y - s.open + s.lidInner;
  const lidMid = Math.min(lidO, lidI) - 3 + Math.abs(s.lidOuter - s.lidInner) * 0.15;
  const iris = cx + s.gaze;
  return [
    `<ellipse cx="${cx}" cy="${EYE_Y}" rx="${w}" ry="${s.open}" fill="#fbf7f2"/>`,
    `<circle cx="${iris}" cy="${EYE_Y + 1}" r="${s.iris}" fill="${p.eyes}"/>`,
    `<circle cx="${iris}" cy="${EYE_Y + 1}" r="${s.iris * 0.5}" fill="${INK}"/>`,
    `<circle cx="${iris - 2.5}" cy="${EYE_Y - 2}" r="2.2" fill="#fff"/>`,
    // Skin above the lid line hides what the lid covers; below the lower lid, the same.
    `<path d="M${outer + side * 3} ${top - 6} L${outer + side * 3} ${lidO} Q${cx} ${lidMid} ${inner - side * 3} ${lidI} L${inner - side * 3} ${top - 6}Z" fill="${p.skin}"/>`,
    s.lower > 0
      ? `<path d="M${outer + side * 3} ${EYE_Y + s.open + 5} L${outer + side * 3} ${EYE_Y + s.open - s.lower} Q${cx} ${EYE_Y + s.open - s.lower * 1.6} ${inner - side * 3} ${EYE_Y + s.open - s.lower} L${inner - side * 3} ${EYE_Y + s.open + 5}Z" fill="${p.skin}"/>`
      : '',
    `<path d="M${outer + side * 2} ${lidO + 1} Q${cx} ${lidMid} ${inner} ${lidI + 1}" stroke="${INK}" stroke-width="3.6" fill="none" stroke-linecap="round"/>`,
    `<path d="M${outer} ${EYE_Y + s.open - s.lower + 1} Q${cx} ${EYE_Y + s.open - s.lower + 4} ${inner} ${EYE_Y + s.open - s.lower}" stroke="${p.skinShade}" stroke-width="2" fill="none" opacity="0.8"/>`,
  ].join('');
}

/** Brows as [outer, peak, inner] points for the viewer's left brow; the right one mirrors it. */
const BROWS: Record<Face, [number, number, number, number, number, number]> = {
  relieved: [148, 152, 168, 138, 190, 146],
  calm: [148, 152, 170, 143, 191, 150],
  annoyed: [148, 150, 170, 148, 191, 154],
  angry: [148, 142, 172, 148, 192, 160],
  furious: [146, 136, 172, 146, 194, 164],
  // Sad: the inner ends rise, the outer ends fall.
  defeated: [148, 160, 170, 148, 191, 138],
};

function brows(mood: Face, p: Look): string {
  const [ox, oy, px, py, ix, iy] = BROWS[mood];
  const m = (x: number) => 400 - x;
  // Annoyed raises one brow: the viewer's right one sits higher.
  const lift = mood === 'annoyed' ? -7 : 0;
  const left = `M${ox} ${oy} Q${px} ${py} ${ix} ${iy}`;
  const right = `M${m(ox)} ${oy + lift} Q${m(px)} ${py + lift * 1.4} ${m(ix)} ${iy + lift * 0.4}`;
  return `<path d="${left} ${right}" stroke="${p.hairShade}" stroke-width="8" fill="none" stroke-linecap="round"/>`;
}

/** The features of one mood: cheeks, eyes, brows and nose (the mouth is its own drawing). */
export function features(mood: Face, p: Look): string {
  const flush = FLUSH[mood];
  const eyes =
    mood === 'relieved'
      ? `<path d="M156 181 Q170 168 184 181 M216 181 Q230 168 244 181" stroke="${INK}" stroke-width="4.5" fill="none" stroke-linecap="round"/>`
      : eye(EYE_L, -1, EYES[mood], p) + eye(EYE_R, 1, EYES[mood], p);
  // A crease between the brows when angry.
  const crease =
    mood === 'angry' || mood === 'furious'
      ? `<path d="M194 150 q3 10 0 18 M206 150 q-3 10 0 18" stroke="${p.skinShade}" stroke-width="2.5" fill="none" stroke-linecap="round"/>`
      : '';
  return [
    `<ellipse cx="150" cy="210" rx="19" ry="11" fill="#e0574a" opacity="${flush}"/>`,
    `<ellipse cx="250" cy="210" rx="19" ry="11" fill="#e0574a" opacity="${flush}"/>`,
    eyes,
    brows(mood, p),
    crease,
    `<path d="M198 190 Q191 207 197 212 Q202 215 208 211" stroke="${p.skinShade}" stroke-width="4" fill="none" stroke-linecap="round"/>`,
  ].join('');
}

/** A mouth shape: its width, how far the corners rise (a smile) or drop, and how open it is. */
interface MouthShape {
  w: number;
  smile: number;
  open: number;
  /** Pulled to one side (annoyed). */
  skew?: number;
}

const MOUTHS: Record<Face, [MouthShape, MouthShape, MouthShape]> = {
  relieved: [
    { w: 50, smile: 9, open: 9 },
    { w: 44, smile: 6, open: 10 },
    { w: 46, smile: 6, open: 16 },
  ],
  calm: [
    { w: 42, smile: 5, open: 0 },
    { w: 34, smile: 3, open: 8 },
    { w: 36, smile: 2, open: 14 },
  ],
  annoyed: [
    { w: 40, smile: 0, open: 0, skew: 4 },
    { w: 34, smile: 0, open: 7, skew: 3 },
    { w: 36, smile: -1, open: 12, skew: 2 },
  ],
  angry: [
    { w: 44, smile: -7, open: 0 },
    { w: 40, smile: -6, open: 9 },
    { w: 44, smile: -6, open: 16 },
  ],
  furious: [
    { w: 50, smile: -8, open: 12 },
    { w: 46, smile: -7, open: 8 },
    { w: 54, smile: -9, open: 20 },
  ],
  // Small and turned down; it hardly opens to speak.
  defeated: [
    { w: 32, smile: -4, open: 0 },
    { w: 28, smile: -3, open: 6 },
    { w: 30, smile: -3, open: 9 },
  ],
};

const CX = 200;
const CY = 236;

function mouthPath({ w, smile, open, skew = 0 }: MouthShape): { edge: string; shape: string } {
  const l = `${CX - w / 2} ${CY - smile + skew}`;
  const r = `${CX + w / 2} ${CY - smile - skew}`;
  const top = `${CX} ${CY + smile - open * 0.6}`;
  const bottom = `${CX} ${CY + smile + open * 2}`;
  return { edge: `M${l} Q${top} ${r}`, shape: `M${l} Q${top} ${r} Q${bottom} ${l}Z` };
}

/** The mouth of `mood`: frame 0 is how it rests, 1 and 2 are open shapes while a line is said. */
export function mouth(mood: Face, frame: MouthFrame, p: Look, id: string): string {
  const s = MOUTHS[mood][frame];
  const { edge, shape } = mouthPath(s);
  if (s.open === 0)
    return `<path d="${edge}" stroke="${INK}" stroke-width="4.5" fill="none" stroke-linecap="round"/><path d="M${CX - 10} ${CY + 9} Q${CX} ${CY + 13} ${CX + 10} ${CY + 9}" stroke="${p.lip}" stroke-width="3" fill="none" stroke-linecap="round" opacity="0.6"/>`;
  const teeth = Math.min(7, s.open * 0.45);
  const angry = s.smile < -4;
  return [
    `<clipPath id="${id}"><path d="${shape}"/></clipPath>`,
    `<path d="${shape}" fill="#5a1f1c"/>`,
    `<g clip-path="url(#${id})">`,
    `<ellipse cx="${CX}" cy="${CY + s.smile + s.open * 1.1}" rx="${s.w * 0.26}" ry="${s.open * 0.42}" fill="#c0504d"/>`,
    `<rect x="${CX - s.w / 2}" y="${CY - s.open}" width="${s.w}" height="${s.open * 0.7 + teeth}" fill="#f6f1ea"/>`,
    angry
      ? `<rect x="${CX - s.w / 2}" y="${CY + s.smile + s.open * 2 - teeth * 1.4}" width="${s.w}" height="${teeth * 2}" fill="#f6f1ea"/>`
      : '',
    '</g>',
    `<path d="${shape}" stroke="${INK}" stroke-width="3" fill="none" stroke-linejoin="round"/>`,
  ].join('');
}

/** Both eyes shut: lids the colour of the skin over the eyes, and the line of the lashes. */
export function blinkLids(p: Look): string {
  const lid = (cx: number) =>
    `<ellipse cx="${cx}" cy="${EYE_Y}" rx="16" ry="13" fill="${p.skin}"/><path d="M${cx - 13} ${EYE_Y + 1} Q${cx} ${EYE_Y + 7} ${cx + 13} ${EYE_Y + 1}" stroke="${INK}" stroke-width="3.6" fill="none" stroke-linecap="round"/>`;
  return lid(EYE_L) + lid(EYE_R);
}

/** Furious: the cartoon's throbbing anger marks at the temple. */
export function angerMarks(): string {
  return `<path d="M268 118 l9 -15 M282 130 l16 -7 M280 146 l17 1" stroke="#d9473b" stroke-width="5.5" stroke-linecap="round"/>`;
}

export function glasses(): string {
  const lens = (x: number) =>
    `<rect x="${x}" y="163" width="42" height="30" rx="11" fill="#ffffff" fill-opacity="0.14" stroke="#3a3330" stroke-width="3.5"/>`;
  return `${lens(EYE_L - 21)}${lens(EYE_R - 21)}<path d="M191 174 Q200 168 209 174 M149 174 L128 170 M251 174 L272 170" stroke="#3a3330" stroke-width="3.5" fill="none" stroke-linecap="round"/><path d="M156 168 l8 -2 M216 168 l8 -2" stroke="#fff" stroke-width="2.5" stroke-linecap="round" opacity="0.7"/>`;
}
