/**
 * The projector's boards fitted to the screen: each board shows its first places, as many as fit
 * (a call's podium down to three, then the overall board down to three), and counts the rest under
 * it. When no board can give up a place and they still overflow (the podiums at three beside a whole
 * team board), the rows are drawn tighter (the area's `dense` class). The room reads the top at a
 * glance; nothing scrolls by itself on the big screen, and every attendee's phone shows their own
 * place wherever it is.
 */

export interface PlaceLimits {
  /** Places shown on the overall board. */
  overall: number;
  /** Places shown on each call's board. */
  call: number;
}

const FEWEST = 3;

/**
 * Draws the boards into `area` with `start`'s limits, then with fewer while they overflow it.
 * Only a screen wide enough to give the boards a fixed height (the projector) ever overflows.
 */
export function fitBoards(
  area: HTMLElement,
  draw: (limits: PlaceLimits) => HTMLElement[],
  start: PlaceLimits,
): PlaceLimits {
  const limits = { ...start };
  // Measured afresh each time: the last board's squeeze may not be needed now.
  area.classList.remove('dense');
  area.replaceChildren(...draw(limits));
  const overflows = () => area.scrollHeight > area.clientHeight + 1;
  // The overall board is trimmed only while it is itself the one too tall: the others' column may be.
  // (Measured by its content's end: the board's own box is stretched to its grid rows.)
  const overallTooTall = () => {
    const end = area.firstElementChild?.lastElementChild?.getBoundingClientRect().bottom ?? 0;
    return end - area.getBoundingClientRect().top > area.clientHeight + 1;
  };
  while (overflows()) {
    if (limits.call > FEWEST) limits.call--;
    else if (limits.overall > FEWEST && overallTooTall()) limits.overall--;
    else if (!area.classList.contains('dense')) {
      // A few pixels over, in a column with nothing left to trim: tighter rows, the same places.
      area.classList.add('dense');
      continue;
    } else break;
    area.replaceChildren(...draw(limits));
  }
  // Still too tall (a dozen teams on a small screen): the area scrolls, so it takes the focus too.
  if (overflows()) area.tabIndex = 0;
  else area.removeAttribute('tabindex');
  return limits;
}
