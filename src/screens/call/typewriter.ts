/**
 * The typewriter: the customer's line is in the page whole from the start (screen readers and the
 * live log get it once); an aria-hidden overlay types it out over the engine's speaking time, in the
 * log and in the speech box under the customer at once.
 */
import { speechMs } from '../../engine/index.js';
import { el } from '../kit/dom.js';

export interface Typewriter {
  /** "Show the whole line (Esc)": shown while a line is being typed. */
  skip: HTMLButtonElement;
  /** Whether a line is being typed now (the answers wait until it is heard, or skipped). */
  readonly typing: boolean;
  /** Types `text` over each target, first finishing any line still typing. */
  type: (text: string, targets: readonly TypedTarget[]) => void;
  /** Shows the line being typed whole at once; nothing if none is. */
  reveal: () => void;
  /** Ends the typing and its timers: the screen is leaving. */
  stop: () => void;
}

/** Where a line is typed: over `item` (its text hidden meanwhile), headed `name`. */
export interface TypedTarget {
  item: HTMLElement;
  name: string;
  /** A scrolling box around `item`: it follows the typing, so the newest words stay in view. */
  follow?: HTMLElement;
}

export interface TypewriterOptions {
  reducedMotion: boolean;
  /** The customer speaks (the room's sound ducks) or stops. */
  speaking: (on: boolean) => void;
  /** Typing started or finished: the screen shows or hides the answers. */
  changed: (typing: boolean) => void;
}

export function typewriter({ reducedMotion, speaking, changed }: TypewriterOptions): Typewriter {
  const skip = el(
    'button',
    { type: 'button', className: 'secondary small skip' },
    'Show the whole line (Esc)',
  );
  skip.hidden = true;
  let done: (() => void) | null = null;
  let quiet = 0;
  const reveal = () => done?.();
  skip.addEventListener('click', reveal);

  const type = (text: string, targets: readonly TypedTarget[]) => {
    reveal();
    const duration = speechMs(text);
    if (reducedMotion) {
      // No typewriter, but the customer still takes time to speak: the room stays ducked as long.
      speaking(true);
      quiet = window.setTimeout(() => {
        speaking(false);
      }, duration);
      return;
    }
    const overlays = targets.map(({ item, name, follow }) => {
      const typed = el('span', {});
      const overlay = el('span', { className: 'typed' }, el('strong', {}, name), typed);
      overlay.setAttribute('aria-hidden', 'true');
      item.classList.add('typing');
      item.append(overlay);
      return { item, overlay, typed, follow };
    });
    skip.hidden = false;
    speaking(true);
    const started = performance.now();
    let frame = 0;
    const finish = (skipped: boolean) => {
      speaking(false);
      window.cancelAnimationFrame(frame);
      for (const { item, overlay, follow } of overlays) {
        overlay.remove();
        item.classList.remove('typing');
        // Shown whole before it was typed out: it is read from its start.
        if (skipped && follow) follow.scrollTop = 0;
      }
      skip.hidden = true;
      done = null;
      changed(false);
    };
    const tick = (now: number) => {
      const shown = Math.floor((text.length * (now - started)) / duration);
      if (shown >= text.length) {
        finish(false);
        return;
      }
      for (const { typed, follow } of overlays) {
        typed.textContent = text.slice(0, shown);
        if (follow) followTyping(follow, typed);
      }
      frame = window.requestAnimationFrame(tick);
    };
    done = () => {
      finish(true);
    };
    frame = window.requestAnimationFrame(tick);
    changed(true);
  };

  return {
    skip,
    get typing() {
      return done !== null;
    },
    type,
    reveal,
    stop() {
      reveal();
      window.clearTimeout(quiet);
    },
  };
}

/** Scrolls `box` down just enough that the end of the typed text is inside it. */
function followTyping(box: HTMLElement, typed: HTMLElement): void {
  const below = typed.getBoundingClientRect().bottom - box.getBoundingClientRect().bottom;
  if (below > 0) box.scrollTop += Math.ceil(below);
}
