/**
 * The text practice call: every customer line, cue and response as real page text and buttons.
 * It renders engine state and sends engine events; all rules live in src/engine. This file is the
 * way in: it wires the briefing, the call and the debrief (each its own module) to one another.
 */
import type { Call, Scenario } from '../../engine/index.js';
import { progressStore } from '../../device/progress.js';
import { settingsStore } from '../../device/settings.js';
import type { KeyValueStorage } from '../../device/store.js';
import type { AudioService } from '../../sound/service.js';
import { showBriefing } from './briefing.js';
import { runCall } from './call-screen.js';
import { showDebrief } from './debrief.js';
import type { Host, ShiftStep, ViewListener, WorkshopCall } from './host.js';

export type { ShiftStep, ViewListener, WorkshopCall } from './host.js';

export interface TextCallOptions {
  onView?: ViewListener;
  /** Where progress is kept; the page passes localStorage. */
  storage: KeyValueStorage;
  /** Link back to the list of scenarios, if there is one. */
  menuHref?: string;
  /** The scenario to offer after the debrief, if there is another. */
  next?: { title: string; href: string };
  /** Set when the call is one of a shift's. */
  shift?: ShiftStep;
  /** Sound; without it the call is silent (captions need sound to be asked for). */
  audio?: AudioService;
  /** Told after every change of the call: author mode's live panel reads flags and the score so far. */
  inspect?: (call: Call) => void;
  /** Set when the call is played for a workshop room. */
  workshop?: WorkshopCall;
}

const prefersReducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Shows the scenario's briefing, then runs the call in `root`. Each of its screens is a screen of
 * `root` (enterScreen): leaving `root` (leaveScreen) stops the call's timers and keys.
 */
export function mountTextCall(root: HTMLElement, scenario: Scenario, options: TextCallOptions): void {
  const host: Host = {
    root,
    scenario,
    onView: options.onView ?? (() => undefined),
    progress: progressStore(options.storage),
    settings: settingsStore(options.storage, prefersReducedMotion()),
    menuHref: options.menuHref,
    next: options.next,
    shift: options.shift,
    audio: options.audio,
    inspect: options.inspect,
    workshop: options.workshop,
    screens: {
      briefing: (notice) => {
        showBriefing(host, notice);
      },
      call: (restore, notice) => {
        runCall(host, restore, notice);
      },
      debrief: (result, transcript, log) => {
        showDebrief(host, result, transcript, log);
      },
    },
  };
  host.screens.briefing();
}
