/**
 * The typewriter: the customer's line is in the page whole from the start (screen readers and the
 * live log get it once); an aria-hidden overlay types it out over the engine's speaking time, in the
 * log and in the speech box under the customer at once.
 */
import { speechMs } from '../../engine/index.js';
import { el } from '../kit/dom.js';
import { t } from '../i18n/index.js';

export interface Typewriter {
  /** "Show the whole line (Esc)": shown while a line is being typed. */
  skip: HTMLButtonElement;
  /** Whether a line is being typed now (the answers wait until it is heard, or skipped). */
  readonly typing: boolean;
  /** Types `text` over each target, first finishing any line still typing. */
  type: (text: string, targets: readonly TypedTarget[]) => void;
  /**
   * Types lines one after another (a narration, then the customer's line), each over the engine's
   * speaking time for it; `start` runs as each begins. Skipped, the rest are shown whole at once.
   */
  series: (parts: readonly TypedPart[]) => void;
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

/** One line of a series: its text, where it is typed, and what to do as it begins. */
export interface TypedPart {
  text: string;
  /** How long it takes to say, when not its own length: a translated line takes the source line's time. */
  ms?: number;
  targets: readonly TypedTarget[];
  start?: () => void;
}

export interface TypewriterOptions {
  reducedMotion: boolean;
  /** The customer speaks (the room's sound ducks) or stops. */
  speaking: (on: boolean) => void;
  /** Typing started or finished: the screen shows or hides the answers. */
  changed: (typing: boolean) => void;
}

export function typewriter({ reducedMotion, speaking, changed }: TypewriterOptions): Typewriter {
  const skip = el('button', { type: 'button', className: 'secondary small skip' }, t('line.skip'));
  skip.hidden = true;
  let done: (() => void) | null = null;
  let quiet = 0;
  const reveal = () => done?.();
  skip.addEventListener('click', reveal);

  const series = (parts: readonly TypedPart[]) => {
    reveal();
    if (reducedMotion) {
      for (const part of parts) part.start?.();
      quietFor(parts.reduce((ms, part) => ms + (part.ms ?? speechMs(part.text)), 0));
      return;
    }
    // Lines still to come are in the page already (for screen readers) but unseen until typed.
    const wait = (part: TypedPart, on: boolean) => {
      for (const { item } of part.targets) item.classList.toggle('waiting', on);
    };
    parts.slice(1).forEach((part) => {
      wait(part, true);
    });
    const run = (i: number) => {
      const part = parts[i];
      if (!part) return;
      part.start?.();
      wait(part, false);
      if (i + 1 === parts.length) {
        typeOne(part.text, part.targets, undefined, part.ms);
        return;
      }
      typeOne(
        part.text,
        part.targets,
        (skipped) => {
          if (!skipped) run(i + 1);
          // Shown whole: every line after this one is there at once, the last one the one to answer.
          else
            for (const rest of parts.slice(i + 1)) {
              rest.start?.();
              wait(rest, false);
            }
          return !skipped;
        },
        part.ms,
      );
    };
    run(0);
  };

  /** No typewriter, but the customer still takes time to speak: the room stays ducked as long. */
  const quietFor = (duration: number) => {
    speaking(true);
    quiet = window.setTimeout(() => {
      speaking(false);
    }, duration);
  };

  const type = (text: string, targets: readonly TypedTarget[]) => {
    reveal();
    if (reducedMotion) quietFor(speechMs(text));
    else typeOne(text, targets);
  };

  /**
   * Types one line; `then` runs as it ends (skipped or not) and returns true when it goes on to
   * type another, so the answers stay hidden in between.
   */
  const typeOne = (
    text: string,
    targets: readonly TypedTarget[],
    then?: (skipped: boolean) => boolean,
    ms = speechMs(text),
  ) => {
    const duration = ms;
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
      window.cancelAnimationFrame(frame);
      for (const { item, overlay, follow } of overlays) {
        overlay.remove();
        item.classList.remove('typing');
        // Shown whole before it was typed out: it is read from its start.
        if (skipped && follow) follow.scrollTop = 0;
      }
      done = null;
      if (then?.(skipped)) return;
      speaking(false);
      skip.hidden = true;
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
    series,
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
