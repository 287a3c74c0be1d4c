/** What the picture shows: a node's `shows` over the mood, and how an outburst and defeat are drawn. */
import { describe, expect, it } from 'vitest';
import { MOODS, POSES, SHOWN } from '../../src/engine/index.js';
import { BREATH, OUTBURST_STANCE, motionAt, stanceOf } from '../../src/stage/motion.js';
import { quickAtRest } from '../../src/stage/pace.js';
import { portraitSvg } from '../../src/stage/portrait.js';
import { MOOD_LAYERS, customerAtlas, frameNames, heatOf } from '../../src/stage/rig.js';
import { FACES, showingOf, shownOf } from '../../src/stage/shown.js';

describe('the shown emotion', () => {
  it('is the mood unless the moment shows something else', () => {
    expect(shownOf('calm', undefined)).toBe('calm');
    expect(shownOf('angry', 'defeated')).toBe('defeated');
    expect(shownOf('annoyed', 'outburst')).toBe('outburst');
  });

  it('draws a mood band’s own face, whatever the numbers say', () => {
    for (const mood of MOODS)
      for (const pose of POSES) expect(showingOf(mood, pose)).toEqual({ face: mood, pose, outburst: false });
  });

  it('draws an outburst as the most heated face, a harder stance, a tremble and the hottest light', () => {
    const outburst = showingOf('outburst', 'pointing');
    expect(outburst).toEqual({ face: 'furious', pose: 'pointing', outburst: true });
    expect(heatOf(outburst)).toBeGreaterThan(heatOf(showingOf('furious', 'pointing')));
    const hard = stanceOf('neutral', true);
    expect(hard.bodyScale).toBe(OUTBURST_STANCE.bodyScale);
    expect(stanceOf('neutral').bodyScale).toBe(0);
    // The tremble moves the body even while quiet, so the stage draws it at the full rate.
    const at = (t: number) =>
      motionAt({ mood: 'furious', pose: 'neutral', t, speaking: 0, outburst: true }).bodyX;
    expect(Math.abs(at(17) - at(52))).toBeGreaterThan(1);
    expect(quickAtRest('furious', 'neutral', true)).toBe(true);
  });

  it('draws defeat slumped, with its own sad face, slow breath and no heat', () => {
    const defeated = showingOf('defeated', 'fists-clenched');
    expect(defeated).toEqual({ face: 'defeated', pose: 'slumped', outburst: false });
    expect(heatOf(defeated)).toBe(0);
    expect(MOOD_LAYERS.defeated.marks).toBe(false);
    expect(BREATH.defeated.periodMs).toBeGreaterThan(BREATH.calm.periodMs);
    const faces = new Set(FACES.map((face) => portraitSvg('parent-40s', face, 'slumped')));
    expect(faces.size).toBe(FACES.length);
  });

  it('has every face the stage can show on each customer’s sheet', () => {
    const { frames } = customerAtlas('retiree-70s', 1);
    for (const shown of SHOWN) {
      const { face } = showingOf(shown, 'neutral');
      expect(frames).toHaveProperty([frameNames.face(face)]);
      expect(frames).toHaveProperty([frameNames.mouth(face, 2)]);
    }
  });
});
