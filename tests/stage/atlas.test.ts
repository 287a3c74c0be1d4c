/** The sheets: parts packed without overlapping, each drawn at the sheet's scale in its own cell. */
import { describe, expect, it } from 'vitest';
import { PADDING, atlas, pack } from '../../src/stage/atlas.js';
import { customerAtlas } from '../../src/stage/rig.js';

describe('sheets', () => {
  it('packs parts apart from each other, inside the width it was given', () => {
    const sizes = Array.from({ length: 40 }, (_, i) => ({
      name: `p${i}`,
      w: 20 + ((i * 37) % 90),
      h: 10 + ((i * 53) % 70),
    }));
    const { width, height, frames } = pack(sizes, 300);
    expect(width).toBeLessThanOrEqual(300);
    const placed = Object.values(frames);
    expect(placed).toHaveLength(sizes.length);
    for (const [i, a] of placed.entries()) {
      expect(a.x + a.w + PADDING).toBeLessThanOrEqual(width);
      expect(a.y + a.h + PADDING).toBeLessThanOrEqual(height);
      for (const b of placed.slice(i + 1)) {
        const apart =
          a.x + a.w + PADDING <= b.x ||
          b.x + b.w + PADDING <= a.x ||
          a.y + a.h + PADDING <= b.y ||
          b.y + b.h + PADDING <= a.y;
        expect(apart).toBe(true);
      }
    }
    expect(() => pack([{ name: 'wide', w: 400, h: 10 }], 300)).toThrow(/wider than the sheet/);
  });

  it('draws each part in a cell at the scale asked for, or the part’s own', () => {
    const sheet = atlas(
      [
        { name: 'a', box: { x: 10, y: 20, w: 30, h: 40 }, body: '<rect/>' },
        { name: 'soft', box: { x: 0, y: 0, w: 100, h: 100 }, body: '<circle/>', scale: 0.25 },
      ],
      2,
    );
    expect(sheet.frames.a).toMatchObject({ w: 60, h: 80 });
    expect(sheet.frames.soft).toMatchObject({ w: 25, h: 25 });
    expect(sheet.svg).toContain('viewBox="10 20 30 40"');
    expect(sheet.svg).toContain('viewBox="0 0 100 100"');
  });

  it('gives every clip path on a customer sheet its own id', () => {
    const ids = [...customerAtlas('parent-40s', 1.3).svg.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
