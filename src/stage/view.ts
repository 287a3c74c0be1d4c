/** Scene and event names shared by the scenes and the page, and the view the page sends the stage. */
import type { EndingKind, Mood, Pose, Setting, Shown, Tone } from '../engine/index.js';

export const SCENES = { boot: 'boot', stage: 'stage' } as const;

/** Game-wide events the page sends to the scenes. */
export const EVENTS = {
  /** A CallView (below) changed. */
  view: 'keep-cool:view',
  /** The stage drew a view: what the customer is doing now (a StageReport). */
  drawn: 'keep-cool:drawn',
  /** The stage's loop changed pace: 'moving' (the screen's full rate) or 'idle' (see pace.ts). */
  pace: 'keep-cool:pace',
  /** The phone's call timer changed (mm:ss, or '--:--' while it rings). */
  timer: 'keep-cool:timer',
} as const;

/** What the stage shows, for the page (and its tests) to read back. */
export interface StageReport {
  mood: Mood;
  pose: Pose;
  setting: Setting;
  /** At the counter (or on the line); gone (walked off or hung up, once the exit has played); or settled. */
  customer: 'present' | 'gone' | 'settled';
  /** What the picture shows: the mood, or the moment's own `shows` (an outburst, a defeated slump). */
  shown: Shown;
  /** Whether the customer is drawn: not on a phone call, where they are only heard. */
  figure: 'drawn' | 'none';
  /** On a phone call, the caller's voice: its loudness band ('still' while they are quiet) and tone. */
  voice?: string;
  tone?: Tone;
  /** At the counter, a second person drawn beside the customer (a team lead who joined): their appearance. */
  second?: string;
  /** Whose lips move now, where people are drawn: the customer's, the second person's, or nobody's. */
  lips?: 'customer' | 'second' | 'still';
}

/** A second speaker drawn at the counter: they joined with their first line, and stay. */
export interface SecondView {
  appearance: string;
  /** Their own line is being said now: their lips move (the customer's do not). */
  speaking: boolean;
}

/** What the softphone says of the line, by its state: the page gives them in its language. */
export interface LineWords {
  ringing: string;
  open: string;
  ended: string;
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
  /** What the moment shows, when the author set it apart from the mood (a node's `shows`). */
  shows?: Shown;
  /** How the customer's voice sounds at this moment (the cue's `tone`): a phone call's voice follows it. */
  tone?: Tone;
  /** At the counter: a second speaker who has joined the call (a team lead), drawn beside the customer. */
  second?: SecondView;
  /** The customer's name, for the phone's call panel. */
  caller?: string;
  /** The softphone's words for the line (ringing, open, ended), in the page's language. */
  lineWords: LineWords;
  /** The call's time (ms) when the view was made; absent before the call has started (it is ringing). */
  callMs?: number;
  /** The live call's own clock (ms), read as the timer runs: it stands still in a time-out. */
  clock?: () => number;
}
