/**
 * Packs drawn parts into one SVG sheet, so a customer (or a scene) is one image to decode and one
 * texture to upload, and the stage switches frames instead of redrawing. Pure: tested in Node.
 */

/** A rectangle in a part's own drawing coordinates. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One drawing: SVG markup in its own coordinates, and the box of those coordinates it fills. */
export interface Part {
  name: string;
  box: Box;
  body: string;
  /** Texture pixels per drawing pixel for this part, if not the sheet's (a soft glow needs few). */
  scale?: number;
}

/** Where a part landed on the sheet, in the sheet's pixels. */
export interface Frame {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Atlas {
  width: number;
  height: number;
  frames: Record<string, Frame>;
  svg: string;
}

/** Pixels left empty around each frame, so smoothing never bleeds a neighbour into it. */
export const PADDING = 2;

/**
 * Shelf packing: tallest first, left to right, a new shelf when a row is full. Good enough for a
 * few dozen parts; the sheet is as wide as `maxWidth` at most and as tall as it needs.
 */
export function pack(sizes: readonly { name: string; w: number; h: number }[], maxWidth: number) {
  const order = [...sizes].sort((a, b) => b.h - a.h || b.w - a.w);
  const frames: Record<string, Frame> = {};
  let x = PADDING;
  let y = PADDING;
  let shelf = 0;
  let width = 0;
  for (const { name, w, h } of order) {
    if (w + 2 * PADDING > maxWidth) throw new Error(`part ${name} (${w} px) is wider than the sheet`);
    if (x + w + PADDING > maxWidth) {
      x = PADDING;
      y += shelf + PADDING;
      shelf = 0;
    }
    frames[name] = { x, y, w, h };
    x += w + PADDING;
    shelf = Math.max(shelf, h);
    width = Math.max(width, x);
  }
  return { width, height: y + shelf + PADDING, frames };
}

/** The parts drawn `scale` times their own size, packed on one sheet; `defs` go once at the top. */
export function atlas(parts: readonly Part[], scale: number, defs = '', maxWidth = 2048): Atlas {
  const { width, height, frames } = pack(
    parts.map((p) => ({
      name: p.name,
      w: Math.ceil(p.box.w * (p.scale ?? scale)),
      h: Math.ceil(p.box.h * (p.scale ?? scale)),
    })),
    maxWidth,
  );
  const cells = parts.map((p) => {
    const f = frames[p.name] as Frame;
    const s = p.scale ?? scale;
    // The cell's pixel size may round up: widen the view box with it, so nothing is distorted.
    return `<svg x="${f.x}" y="${f.y}" width="${f.w}" height="${f.h}" viewBox="${p.box.x} ${p.box.y} ${f.w / s} ${f.h / s}">${p.body}</svg>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs>${defs}</defs>${cells.join('')}</svg>`;
  return { width, height, frames, svg };
}
