/** The stage's resolution: twice where the screen shows it, once where it would be wasted. */
import { expect, it } from 'vitest';
import { partScale, resolutionFor } from '../../src/stage/resolution.js';

it('draws twice as fine on dense or large screens, and at its own size on a small plain one', () => {
  expect(resolutionFor(440, 1)).toBe(1);
  expect(resolutionFor(390, 1)).toBe(1);
  expect(resolutionFor(440, 2)).toBe(2);
  expect(resolutionFor(390, 3)).toBe(2);
  expect(resolutionFor(720, 1)).toBe(2);
  expect(partScale(2)).toBe(2 * partScale(1));
});
