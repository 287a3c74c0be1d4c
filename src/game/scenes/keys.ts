/** Scene, texture and event names shared by the scenes and the page. */
import type { EndingKind, Mood, Pose } from '../../engine/index.js';

export const SCENES = { boot: 'boot', stage: 'stage' } as const;

export function portraitKey(appearance: string, mood: Mood, pose: Pose): string {
  return `portrait:${appearance}:${mood}:${pose}`;
}

/** Game-wide events the page sends to the scenes. */
export const EVENTS = {
  /** A CallView (below) changed. */
  view: 'keep-cool:view',
} as const;

/** What the stage draws: the customer as they are now. */
export interface CallView {
  appearance: string;
  mood: Mood;
  pose: Pose;
  anger: number;
  reducedMotion: boolean;
  /** Set once the call has ended: how the customer leaves the counter. */
  ending?: EndingKind;
}
