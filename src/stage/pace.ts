/**
 * How often the stage draws. At rest the customer only breathes, glances and blinks now and then,
 * and the room's clock and steam drift: a few pixels a second, which look the same drawn ten times
 * a second as sixty. Drawing sixty is a third of a core on a laptop (and most of the test run's
 * time in a software-drawn browser). So the stage draws at the screen's full rate only while
 * something moves quickly — a line being said, a blink, a tween, a fade or a shake, a stance
 * easing into the next — and at IDLE_FPS otherwise. No Phaser: tested in Node; stage-scene.ts
 * applies it.
 */
import type { Pose } from '../engine/index.js';
import {
  GESTURES,
  MARKS_THROB_MS,
  OUTBURST_TREMBLE,
  REST,
  marksThrob,
  type Rig,
  type RigKey,
} from './motion.js';
import type { Face } from './shown.js';

export type Pace = 'moving' | 'idle';

/**
 * Draws a second at rest: about the rate of hand-drawn animation "on twos", and plenty for a
 * breath that takes three or four seconds (tests/stage/pace.test.ts holds every resting movement
 * to a pixel a frame).
 */
export const IDLE_FPS = 15;
/** One frame at rest: a blink is looked for this long before it starts, so it is never late. */
export const IDLE_FRAME_MS = 1000 / IDLE_FPS;

/** What is going on on the stage at one moment. */
export interface Activity {
  /** Tweens running in the scene (a jolt, a cross-fade, a walk-out). */
  tweens: number;
  /** A camera fade or shake is running. */
  cameraEffect: boolean;
  /** The customer is saying a line: the mouth, the head and the call's sound wave move. */
  speaking: boolean;
  /** The customer is easing into a new stance or emphasis, or a blink is under way or due within a frame. */
  customerMoving: boolean;
}

/** A movement repeating faster than this is quick: drawn at the full rate even at rest. */
export const QUICK_PERIOD_MS = 1000;

/**
 * Does this customer move quickly even while quiet? A furious customer's anger marks throb,
 * clenched fists and an outburst tremble; everything else at rest is a slow breath, sway or glance.
 */
export function quickAtRest(mood: Face, pose: Pose, outburst = false): boolean {
  const quick = (periodMs: number) => periodMs < QUICK_PERIOD_MS;
  return (
    (outburst && quick(OUTBURST_TREMBLE.periodMs)) ||
    (marksThrob(mood) && quick(MARKS_THROB_MS)) ||
    GESTURES[pose].some((w) => w.when === 'always' && quick(w.periodMs))
  );
}

export function paceOf(activity: Activity): Pace {
  const moving = activity.tweens > 0 || activity.cameraEffect || activity.speaking || activity.customerMoving;
  return moving ? 'moving' : 'idle';
}

/** The loop's frame limit for a pace: 0 is none (the screen's own rate). */
export function fpsLimitOf(pace: Pace): number {
  return pace === 'moving' ? 0 : IDLE_FPS;
}

/**
 * Is a blink under way at `now`, or due within `leadMs`? `blinkAt` is when the next (or the
 * current) blink begins or began, `lengthMs` how long it lasts.
 */
export function blinkNear(now: number, blinkAt: number, lengthMs: number, leadMs: number): boolean {
  return now >= blinkAt - leadMs && now < blinkAt + lengthMs;
}

/** Has an eased value arrived (to within a hundredth of a pixel, a degree or a mix)? */
export function settled(from: number, to: number): boolean {
  return Math.abs(from - to) < 0.01;
}

/** Has every part of a rig arrived at the other's place? */
export function rigSettled(from: Rig, to: Rig): boolean {
  return (Object.keys(REST) as RigKey[]).every((key) => settled(from[key], to[key]));
}
