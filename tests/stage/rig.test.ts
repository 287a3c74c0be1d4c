/** The customer's rig: every frame the stage asks for is on the sheet, and which layers a mood shows. */
import { describe, expect, it } from 'vitest';
import { MOODS, POSES, SETTINGS } from '../../src/engine/index.js';
import { APPEARANCES } from '../../src/stage/looks.js';
import { MOUTH_FRAMES } from '../../src/stage/motion.js';
import {
  HEAD_LAYERS,
  MOOD_LAYERS,
  TORSO,
  armsOf,
  customerAtlas,
  frameNames,
  wearsGlasses,
  wearsHeadset,
} from '../../src/stage/rig.js';

const inside = (p: { x: number; y: number }, b: { x: number; y: number; w: number; h: number }) =>
  p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h;

describe('the customer rig', () => {
  it('has every frame the stage asks for on each appearance sheet, and glasses only on those who wear them', () => {
    for (const appearance of APPEARANCES) {
      const { frames } = customerAtlas(appearance, 1.3);
      const wanted = [
        TORSO.frame,
        HEAD_LAYERS.head.frame,
        HEAD_LAYERS.headset.frame,
        HEAD_LAYERS.blink.frame,
        HEAD_LAYERS.marks.frame,
        ...MOODS.flatMap((m) => [frameNames.face(m), ...MOUTH_FRAMES.map((f) => frameNames.mouth(m, f))]),
        ...POSES.flatMap((pose) => armsOf(appearance, pose).map((a) => a.frame)),
      ];
      for (const name of wanted) expect(frames, `${appearance}: ${name}`).toHaveProperty([name]);
      expect(HEAD_LAYERS.glasses.frame in frames).toBe(wearsGlasses(appearance));
    }
  });

  it('turns each arm around a shoulder inside its drawing; only the pointing arm comes over the head', () => {
    for (const pose of POSES) {
      const arms = armsOf('parent-40s', pose);
      expect(arms.length, pose).toBeGreaterThan(0);
      for (const arm of arms) expect(inside(arm.pivot, arm.box), arm.frame).toBe(true);
      expect(arms.some((a) => a.over)).toBe(pose === 'pointing');
    }
  });

  it('shows the mood in its layers: no blinking in a relieved smile, anger marks only when furious, heat rising with anger', () => {
    expect(MOODS.filter((m) => !MOOD_LAYERS[m].blinks)).toEqual(['relieved']);
    expect(MOODS.filter((m) => MOOD_LAYERS[m].marks)).toEqual(['furious']);
    const heat = MOODS.map((m) => MOOD_LAYERS[m].heat);
    expect(heat).toEqual([...heat].sort((a, b) => a - b));
    expect(MOOD_LAYERS.calm.heat).toBe(0);
  });

  it('puts a headset on the customer on the phone only', () => {
    expect(SETTINGS.filter(wearsHeadset)).toEqual(['phone']);
  });
});
