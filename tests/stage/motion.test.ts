/** How the customer moves: breathing by mood, gestures by pose, blinks, the mouth, and none of it with reduced motion. */
import { describe, expect, it } from 'vitest';
import { MOODS, POSES } from '../../src/engine/index.js';
import {
  BLINK,
  BLINK_SHUT_MS,
  BREATH,
  GESTURES,
  REST,
  SPEECH_BEAT_MS,
  approach,
  blinkLength,
  blinkShut,
  breathFor,
  motionAt,
  mouthAt,
  nextBlink,
  seededRandom,
  stanceOf,
  typingDots,
  type Rig,
} from '../../src/stage/motion.js';

/** The furthest each part goes over `ms` of motion. */
function reach(mood: (typeof MOODS)[number], pose: (typeof POSES)[number], speaking: number, ms = 8000): Rig {
  const most = { ...REST };
  for (let t = 0; t < ms; t += 10) {
    const rig = motionAt({ mood, pose, t, speaking });
    for (const key of Object.keys(most) as (keyof Rig)[]) most[key] = Math.max(most[key], Math.abs(rig[key]));
  }
  return most;
}

describe('breathing', () => {
  it('breathes faster the angrier the customer, and slower and deeper when slumped', () => {
    const periods = MOODS.map((m) => BREATH[m].periodMs);
    expect(periods).toEqual([...periods].sort((a, b) => b - a));
    expect(breathFor('calm', 'slumped').periodMs).toBeGreaterThan(BREATH.calm.periodMs);
    expect(breathFor('calm', 'slumped').swell).toBeGreaterThan(BREATH.calm.swell);
  });

  it('starts each breath from rest and swells the torso at its top', () => {
    const start = motionAt({ mood: 'calm', pose: 'neutral', t: 0, speaking: 0 });
    expect(start.swell).toBe(0);
    const top = motionAt({ mood: 'calm', pose: 'neutral', t: BREATH.calm.periodMs / 2, speaking: 0 });
    expect(top.swell).toBeCloseTo(BREATH.calm.swell);
    expect(top.headY).toBeCloseTo(-BREATH.calm.lift);
  });
});

describe('gestures', () => {
  it('moves each pose’s own parts while the line is said, more than while quiet', () => {
    const moved: Record<(typeof POSES)[number], keyof Rig> = {
      neutral: 'armsY',
      open: 'armL',
      'arms-crossed': 'headAngle',
      'fists-clenched': 'armsY',
      'leaning-in': 'bodyScale',
      pointing: 'armR',
      slumped: 'headAngle',
    };
    for (const pose of POSES) {
      const key = moved[pose];
      expect(reach('angry', pose, 1)[key], pose).toBeGreaterThan(reach('angry', pose, 0)[key]);
    }
  });

  it('keeps every movement small: a few degrees, a few pixels', () => {
    for (const pose of POSES)
      for (const w of GESTURES[pose]) {
        const limit = w.key === 'bodyScale' ? 0.03 : w.key.startsWith('arm') && w.key !== 'armsY' ? 12 : 6;
        expect(Math.abs(w.amount), `${pose} ${w.key}`).toBeLessThanOrEqual(limit);
      }
  });

  it('stands each pose as the engine names it: leaning in comes closer, slumping sinks', () => {
    expect(stanceOf('leaning-in').bodyScale).toBeGreaterThan(0);
    expect(stanceOf('slumped').bodyY).toBeGreaterThan(0);
    expect(stanceOf('neutral')).toEqual(REST);
  });

  it('eases toward a new stance without overshooting, and jumps when there is no time to ease', () => {
    let x = 0;
    for (let i = 0; i < 20; i++) {
      const next = approach(x, 10, 16, 140);
      expect(next).toBeGreaterThan(x);
      expect(next).toBeLessThanOrEqual(10);
      x = next;
    }
    expect(x).toBeGreaterThan(8);
    expect(approach(0, 10, 16, 0)).toBe(10);
  });
});

describe('blinks', () => {
  it('comes at random gaps within the mood’s range, the same every time for one seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    for (let i = 0; i < 50; i++) {
      const blink = nextBlink('calm', a);
      expect(blink).toEqual(nextBlink('calm', b));
      expect(blink?.gapMs).toBeGreaterThanOrEqual(BLINK.calm?.minGapMs ?? 0);
      expect(blink?.gapMs).toBeLessThanOrEqual(BLINK.calm?.maxGapMs ?? 0);
    }
    expect(nextBlink('relieved', a)).toBeNull();
  });

  it('shuts the eyes once, or twice for a double blink, then opens them', () => {
    expect(blinkShut(-1, false)).toBe(false);
    expect(blinkShut(0, false)).toBe(true);
    expect(blinkShut(BLINK_SHUT_MS, false)).toBe(false);
    expect(blinkShut(BLINK_SHUT_MS * 1.5, true)).toBe(false);
    expect(blinkShut(BLINK_SHUT_MS * 2.5, true)).toBe(true);
    expect(blinkShut(blinkLength(true), true)).toBe(false);
  });
});

describe('the mouth', () => {
  it('opens and closes while a line is said, and rests shut when quiet', () => {
    const shapes = Array.from({ length: 30 }, (_, i) => mouthAt(i * SPEECH_BEAT_MS, true, 'counter', false));
    expect(new Set(shapes)).toEqual(new Set([0, 1, 2]));
    for (let t = 0; t < 3000; t += 50) expect(mouthAt(t, false, 'counter', false)).toBe(0);
  });

  it('holds still, half open, while speaking with reduced motion', () => {
    for (let t = 0; t < 3000; t += 50) expect(mouthAt(t, true, 'phone', true)).toBe(1);
  });

  it('types in a chat rather than talking: the mouth stays shut and the dots rise in turn', () => {
    for (let t = 0; t < 3000; t += 50) expect(mouthAt(t, true, 'chat', false)).toBe(0);
    const lifts = Array.from({ length: 20 }, (_, i) => typingDots(i * 50, false));
    expect(lifts.some(([a, b]) => a > 0.5 && b < a)).toBe(true);
    expect(typingDots(250, true)).toEqual([0, 0, 0]);
  });
});
