/**
 * A screen's lifetime on a page element. The page shows one screen at a time in an element; showing
 * the next one (or leaving the page) ends the current one, and everything the screen started stops:
 * timers, key handlers, live boards, workers. A screen registers those with `onLeave`, or passes
 * `signal` to addEventListener, instead of listening for a named event.
 */
export interface ScreenLife {
  /** Aborted when the screen ends: pass it to addEventListener and fetch. */
  readonly signal: AbortSignal;
  /** Runs `stop` once when the screen ends (at once if it already has). */
  onLeave(stop: () => void): void;
  /** Whether the screen has ended (an answer that arrives late is dropped). */
  readonly ended: boolean;
}

const lives = new WeakMap<HTMLElement, AbortController>();

/** Ends whatever screen `host` shows now. */
export function leaveScreen(host: HTMLElement): void {
  const current = lives.get(host);
  lives.delete(host);
  current?.abort();
}

/** Ends the screen `host` shows and starts the life of the next one. */
export function enterScreen(host: HTMLElement): ScreenLife {
  leaveScreen(host);
  const controller = new AbortController();
  lives.set(host, controller);
  return lifeOf(controller.signal);
}

/**
 * The life of the screen `host` shows now, for a part that joins it later (a card a debrief asks
 * for) and must end with it. Starts nothing; with no screen shown, the life has already ended.
 */
export function currentScreen(host: HTMLElement): ScreenLife {
  return lifeOf(lives.get(host)?.signal ?? AbortSignal.abort());
}

/**
 * Names the screen on the page's body (`data-screen`) while `life` lasts, for the styles that lay
 * the page out around it (styles/*.css: the call's fixed stage, a phone's smaller or hidden stage).
 * A later screen's name is left alone when this one ends.
 */
export function markScreen(life: ScreenLife, name: string): void {
  const { body } = document;
  body.dataset.screen = name;
  life.onLeave(() => {
    if (body.dataset.screen === name) delete body.dataset.screen;
  });
}

/** A screen's life as seen from its abort signal. */
function lifeOf(signal: AbortSignal): ScreenLife {
  return {
    signal,
    onLeave(stop) {
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
    },
    get ended() {
      return signal.aborted;
    },
  };
}
