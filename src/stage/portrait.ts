/**
 * The customer, drawn by us as SVG: the face follows the mood band, the body follows the node's
 * body-language pose. Pure string output, so it is tested in Node and loaded by Phaser as a texture.
 */
import type { Mood, Pose } from '../engine/index.js';
import { own } from '../engine/own.js';

export const PORTRAIT_WIDTH = 400;
export const PORTRAIT_HEIGHT = 500;

interface Palette {
  skin: string;
  skinShade: string;
  hair: string;
  top: string;
  topShade: string;
  /** Long hair down to the shoulders, short hair, or hair left only at the sides. */
  hairStyle?: 'long' | 'short' | 'receding';
}

/** Looks by appearance key; an unknown key gets the first look rather than failing. */
const LOOKS: Record<string, Palette> = {
  'parent-40s': {
    skin: '#e0ac86',
    skinShade: '#c98f6a',
    hair: '#5a3825',
    top: '#3f6e8c',
    topShade: '#325a73',
  },
  'adult-30s': {
    skin: '#8d5a3b',
    skinShade: '#74482e',
    hair: '#1f1a17',
    top: '#7a4f8c',
    topShade: '#623f71',
  },
  'retiree-70s': {
    skin: '#f1c9a5',
    skinShade: '#d9ab85',
    hair: '#c9c6c2',
    top: '#5d7a4a',
    topShade: '#4a623b',
  },
  'man-30s': {
    skin: '#f0c8a8',
    skinShade: '#d9a988',
    hair: '#9a4a26',
    top: '#4a5d7a',
    topShade: '#3b4b63',
    hairStyle: 'short',
  },
  'man-40s': {
    skin: '#e8b896',
    skinShade: '#cf9c78',
    hair: '#4e3524',
    top: '#8a5a3c',
    topShade: '#714a31',
    hairStyle: 'short',
  },
  'man-70s': {
    skin: '#c68e64',
    skinShade: '#ad7650',
    hair: '#d6d3cf',
    top: '#5f6a78',
    topShade: '#4c5561',
    hairStyle: 'receding',
  },
};

/** The appearance keys the game draws (any other key gets the first look). */
export const APPEARANCES = Object.keys(LOOKS);
const DEFAULT_LOOK: Palette = {
  skin: '#e0ac86',
  skinShade: '#c98f6a',
  hair: '#5a3825',
  top: '#3f6e8c',
  topShade: '#325a73',
};

export function paletteFor(appearance: string): Palette {
  return own(LOOKS, appearance) ?? DEFAULT_LOOK;
}

const INK = '#2a211c';

/** Eyebrows, eyes, mouth and colour in the cheeks for each mood. */
function face(mood: Mood, p: Palette): string {
  const brows: Record<Mood, string> = {
    relieved: 'M148 150 Q170 138 192 148 M208 148 Q230 138 252 150',
    calm: 'M148 150 Q170 144 192 150 M208 150 Q230 144 252 150',
    annoyed: 'M148 146 Q170 146 192 154 M208 150 L252 150',
    angry: 'M148 142 L192 158 M208 158 L252 142',
    furious: 'M146 136 L194 162 M206 162 L254 136',
  };
  const eyes: Record<Mood, string> = {
    relieved: `<path d="M158 176 Q170 168 182 176 M218 176 Q230 168 242 176" stroke="${INK}" stroke-width="5" fill="none" stroke-linecap="round"/>`,
    calm: `<ellipse cx="170" cy="176" rx="8" ry="9" fill="${INK}"/><ellipse cx="230" cy="176" rx="8" ry="9" fill="${INK}"/>`,
    annoyed: `<ellipse cx="170" cy="178" rx="8" ry="6" fill="${INK}"/><ellipse cx="230" cy="177" rx="8" ry="7" fill="${INK}"/>`,
    angry: `<ellipse cx="170" cy="178" rx="9" ry="5" fill="${INK}"/><ellipse cx="230" cy="178" rx="9" ry="5" fill="${INK}"/>`,
    furious: `<ellipse cx="170" cy="179" rx="10" ry="4" fill="${INK}"/><ellipse cx="230" cy="179" rx="10" ry="4" fill="${INK}"/>`,
  };
  const mouths: Record<Mood, string> = {
    relieved: `<path d="M168 226 Q200 256 232 226 Q200 240 168 226Z" fill="#8c2f2a" stroke="${INK}" stroke-width="3"/>`,
    calm: `<path d="M174 230 Q200 244 226 230" stroke="${INK}" stroke-width="5" fill="none" stroke-linecap="round"/>`,
    annoyed: `<path d="M176 234 L224 232" stroke="${INK}" stroke-width="5" fill="none" stroke-linecap="round"/>`,
    angry: `<path d="M174 240 Q200 224 226 240" stroke="${INK}" stroke-width="6" fill="none" stroke-linecap="round"/>`,
    furious: `<path d="M172 238 Q200 214 228 238 Q200 262 172 238Z" fill="#5b1714" stroke="${INK}" stroke-width="3"/><path d="M182 231 L218 231" stroke="#f4efe9" stroke-width="5"/>`,
  };
  const flush: Record<Mood, number> = { relieved: 0.15, calm: 0, annoyed: 0.15, angry: 0.35, furious: 0.6 };
  return [
    `<g id="face" data-mood="${mood}">`,
    `<ellipse cx="152" cy="206" rx="18" ry="11" fill="#d9473b" opacity="${flush[mood]}"/>`,
    `<ellipse cx="248" cy="206" rx="18" ry="11" fill="#d9473b" opacity="${flush[mood]}"/>`,
    `<path d="${brows[mood]}" stroke="${p.hair}" stroke-width="7" fill="none" stroke-linecap="round"/>`,
    eyes[mood],
    `<path d="M200 188 Q194 208 202 212" stroke="${p.skinShade}" stroke-width="4" fill="none" stroke-linecap="round"/>`,
    mouths[mood],
    mood === 'furious'
      ? `<path d="M266 120 l10 -14 M282 132 l16 -6 M278 148 l16 2" stroke="#d9473b" stroke-width="5" stroke-linecap="round"/>`
      : '',
    '</g>',
  ].join('');
}

function hand(x: number, y: number, p: Palette, fist: boolean): string {
  return fist
    ? `<circle cx="${x}" cy="${y}" r="20" fill="${p.skin}" stroke="${p.skinShade}" stroke-width="3"/><path d="M${x - 10} ${y - 4} h20 M${x - 10} ${y + 4} h20" stroke="${p.skinShade}" stroke-width="2"/>`
    : `<ellipse cx="${x}" cy="${y}" rx="17" ry="21" fill="${p.skin}" stroke="${p.skinShade}" stroke-width="3"/>`;
}

/** Arms and hands for each pose, drawn over the torso. */
function arms(pose: Pose, p: Palette): string {
  const sleeve = (d: string) =>
    `<path d="${d}" stroke="${p.topShade}" stroke-width="44" fill="none" stroke-linecap="round"/>`;
  switch (pose) {
    case 'arms-crossed':
      return `${sleeve('M96 350 Q120 420 280 400')}${sleeve('M304 350 Q280 430 120 410')}${hand(284, 398, p, false)}${hand(116, 410, p, false)}`;
    case 'fists-clenched':
      return `${sleeve('M96 350 L100 470')}${sleeve('M304 350 L300 470')}${hand(100, 478, p, true)}${hand(300, 478, p, true)}<path d="M70 470 l-12 -6 M70 484 l-14 2 M330 470 l12 -6 M330 484 l14 2" stroke="${INK}" stroke-width="3" stroke-linecap="round"/>`;
    case 'pointing':
      return `${sleeve('M96 350 L100 470')}${hand(100, 478, p, false)}${sleeve('M304 350 Q340 300 300 262')}${hand(300, 252, p, true)}<path d="M300 236 L300 200" stroke="${p.skin}" stroke-width="13" stroke-linecap="round"/>`;
    case 'open':
      return `${sleeve('M96 350 Q110 440 150 450')}${sleeve('M304 350 Q290 440 250 450')}${hand(160, 452, p, false)}${hand(240, 452, p, false)}`;
    case 'leaning-in':
      return `${sleeve('M96 350 Q130 430 170 470')}${sleeve('M304 350 Q270 430 230 470')}${hand(172, 476, p, false)}${hand(228, 476, p, false)}`;
    case 'slumped':
      return `${sleeve('M104 372 L110 490')}${sleeve('M296 372 L290 490')}`;
    case 'neutral':
      return `${sleeve('M96 350 L102 470')}${sleeve('M304 350 L298 470')}${hand(102, 478, p, false)}${hand(298, 478, p, false)}`;
  }
}

/** Whole-body placement: leaning in comes closer, slumping sinks and tilts. */
const BODY_TRANSFORM: Record<Pose, string> = {
  neutral: '',
  open: '',
  'arms-crossed': '',
  'fists-clenched': '',
  pointing: '',
  'leaning-in': 'translate(-22 -6) scale(1.11)',
  slumped: 'translate(0 22)',
};

/** Hair that falls behind the head and shoulders (long hair only). */
function hairBehind(p: Palette): string {
  if ((p.hairStyle ?? 'long') !== 'long') return '';
  return `<path d="M110 200 Q104 84 200 78 Q296 84 290 200 L296 270 Q270 284 252 262 L148 262 Q130 284 104 270Z" fill="${p.hair}"/>`;
}

/** Hair over the head: a parted fringe, a short crop, or grey at the sides of a bald crown. */
function hairInFront(p: Palette): string {
  switch (p.hairStyle ?? 'long') {
    case 'long':
      return `<path d="M118 168 Q122 96 200 94 Q270 96 284 160 Q236 150 214 116 Q180 150 118 168Z" fill="${p.hair}"/>`;
    case 'short':
      return `<path d="M120 176 Q112 88 200 84 Q288 88 280 176 Q274 134 250 126 Q200 136 150 124 Q126 134 120 176Z" fill="${p.hair}"/>`;
    case 'receding':
      return (
        `<path d="M121 200 Q114 142 146 118 Q138 160 136 204Z" fill="${p.hair}"/>` +
        `<path d="M279 200 Q286 142 254 118 Q262 160 264 204Z" fill="${p.hair}"/>`
      );
  }
}

/** The customer as an SVG document. */
export function portraitSvg(appearance: string, mood: Mood, pose: Pose): string {
  const p = paletteFor(appearance);
  const headTilt = pose === 'slumped' ? 'rotate(-7 200 270)' : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${PORTRAIT_WIDTH} ${PORTRAIT_HEIGHT}" width="${PORTRAIT_WIDTH}" height="${PORTRAIT_HEIGHT}" data-pose="${pose}">`,
    `<g transform="${BODY_TRANSFORM[pose]}">`,
    // Torso and neck.
    `<path d="M70 500 Q70 350 140 322 L260 322 Q330 350 330 500Z" fill="${p.top}"/>`,
    `<path d="M176 322 L200 372 L224 322Z" fill="${p.skinShade}"/>`,
    `<rect x="178" y="252" width="44" height="74" rx="16" fill="${p.skinShade}"/>`,
    arms(pose, p),
    `<g transform="${headTilt}">`,
    // Hair behind, head, hair in front.
    hairBehind(p),
    `<ellipse cx="200" cy="190" rx="80" ry="94" fill="${p.skin}"/>`,
    `<ellipse cx="121" cy="196" rx="11" ry="18" fill="${p.skinShade}"/><ellipse cx="279" cy="196" rx="11" ry="18" fill="${p.skinShade}"/>`,
    hairInFront(p),
    face(mood, p),
    '</g></g></svg>',
  ].join('');
}
