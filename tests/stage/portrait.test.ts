/** The drawn customers: every appearance its own, hair that fits the person, every mood and pose apart. */
import { describe, expect, it } from 'vitest';
import { MOODS, POSES } from '../../src/engine/index.js';
import { lookFor } from '../../src/stage/looks.js';
import { APPEARANCES, paletteFor, portraitSvg } from '../../src/stage/portrait.js';
import { SHIPPED, loadFile } from '../support/scenarios.js';

describe('portraits', () => {
  it('draws each appearance differently, and every shipped customer with one of them', () => {
    const drawn = APPEARANCES.map((a) => portraitSvg(a, 'calm', 'neutral'));
    expect(new Set(drawn).size).toBe(APPEARANCES.length);
    for (const file of SHIPPED) {
      const { customer } = loadFile(file);
      expect(APPEARANCES, `${customer.name} (${file})`).toContain(customer.appearance);
    }
  });

  it('gives the men short or receding hair, not shoulder-length hair', () => {
    for (const look of ['man-30s', 'man-40s', 'man-70s'])
      expect(['short', 'receding']).toContain(lookFor(look).hairStyle);
    expect(lookFor('parent-40s').hairStyle).toBe('long');
  });

  it('draws every mood and pose differently, and a blink shuts the eyes', () => {
    const all = POSES.flatMap((pose) => MOODS.map((mood) => portraitSvg('parent-40s', mood, pose)));
    expect(new Set(all).size).toBe(MOODS.length * POSES.length);
    expect(portraitSvg('parent-40s', 'calm', 'open', { blinking: true })).not.toBe(
      portraitSvg('parent-40s', 'calm', 'open'),
    );
    // Relieved eyes are already shut in a smile: nothing to blink.
    expect(portraitSvg('parent-40s', 'relieved', 'open', { blinking: true })).toBe(
      portraitSvg('parent-40s', 'relieved', 'open'),
    );
  });

  it('gives an unknown appearance the first look rather than failing', () => {
    expect(paletteFor('no-such-look')).toEqual(lookFor(APPEARANCES[0] ?? ''));
    expect(portraitSvg('no-such-look', 'calm', 'neutral')).toBe(
      portraitSvg(APPEARANCES[0] ?? '', 'calm', 'neutral'),
    );
  });
});
