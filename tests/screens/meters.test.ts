/** The composure meter's word turns where the engine shortens the customer's patience, not elsewhere. */
import { describe, expect, it } from 'vitest';
import { COOL_BELOW, responseWindow } from '../../src/engine/index.js';
import { composureWord } from '../../src/screens/call/meters.js';

describe('composureWord', () => {
  it('stays steady down to the line, and says frayed just under it, as the hint starts warning', () => {
    expect(responseWindow(COOL_BELOW)).toBe(1);
    expect(composureWord(COOL_BELOW)).toBe('steady');
    expect(responseWindow(COOL_BELOW - 1)).toBeLessThan(1);
    expect(composureWord(COOL_BELOW - 1)).toBe('frayed');
  });

  it('reads every level from 0 to 100 as one of four words, in order', () => {
    const words = Array.from({ length: 101 }, (_, v) => composureWord(v));
    const runs = words.filter((w, i) => i === 0 || words[i - 1] !== w);
    expect(runs).toEqual(['low', 'frayed', 'steady', 'high']);
  });
});
