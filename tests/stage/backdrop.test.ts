/** The rooms: each setting's drawings and sprites are on its sheet; the rooms' small movements. */
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/engine/index.js';
import { clockAngles, steamAt, waveHeights } from '../../src/stage/ambient.js';
import { backdropSvg, foregroundSvg, sceneAtlas, spritesOf } from '../../src/stage/backdrop.js';

describe('rooms', () => {
  it('draws every setting differently, and puts each of its sprites on its sheet', () => {
    expect(new Set(SETTINGS.map(backdropSvg)).size).toBe(SETTINGS.length);
    expect(new Set(SETTINGS.map(foregroundSvg)).size).toBe(SETTINGS.length);
    for (const setting of SETTINGS) {
      const { frames } = sceneAtlas(setting, 2);
      for (const name of ['back', 'front', 'heat'])
        expect(frames, `${setting}: ${name}`).toHaveProperty([name]);
      for (const sprite of Object.values(spritesOf(setting)).flat())
        expect(frames, `${setting}: ${sprite.frame}`).toHaveProperty([sprite.frame]);
    }
  });

  it('gives the counter a clock, the phone a sound wave, the chat its typing dots', () => {
    expect(Object.keys(spritesOf('counter'))).toContain('clock');
    expect(Object.keys(spritesOf('phone'))).toContain('wave');
    expect(Object.keys(spritesOf('chat'))).toContain('typing');
  });

  it('shows the player’s own time on the clock', () => {
    expect(clockAngles(3, 0, 0)).toEqual([90, 0, 0]);
    expect(clockAngles(15, 30, 15)).toEqual([105, 181.5, 90]);
  });

  it('keeps the sound wave low when the caller is quiet, lively while they speak, still with reduced motion', () => {
    expect(new Set(waveHeights(1234, false, false, 14)).size).toBe(1);
    const speaking = [0, 100, 200].map((t) => waveHeights(t, true, false, 14));
    expect(speaking[0]).not.toEqual(speaking[1]);
    for (const h of speaking.flat()) {
      expect(h).toBeGreaterThan(0);
      expect(h).toBeLessThanOrEqual(1);
    }
    expect(waveHeights(0, true, true, 14)).toEqual(waveHeights(500, true, true, 14));
  });

  it('lets the steam rise and fade, wisps out of step', () => {
    expect(steamAt(0, 0).alpha).toBe(0);
    expect(steamAt(1300, 0).alpha).toBeGreaterThan(0.6);
    expect(steamAt(0, 1).rise).toBeCloseTo(0.5);
  });
});
