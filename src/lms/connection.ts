/** What the package's bridge (bridge.ts) needs of an LMS, whichever standard it speaks. */
import type { DecisionInteraction, LmsFormat, MoveObjective, PackageScore } from './report.js';

/** One report to the LMS: the score and status, the move objectives, and interactions new since the last. */
export interface LmsUpdate {
  score: PackageScore;
  objectives: readonly MoveObjective[];
  /** Interactions not yet sent, each with its index among all of them and when it was answered. */
  interactions: readonly { index: number; interaction: DecisionInteraction; answeredAt: Date }[];
  suspend: string;
  /** The scenario the learner is in (or last finished), for the LMS's bookmark. */
  location: string;
}

export interface LmsConnection {
  format: LmsFormat;
  /** The learner's name as the LMS gives it, when it does. */
  learner: string | null;
  /** The LMS says this session continues an earlier one. */
  resumed: boolean;
  /** The suspend data the LMS kept from the last session ('' for none). */
  suspended: string;
  /** Interactions already recorded in earlier sessions: new ones are numbered after them. */
  interactions: number;
  /** Values the LMS refused, with its reasons: shown to the learner, and read by the tests. */
  problems: string[];
  write(update: LmsUpdate): Promise<void>;
  /** Ends the session (its time, and whether it is suspended); nothing is sent after. */
  finish(): void;
}
