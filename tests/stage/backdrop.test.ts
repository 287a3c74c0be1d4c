/** The rooms: each setting's drawings and sprites are on its sheet; the rooms' small movements. */
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/engine/index.js';
import { callTimer, clockAngles, steamAt } from '../../src/stage/ambient.js';
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

  it('gives the counter a clock, the phone a sound wave and a level bar, the chat its typing dots', () => {
    expect(Object.keys(spritesOf('counter'))).toContain('clock');
    expect(Object.keys(spritesOf('phone'))).toEqual(expect.arrayContaining(['wave', 'level']));
    expect(Object.keys(spritesOf('chat'))).toContain('typing');
  });

  it('shows the player’s own time on the clock', () => {
    expect(clockAngles(3, 0, 0)).toEqual([90, 0, 0]);
    expect(clockAngles(15, 30, 15)).toEqual([105, 181.5, 90]);
  });

  it('shows a call’s time as the softphone does, mm:ss', () => {
    expect(callTimer(0)).toBe('00:00');
    expect(callTimer(59_999)).toBe('00:59');
    expect(callTimer(125_400)).toBe('02:05');
    expect(callTimer(-40)).toBe('00:00');
  });

  it('lets the steam rise and fade, wisps out of step', () => {
    expect(steamAt(0, 0).alpha).toBe(0);
    expect(steamAt(1300, 0).alpha).toBeGreaterThan(0.6);
    expect(steamAt(0, 1).rise).toBeCloseTo(0.5);
  });
});
