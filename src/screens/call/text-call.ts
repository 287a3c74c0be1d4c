/**
 * The text practice call: every customer line, cue and response as real page text and buttons.
 * It renders engine state and sends engine events; all rules live in src/engine. This file is the
 * way in: it wires the briefing, the call and the debrief (each its own module) to one another.
 */
import type { Call, Scenario, ScoreResult, Transcript } from '../../engine/index.js';
import { attemptsAt, bestBefore, progressStore } from '../../device/progress.js';
import { settingsStore } from '../../device/settings.js';
import type { KeyValueStorage } from '../../device/store.js';
import type { AudioService } from '../../sound/service.js';
import { showBriefing } from './briefing.js';
import { runCall } from './call-screen.js';
import { showDebrief } from './debrief.js';
import type { Host, Practice, SavedCall, ShiftStep, ViewListener, WorkshopCall } from './host.js';
import { debriefHref } from '../routes.js';

export type { Practice, ShiftStep, ViewListener, WorkshopCall } from './host.js';

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
  /**
   * The debrief gets its own address (#/debrief/<scenario>/<n>) once the call is saved, so a reload
   * shows it again. Only for calls the page's address opened: a shift, a room or a playtest keeps its own.
   */
  addressed?: boolean;
  /** A practice run from a chosen moment (author mode): never saved, no debrief of the whole call. */
  practice?: Practice;
}

const prefersReducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The call just finished, as the device saved it: the newest attempt at the scenario, if it is this one. */
function savedJustNow(host: Host, transcript: Transcript): SavedCall | undefined {
  const progress = host.progress.load().value;
  const attempts = attemptsAt(progress, host.scenario.id);
  const last = attempts.at(-1);
  const steps = (t: Transcript) => JSON.stringify(t.events.map((e) => [e.kind, e.at, e.node]));
  // Not saved (the browser refused its storage): the debrief keeps the call's own address.
  if (!last?.transcript || steps(last.transcript) !== steps(transcript)) return undefined;
  const { finishedAt, total, grade, scoring } = last;
  const number = attempts.length;
  const best = bestBefore(progress, host.scenario.id, number);
  return { number, finishedAt, total, grade, scoring, bestBefore: best, reopened: false };
}

/** The call's screens in `root`, sharing one host. */
function hostFor(root: HTMLElement, scenario: Scenario, options: TextCallOptions): Host {
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
    practice: options.practice,
    addressed: options.addressed ?? false,
    screens: {
      briefing: (notice) => {
        showBriefing(host, notice);
      },
      call: (restore, notice) => {
        runCall(host, restore, notice);
      },
      debrief: (result, transcript, log, saved) => {
        if (options.practice) {
          options.practice.ended(result, transcript);
          return;
        }
        const where = saved ?? (host.addressed ? savedJustNow(host, transcript) : undefined);
        // The address follows (no new history entry): a reload shows this debrief again.
        if (host.addressed && where)
          window.history.replaceState(window.history.state, '', debriefHref(scenario.id, where.number));
        showDebrief(host, result, transcript, log, where);
      },
    },
  };
  return host;
}

/**
 * Shows the scenario's briefing, then runs the call in `root`. Each of its screens is a screen of
 * `root` (enterScreen): leaving `root` (leaveScreen) stops the call's timers and keys.
 */
export function mountTextCall(root: HTMLElement, scenario: Scenario, options: TextCallOptions): void {
  hostFor(root, scenario, options).screens.briefing(options.practice?.note);
}

/**
 * Shows the debrief of a call finished earlier (its address: a reload, the history), replayed from
 * its saved transcript; play again and rewind go on from there as after a call.
 */
export function mountDebrief(
  root: HTMLElement,
  scenario: Scenario,
  options: TextCallOptions,
  call: { result: ScoreResult; transcript: Transcript; log: HTMLElement; saved: SavedCall },
): void {
  hostFor(root, scenario, options).screens.debrief(call.result, call.transcript, call.log, call.saved);
}
