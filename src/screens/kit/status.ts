/** The page's small shared pieces: a status line read out politely, notices, a screen's header. */
import { el } from './dom.js';

/** A line that screen readers announce when it changes (role=status), e.g. "Saved." */
export function statusRegion(className = 'status', text = ''): HTMLElement {
  const status = el('p', { className }, text);
  status.setAttribute('role', 'status');
  return status;
}

/** A screen's notices (what could not be loaded or resumed), a paragraph each, announced as a status. */
export function notices(...lines: (string | null | undefined)[]): HTMLElement {
  const box = el(
    'div',
    { className: 'notice' },
    ...lines.filter((line): line is string => Boolean(line)).map((line) => el('p', {}, line)),
  );
  box.setAttribute('role', 'status');
  return box;
}

/** A screen's heading with an optional line under it, as one header. */
export function pageHeader(title: string, lede?: string | Node): HTMLElement {
  const header = el('header', { className: 'page-header' }, el('h1', {}, title));
  if (lede !== undefined)
    header.append(typeof lede === 'string' ? el('p', { className: 'lede' }, lede) : lede);
  return header;
}

/**
 * A boxed notice that screen readers announce when it changes (role=status): one paragraph per
 * line. Empty, it takes no room.
 */
export function noticeRegion(...lines: string[]): HTMLElement {
  const box = el('div', { className: 'notice' }, ...lines.map((line) => el('p', {}, line)));
  box.setAttribute('role', 'status');
  return box;
}
