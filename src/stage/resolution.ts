/**
 * How many texture pixels the stage draws per stage pixel: twice on a dense or large screen, once
 * where that is all the screen shows (fewer pixels to fill every frame). Pure: tested in Node.
 */
import { STAGE_WIDTH } from './backdrop.js';

export type Resolution = 1 | 2;

/** The stage's resolution for a box `cssWidth` wide on a screen of `pixelRatio` device pixels per CSS pixel. */
export function resolutionFor(cssWidth: number, pixelRatio: number): Resolution {
  return cssWidth * pixelRatio > STAGE_WIDTH * 1.2 ? 2 : 1;
}

/** Texture pixels per portrait pixel for the customer's parts: the customer stands at about 0.65. */
export function partScale(resolution: Resolution): number {
  return 0.65 * resolution;
}
