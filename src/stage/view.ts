/** Scene and event names shared by the scenes and the page, and the view the page sends the stage. */
import type { EndingKind, Mood, Pose, Setting } from '../engine/index.js';

export const SCENES = { boot: 'boot', stage: 'stage' } as const;

/** Game-wide events the page sends to the scenes. */
export const EVENTS = {
  /** A CallView (below) changed. */
  view: 'keep-cool:view',
  /** The stage drew a view: what the customer is doing now (a StageReport). */
  drawn: 'keep-cool:drawn',
  /** The stage's loop changed pace: 'moving' (the screen's full rate) or 'idle' (see pace.ts). */
  pace: 'keep-cool:pace',
} as const;

/** What the stage shows, for the page (and its tests) to read back. */
export interface StageReport {
  mood: Mood;
  pose: Pose;
  setting: Setting;
  /** At the counter; gone (walked off or hung up, once the exit has played); or settled. */
  customer: 'present' | 'gone' | 'settled';
}

/** What the stage draws: the customer as they are now. */
export interface CallView {
  appearance: string;
  setting: Setting;
  mood: Mood;
  pose: Pose;
  anger: number;
  reducedMotion: boolean;
  /** The customer's line is being spoken (typed out) now: the mouth moves. */
  speaking?: boolean;
  /** Set once the call has ended: how the customer leaves the counter. */
  ending?: EndingKind;
}
