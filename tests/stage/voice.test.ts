/** The caller's voice on a phone call: loudness and roughness by what is shown and the tone, and its waveform. */
import { describe, expect, it } from 'vitest';
import { MOODS, SHOWN, TONES } from '../../src/engine/index.js';
import { FLAT, bandOf, levelOf, voiceBars, voiceOf } from '../../src/stage/voice.js';

const peak = (bars: number[]) => Math.max(...bars);
/** The loudest bar over two seconds of a line. */
const loudest = (voice: ReturnType<typeof voiceOf>) =>
  Math.max(...Array.from({ length: 200 }, (_, i) => peak(voiceBars(i * 10, voice, true, 36))));
/** How much neighbouring bars differ on average: a jagged wave differs more. */
const jaggedness = (voice: ReturnType<typeof voiceOf>) => {
  let sum = 0;
  let n = 0;
  for (let t = 0; t < 2000; t += 10) {
    const bars = voiceBars(t, voice, true, 36);
    for (let i = 1; i < bars.length; i++) {
      sum += Math.abs((bars[i] ?? 0) - (bars[i - 1] ?? 0)) / Math.max(0.01, voice.level);
      n++;
    }
  }
  return sum / n;
};

describe('the caller’s voice', () => {
  it('grows louder and rougher with the mood, from relieved to furious, and an outburst above all', () => {
    const voices = MOODS.map((m) => voiceOf(m));
    const levels = voices.map((v) => v.level);
    const rough = voices.map((v) => v.roughness);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(rough).toEqual([...rough].sort((a, b) => a - b));
    expect(voiceOf('outburst').level).toBe(1);
    expect(voiceOf('outburst').roughness).toBeGreaterThan(voiceOf('furious').roughness);
    // Defeated is quiet and smooth: sad, not angry.
    expect(voiceOf('defeated').level).toBeLessThan(voiceOf('relieved').level);
    expect(voiceOf('defeated').roughness).toBeLessThan(voiceOf('annoyed').roughness);
  });

  it('follows the tone: shouting big and jagged, flat low and even, silent all but a line', () => {
    for (const shown of SHOWN) {
      expect(voiceOf(shown, 'shouting').level).toBeGreaterThanOrEqual(0.95);
      expect(voiceOf(shown, 'shouting').roughness).toBeGreaterThanOrEqual(0.85);
      expect(voiceOf(shown, 'flat').level).toBeLessThanOrEqual(0.3);
      expect(voiceOf(shown, 'flat').roughness).toBe(0);
      expect(voiceOf(shown, 'silent').level).toBeLessThan(0.1);
      expect(voiceOf(shown, 'raised').level).toBeGreaterThanOrEqual(voiceOf(shown).level);
      for (const tone of TONES) {
        const v = voiceOf(shown, tone);
        for (const x of Object.values(v)) expect(x, `${shown} ${tone}`).toBeGreaterThanOrEqual(0);
        for (const x of Object.values(v)) expect(x, `${shown} ${tone}`).toBeLessThanOrEqual(1);
      }
    }
    expect(voiceOf('calm', 'shaky').tremble).toBe(1);
    expect(voiceOf('calm', 'sighing').swell).toBe(1);
    expect(voiceOf('calm', 'clipped').choppy).toBe(1);
    expect(voiceOf('calm', 'steady')).toEqual(voiceOf('calm'));
  });

  it('names a band for the page: still while quiet, louder bands as the voice rises', () => {
    expect(bandOf(voiceOf('furious'), false)).toBe('still');
    expect(bandOf(voiceOf('calm', 'silent'), true)).toBe('quiet');
    expect(bandOf(voiceOf('defeated'), true)).toBe('low');
    expect(bandOf(voiceOf('calm'), true)).toBe('medium');
    expect(bandOf(voiceOf('angry'), true)).toBe('loud');
    expect(bandOf(voiceOf('calm', 'shouting'), true)).toBe('peak');
  });
});

describe('the waveform', () => {
  it('is a flat line while the caller is quiet, and moves while they speak', () => {
    const voice = voiceOf('angry');
    expect(new Set(voiceBars(1234, voice, false, 36))).toEqual(new Set([FLAT]));
    const frames = [0, 40, 80].map((t) => voiceBars(t, voice, true, 36));
    expect(frames[0]).not.toEqual(frames[1]);
    for (const h of frames.flat()) {
      expect(h).toBeGreaterThanOrEqual(FLAT);
      expect(h).toBeLessThanOrEqual(1);
    }
  });

  it('is bigger for a louder voice and more jagged for a rougher one', () => {
    expect(loudest(voiceOf('calm', 'shouting'))).toBeGreaterThan(loudest(voiceOf('calm')) * 1.5);
    expect(loudest(voiceOf('calm', 'flat'))).toBeLessThan(loudest(voiceOf('calm')));
    expect(loudest(voiceOf('calm', 'silent'))).toBeLessThan(0.1);
    expect(jaggedness(voiceOf('outburst'))).toBeGreaterThan(jaggedness(voiceOf('calm', 'flat')));
  });

  it('trembles when shaky, swells slowly when sighing, breaks off when clipped', () => {
    const centre = (voice: ReturnType<typeof voiceOf>, t: number) => voiceBars(t, voice, true, 36)[18] ?? 0;
    // Over a second, a shaky voice's loudness wobbles many times; a sighing one rises and falls once or so.
    const crossings = (voice: ReturnType<typeof voiceOf>) => {
      const gains = Array.from({ length: 100 }, (_, i) => {
        const steady = voiceOf('calm');
        return centre(voice, i * 10) / Math.max(0.001, centre(steady, i * 10));
      });
      const mean = gains.reduce((a, b) => a + b, 0) / gains.length;
      return gains.slice(1).filter((g, i) => g > mean !== (gains[i] ?? 0) > mean).length;
    };
    expect(crossings(voiceOf('calm', 'shaky'))).toBeGreaterThan(crossings(voiceOf('calm', 'sighing')) + 6);
    // Clipped: some moments of the line are near silence between bursts.
    const clipped = Array.from({ length: 100 }, (_, i) =>
      peak(voiceBars(i * 13, voiceOf('calm', 'clipped'), true, 36)),
    );
    expect(Math.min(...clipped)).toBeLessThanOrEqual(FLAT);
  });

  it('is a still level bar with reduced motion: the voice’s level while speaking, nothing while quiet', () => {
    expect(levelOf(voiceOf('furious'), true)).toBe(voiceOf('furious').level);
    expect(levelOf(voiceOf('furious'), false)).toBe(0);
    expect(levelOf(voiceOf('calm', 'silent'), true)).toBeGreaterThan(0);
  });
});
