/**
 * The call by keyboard alone: digits answer (or pick a time-out's thought), T takes a time-out,
 * M opens the I-message builder, D describes what can be seen, Esc shows the whole line or closes
 * the open panel. Keys with Ctrl, Alt or Meta are left to the browser.
 */
import type { MethodTools } from './method-tools.js';

export interface CallKeys {
  tools: MethodTools;
  /** Whether D may describe the cue now, and doing it. */
  canDescribe: () => boolean;
  describe: () => void;
  /** Whether the customer's line is still being typed, and showing it whole. */
  typing: () => boolean;
  reveal: () => void;
  /** Gives the n-th answer (1-based) as numbered on the screen, if there is one. */
  answer: (n: number) => void;
}

/** Listens to the document's keys until `signal` aborts (the call's screen ends). */
export function listenToKeys(keys: CallKeys, signal: AbortSignal): void {
  const { tools } = keys;
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // Keys typed into an answer are the answer's: only Esc (show the whole line) is the call's.
    const target = event.target;
    if (target instanceof HTMLElement && target.closest('textarea, input') && event.key !== 'Escape') return;
    // An open panel takes the keys: Esc closes it, and a time-out's digits pick a thought.
    if (tools.open !== null) {
      if (event.key === 'Escape') tools.cancel();
      else if (tools.open === 'timeout' && /^[1-9]$/.test(event.key)) tools.pickThought(Number(event.key));
      return;
    }
    const key = event.key.toLowerCase();
    if (key === 't') {
      tools.openTimeOut();
      return;
    }
    if (key === 'm') {
      tools.openBuilder();
      return;
    }
    if (key === 'd' && keys.canDescribe()) {
      keys.describe();
      return;
    }
    if (event.key === 'Escape') keys.reveal();
    if (keys.typing()) return; // answers wait until the customer has been heard (or the line skipped)
    const n = Number(event.key);
    if (Number.isInteger(n) && n >= 1) keys.answer(n);
  };
  document.addEventListener('keydown', onKey, { signal });
}
