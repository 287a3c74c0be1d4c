/**
 * How often the stage draws: at the full rate while something moves quickly, IDLE_FPS at rest, and
 * at rest nothing jumps. Every resting movement is held to a pixel between two idle frames.
 */
import { describe, expect, it } from 'vitest';
import { MOODS, POSES } from '../../src/engine/index.js';
import { TORSO_BOX } from '../../src/stage/figure.js';
import { BLINK_SHUT_MS, REST, motionAt, stanceOf, type Rig, type RigKey } from '../../src/stage/motion.js';
import {
  IDLE_FPS,
  IDLE_FRAME_MS,
  blinkNear,
  fpsLimitOf,
  paceOf,
  quickAtRest,
  rigSettled,
  type Activity,
} from '../../src/stage/pace.js';
import { PORTRAIT_HEIGHT } from '../../src/stage/rig.js';

/** How far (portrait pixels) a change in each part of the rig moves what it moves. */
const LEVER: Record<RigKey, number> = {
  bodyX: 1,
  bodyY: 1,
  headY: 1,
  armsY: 1,
  faceX: 1,
  // Stretches: the share of the height they stretch.
  bodyScale: PORTRAIT_HEIGHT,
  swell: TORSO_BOX.h,
  marks: 60,
  // Turns, in degrees: the far end of an arm or the top of the head, about 160 pixels out.
  armL: (160 * Math.PI) / 180,
  armR: (160 * Math.PI) / 180,
  headAngle: (160 * Math.PI) / 180,
};

/** The furthest any part moves (portrait pixels) between two frames `frameMs` apart, quiet, over 20 s. */
function largestStep(mood: (typeof MOODS)[number], pose: (typeof POSES)[number], frameMs: number): number {
  let most = 0;
  for (let t = 0; t < 20_000; t += 5) {
    const a = motionAt({ mood, pose, t, speaking: 0 });
    const b = motionAt({ mood, pose, t: t + frameMs, speaking: 0 });
    for (const key of Object.keys(REST) as RigKey[])
      most = Math.max(most, Math.abs(a[key] - b[key]) * LEVER[key]);
  }
  return most;
}

const still: Activity = { tweens: 0, cameraEffect: false, speaking: false, customerMoving: false };

describe('the stage at rest', () => {
  it('moves no part more than a pixel between two idle frames, unless it counts as quick', () => {
    const resting = MOODS.flatMap((mood) => POSES.map((pose) => ({ mood, pose }))).filter(
      ({ mood, pose }) => !quickAtRest(mood, pose),
    );
    // Most of the customer's states rest slowly: the idle rate is the usual one, not the exception.
    expect(resting.length).toBeGreaterThan((MOODS.length * POSES.length) / 2);
    for (const { mood, pose } of resting)
      expect(largestStep(mood, pose, IDLE_FRAME_MS), `${mood}, ${pose}`).toBeLessThanOrEqual(1);
  });

  it('counts a throb or a tremble as quick: drawn slowly they would stutter', () => {
    expect(quickAtRest('furious', 'neutral')).toBe(true);
    expect(quickAtRest('calm', 'fists-clenched')).toBe(true);
    expect(quickAtRest('calm', 'neutral')).toBe(false);
    // Without the rule both would jump several pixels between idle frames.
    expect(largestStep('furious', 'neutral', IDLE_FRAME_MS)).toBeGreaterThan(1);
    expect(largestStep('calm', 'fists-clenched', IDLE_FRAME_MS)).toBeGreaterThan(1);
  });

  it('draws at IDLE_FPS, and at the full rate as soon as anything moves', () => {
    expect(paceOf(still)).toBe('idle');
    expect(fpsLimitOf('idle')).toBe(IDLE_FPS);
    expect(fpsLimitOf('moving')).toBe(0);
    const moving: Partial<Activity>[] = [
      { tweens: 1 },
      { cameraEffect: true },
      { speaking: true },
      { customerMoving: true },
    ];
    for (const change of moving)
      expect(paceOf({ ...still, ...change }), JSON.stringify(change)).toBe('moving');
  });
});

describe('what keeps the customer moving', () => {
  it('a blink is looked for one idle frame before it starts, and lasts until it is over', () => {
    const at = 5000;
    const length = BLINK_SHUT_MS;
    expect(blinkNear(at - IDLE_FRAME_MS - 1, at, length, IDLE_FRAME_MS)).toBe(false);
    expect(blinkNear(at - IDLE_FRAME_MS, at, length, IDLE_FRAME_MS)).toBe(true);
    expect(blinkNear(at + length - 1, at, length, IDLE_FRAME_MS)).toBe(true);
    expect(blinkNear(at + length, at, length, IDLE_FRAME_MS)).toBe(false);
  });

  it('a stance is still easing until every part has arrived', () => {
    const target = stanceOf('pointing');
    expect(rigSettled(target, target)).toBe(true);
    const almost: Rig = { ...target, armR: target.armR + 0.005 };
    expect(rigSettled(almost, target)).toBe(true);
    const easing: Rig = { ...target, armR: target.armR + 0.5 };
    expect(rigSettled(easing, target)).toBe(false);
  });
});
