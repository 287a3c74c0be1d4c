/** The drawn customers: every appearance its own, and hair that fits the person. */
import { describe, expect, it } from 'vitest';
import { APPEARANCES, portraitSvg } from '../../src/stage/portrait.js';
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
    const shoulders = 'L296 270';
    for (const look of ['man-30s', 'man-40s', 'man-70s'])
      expect(portraitSvg(look, 'angry', 'arms-crossed')).not.toContain(shoulders);
    expect(portraitSvg('parent-40s', 'angry', 'arms-crossed')).toContain(shoulders);
  });
});
