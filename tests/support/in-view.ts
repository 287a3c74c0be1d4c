/**
 * How much of an element a player can actually see: its box cut by the viewport and by every
 * ancestor that clips (a scrolling panel), and whether it is what the browser finds at the middle of
 * that visible part (nothing drawn over it). Measured in the page, for the layout tests.
 */
import type { Locator } from 'playwright';

export interface Shown {
  /** The element's whole box, and the part of it a player sees (null: none of it). */
  box: { top: number; left: number; bottom: number; right: number };
  seen: { top: number; left: number; bottom: number; right: number } | null;
  /** The element (or its content) is on top at the middle of the part that is seen. */
  onTop: boolean;
}

/** Measures `target` as a player sees it now. */
export function shown(target: Locator): Promise<Shown> {
  return target.evaluate((element: Element) => {
    const r = element.getBoundingClientRect();
    const box = { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
    let seen: Shown['seen'] = {
      top: Math.max(0, r.top),
      left: Math.max(0, r.left),
      bottom: Math.min(window.innerHeight, r.bottom),
      right: Math.min(window.innerWidth, r.right),
    };
    for (let a = element.parentElement; a && seen; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const c = a.getBoundingClientRect();
      seen = {
        top: Math.max(seen.top, c.top),
        left: Math.max(seen.left, c.left),
        bottom: Math.min(seen.bottom, c.bottom),
        right: Math.min(seen.right, c.right),
      };
      if (seen.bottom <= seen.top || seen.right <= seen.left) seen = null;
    }
    if (seen && (seen.bottom <= seen.top || seen.right <= seen.left)) seen = null;
    const hit = seen
      ? document.elementFromPoint((seen.left + seen.right) / 2, (seen.top + seen.bottom) / 2)
      : null;
    return { box, seen, onTop: hit !== null && element.contains(hit) };
  });
}

/** The whole box is seen (to within a pixel of rounding) and nothing covers its middle. */
export function wholly(s: Shown): boolean {
  const { box, seen } = s;
  return (
    seen !== null &&
    s.onTop &&
    seen.top - box.top < 1 &&
    seen.left - box.left < 1 &&
    box.bottom - seen.bottom < 1 &&
    box.right - seen.right < 1
  );
}

/** Height of the part seen, in CSS pixels. */
export function seenHeight(s: Shown): number {
  return s.seen ? s.seen.bottom - s.seen.top : 0;
}
