/**
 * The page's own small drawings: the game's mark (assets/mark.svg, one file for the tab, the
 * loading screen and the title) and line icons for the settings of a call and the menu's parts.
 * Every icon is decoration beside words that say the same, so it is hidden from screen readers.
 */
import type { Setting } from '../engine/index.js';

const SVG = 'http://www.w3.org/2000/svg';

/** The mark, from assets/ (served at the site's root, next to index.html). */
export const MARK_SRC = 'mark.svg';

/** One stroke of an icon: a path in a 24 × 24 box; `fill` draws it solid instead of outlined. */
interface Stroke {
  d: string;
  fill?: boolean;
}

const ICONS = {
  // A handset, its earpiece up.
  phone: [
    {
      d: 'M7 3.5h2.6l1.6 4.3-2.1 1.5a11.5 11.5 0 0 0 5.6 5.6l1.5-2.1 4.3 1.6v2.6a2.5 2.5 0 0 1-2.6 2.5A16.5 16.5 0 0 1 4.5 6.1 2.5 2.5 0 0 1 7 3.5z',
    },
  ],
  // The counter's service bell.
  counter: [
    { d: 'M4.5 17a7.5 7.5 0 0 1 15 0z' },
    { d: 'M2.5 20h19' },
    { d: 'M12 9.5V7M10 7h4' },
    { d: 'M8.2 14.5a4.2 4.2 0 0 1 2.3-2.4' },
  ],
  // Two speech bubbles, one answering the other.
  chat: [
    { d: 'M4.5 4h10a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H9l-3.5 3v-3h-1a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z' },
    { d: 'M19 8.5h.5a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-1v3l-3.5-3h-4' },
  ],
  // Sliders, for the settings.
  settings: [{ d: 'M4 7h9M17 7h3M4 17h3M11 17h9' }, { d: 'M15 5v4M9 15v4' }],
  // A clock face, for a shift.
  shift: [{ d: 'M12 3.5a8.5 8.5 0 1 1 0 17 8.5 8.5 0 0 1 0-17z' }, { d: 'M12 7.5V12l3 2' }],
  // A screen and two heads, for a workshop room.
  workshop: [
    { d: 'M3.5 4h17v9h-17z' },
    { d: 'M8 20a3 3 0 0 1 6 0M15 20a2.5 2.5 0 0 1 5 0' },
    { d: 'M11 16.2a1.4 1.4 0 1 1 .01 0M17.5 16.8a1.2 1.2 0 1 1 .01 0' },
  ],
  // A line rising, for history.
  history: [{ d: 'M4 4v16h16' }, { d: 'M7.5 15l3.5-4 3 2.5 4.5-6' }],
  // A play triangle.
  play: [{ d: 'M8 5.5v13l10.5-6.5z', fill: true }],
  // A pencil, for author mode.
  author: [{ d: 'M4 20l1-4.5L15.5 5a2.1 2.1 0 0 1 3 3L8 18.5z' }, { d: 'M13.5 7l3 3' }],
} satisfies Record<string, Stroke[]>;

export type IconName = keyof typeof ICONS;

/** A line icon, hidden from screen readers (the words beside it say what it shows). */
export function icon(name: IconName, className = 'icon'): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const stroke of ICONS[name] as Stroke[]) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', stroke.d);
    if (stroke.fill) path.setAttribute('class', 'solid');
    svg.append(path);
  }
  return svg;
}

/** The icon for where a call takes place. */
export function settingIcon(setting: Setting): SVGSVGElement {
  return icon(setting, `icon setting-icon setting-${setting}`);
}
