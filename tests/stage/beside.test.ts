/**
 * A team lead beside the customer at the counter: where the two stand (apart, both on the stage,
 * whatever the customer's pose), how the team lead is drawn (calm, lips moving on their own lines
 * only), and that only the counter draws them.
 */
import { describe, expect, it } from 'vitest';
import { POSES, type Pose } from '../../src/engine/index.js';
import { STAGE_WIDTH } from '../../src/stage/backdrop.js';
import { CUSTOMER_X, SECOND, customerXOf, restOf, secondDoing, secondOf } from '../../src/stage/beside.js';
import { HEAD_BOX, TORSO_BOX } from '../../src/stage/figure.js';
import { OUTBURST_STANCE, stanceOf } from '../../src/stage/motion.js';
import { PORTRAIT_WIDTH, armsOf } from '../../src/stage/rig.js';

const lead = { appearance: 'man-30s', speaking: false };

/** The stage x range a figure's drawing covers, standing at `x` at `scale`, in `pose`. */
function extent(x: number, scale: number, pose: Pose, outburst = false): [number, number] {
  const stance = stanceOf(pose, outburst);
  // The body grows around its bottom centre (a lean, an outburst) and sways a few pixels.
  const grow = scale * (1 + stance.bodyScale);
  const sway = scale * (Math.abs(stance.bodyX) + 3);
  const boxes = [TORSO_BOX, HEAD_BOX, ...armsOf('adult-30s', pose).map((a) => a.box)];
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const centre = PORTRAIT_WIDTH / 2;
  return [x + (left - centre) * grow - sway, x + (right - centre) * grow + sway];
}

describe('a second person at the counter', () => {
  it('moves the customer aside only at the counter, and only once someone has joined', () => {
    expect(customerXOf({ setting: 'counter' })).toBe(CUSTOMER_X.alone);
    expect(CUSTOMER_X.alone).toBe(STAGE_WIDTH / 2);
    expect(customerXOf({ setting: 'counter', second: lead })).toBe(CUSTOMER_X.beside);
    // A phone call has nobody to see; a chat's picture is the customer's alone.
    for (const setting of ['phone', 'chat'] as const) {
      expect(secondOf({ setting, second: lead })).toBeUndefined();
      expect(customerXOf({ setting, second: lead })).toBe(CUSTOMER_X.alone);
    }
  });

  it('stands apart from the customer, whatever the customer is doing, and both on the stage', () => {
    const { scale } = restOf('counter');
    const [secondLeft, secondRight] = extent(SECOND.x, scale * SECOND.scale, 'neutral');
    expect(secondLeft).toBeGreaterThanOrEqual(0);
    // They walk in from beyond the stage's left edge.
    expect(SECOND.from + (secondRight - SECOND.x)).toBeLessThanOrEqual(0);
    for (const pose of POSES)
      for (const outburst of [false, true]) {
        const [left, right] = extent(CUSTOMER_X.beside, scale, pose, outburst);
        expect(left, `${pose}${outburst ? ' in an outburst' : ''}`).toBeGreaterThan(secondRight);
        expect(right, pose).toBeLessThanOrEqual(STAGE_WIDTH);
      }
    // A step further back: smaller than the customer, but still a grown-up beside them.
    expect(SECOND.scale).toBeLessThan(1);
    expect(SECOND.scale).toBeGreaterThan(0.8);
    expect(OUTBURST_STANCE.bodyScale).toBeGreaterThan(0);
  });

  it('is calm and still-handed, and moves their lips on their own lines only', () => {
    const quiet = secondDoing({ second: lead, reducedMotion: false });
    expect(quiet).toEqual({
      mood: 'calm',
      pose: 'neutral',
      outburst: false,
      setting: 'counter',
      speaking: false,
      reducedMotion: false,
    });
    expect(secondDoing({ second: { ...lead, speaking: true }, reducedMotion: true })).toMatchObject({
      speaking: true,
      reducedMotion: true,
    });
    // Once the call is over nobody is speaking.
    expect(
      secondDoing({ second: { ...lead, speaking: true }, reducedMotion: false, ending: 'resolved' }).speaking,
    ).toBe(false);
  });
});
