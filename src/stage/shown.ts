/**
 * What the picture shows of the customer: the mood the numbers give, or what the author set on a
 * moment (`shows`) — a mood band's face, an outburst (beyond furious: the most heated face, a
 * harder stance, a tremble) or defeat (slumped, the fight gone out of them: sad rather than angry).
 * No Phaser: tested in Node; the stage's customer and room apply it.
 */
import { MOODS, type Mood, type Pose, type Shown } from '../engine/index.js';

/** The faces drawn: one per mood band, and the defeated one (sad, not angry). */
export const FACES = [...MOODS, 'defeated'] as const;
export type Face = (typeof FACES)[number];

/** How the customer is drawn at a moment. */
export interface Showing {
  face: Face;
  /** The body's pose: the cue's, or slumped when defeated. */
  pose: Pose;
  /** Beyond furious: a harder stance and a tremble, and the stage shakes as it starts. */
  outburst: boolean;
}

/** What the picture shows: the author's `shows` where they set it, else the mood. */
export function shownOf(mood: Mood, shows: Shown | undefined): Shown {
  return shows ?? mood;
}

/** How to draw `shown` for a moment whose cue gives `pose`. */
export function showingOf(shown: Shown, pose: Pose): Showing {
  switch (shown) {
    case 'outburst':
      return { face: 'furious', pose, outburst: true };
    case 'defeated':
      // The fight has gone: whatever the cue's hands were doing, the body sags.
      return { face: 'defeated', pose: 'slumped', outburst: false };
    default:
      return { face: shown, pose, outburst: false };
  }
}
