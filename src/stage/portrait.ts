/**
 * The customer in one picture, from the same parts the stage animates: the face follows the mood
 * band, the body the node's body-language pose. Pure string output, for tests and contact sheets;
 * the stage itself draws the parts from one sheet per customer (rig.ts).
 */
import type { Pose } from '../engine/index.js';
import { angerMarks, blinkLids, features, glasses, mouth } from './face.js';
import { HEAD_PIVOT, arms, head, torso } from './figure.js';
import { APPEARANCES, lookFor, type Look } from './looks.js';
import { stanceOf } from './motion.js';
import { MOOD_LAYERS, PORTRAIT_HEIGHT, PORTRAIT_WIDTH } from './rig.js';
import type { Face } from './shown.js';

export { APPEARANCES, PORTRAIT_HEIGHT, PORTRAIT_WIDTH };

/** The look of an appearance key (an unknown key gets the first look). */
export function paletteFor(appearance: string): Look {
  return lookFor(appearance);
}

/** The customer as an SVG document; `blinking` draws the eyes shut, `frame` opens the mouth. */
export function portraitSvg(
  appearance: string,
  mood: Face,
  pose: Pose,
  options: { blinking?: boolean } = {},
): string {
  const p = lookFor(appearance);
  const s = stanceOf(pose);
  const parts = arms(pose, p);
  const under = parts.filter((a) => !a.over).map((a) => a.body);
  const over = parts.filter((a) => a.over).map((a) => a.body);
  const body = `translate(${200 + s.bodyX} ${500 + s.bodyY}) scale(${1 + s.bodyScale}) translate(-200 -500)`;
  const tilt = `translate(0 ${s.headY}) rotate(${s.headAngle} ${HEAD_PIVOT.x} ${HEAD_PIVOT.y})`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${PORTRAIT_WIDTH} ${PORTRAIT_HEIGHT}" width="${PORTRAIT_WIDTH}" height="${PORTRAIT_HEIGHT}" data-pose="${pose}" data-mood="${mood}">`,
    `<g transform="${body}">`,
    torso(p),
    ...under,
    `<g transform="${tilt}">`,
    head(p),
    features(mood, p),
    mouth(mood, 0, p, 'mouth'),
    options.blinking && MOOD_LAYERS[mood].blinks ? blinkLids(p) : '',
    MOOD_LAYERS[mood].marks ? angerMarks() : '',
    p.glasses ? glasses() : '',
    '</g>',
    ...over,
    '</g></svg>',
  ].join('');
}
