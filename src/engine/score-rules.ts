/** The score's rules as numbers and shapes: its version, weights, fault factor, grades, and what a result holds. */
import { z } from 'zod';
import type { Label } from './understand/labels.js';
import type { IMessageAssessment, IMessageFlaw } from './method.js';
import type { Dont, EndingKind, Letter } from './vocabulary.js';

/** The grades, best first. */
export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export const Grade = z.enum(GRADES);
export type Grade = z.infer<typeof Grade>;

/**
 * The scoring rules' version. Saved results carry it: a total is only compared with totals scored by
 * the same version. Version 1 (until December 2026) let conduct stop at zero, kept silence free and
 * averaged technique over the moments a call happened to reach.
 */
export const SCORING_VERSION = 2;

/** Points available for each part; they add up to 1000. */
export const WEIGHTS = { technique: 450, conduct: 150, timing: 100, outcome: 300 } as const;
/** The share of what the call earned that each fault takes, in percent. */
export const FAULT_PERCENT = 15;
/**
 * What each fault leaves of the score: every don't, slip and silence takes 15% of what the call
 * earned, so one more fault always costs, however many came before.
 */
export const FAULT_FACTOR = 1 - FAULT_PERCENT / 100;
/** Conduct given back for each helpful time-out taken while composure was low (never above 150). */
export const COOL_CREDIT = 15;
export const KIND_POINTS: Record<EndingKind, number> = {
  resolved: 150,
  'partly-resolved': 90,
  'handed-off': 20,
  escalated: 20,
  'hung-up': 0,
};
/**
 * A hand-off the author marks `good`: the right person now has a customer calm enough to help. Less
 * than resolving it yourself, far more than losing them.
 */
export const GOOD_HANDOFF_POINTS = 120;
export const SCALE_POINTS = 75;

/** Points an ending's kind earns: a good hand-off earns GOOD_HANDOFF_POINTS. */
export function kindPoints(ending: { kind: EndingKind; good: boolean }): number {
  return ending.kind === 'handed-off' && ending.good ? GOOD_HANDOFF_POINTS : KIND_POINTS[ending.kind];
}

/** Whether an ending is a good one: resolved, partly resolved, or a hand-off marked good. */
export function isGoodEnding(ending: { kind: EndingKind; good: boolean }): boolean {
  return (
    ending.kind === 'resolved' ||
    ending.kind === 'partly-resolved' ||
    (ending.kind === 'handed-off' && ending.good)
  );
}

export interface LetterScore {
  opportunities: number;
  hits: number;
  /** hits / opportunities, or null when the scenario offered no opportunity. */
  ratio: number | null;
}

/** Mistakes that are not a response's own don'ts: they come from how the trainee used the method. */
export type MethodSlip = 'early-i-message' | 'negative-self-talk' | 'silence' | 'took-bait' | IMessageFlaw;

export const SLIP_NAMES: Record<MethodSlip, string> = {
  'early-i-message': 'Named misconduct where nobody had crossed a line',
  'negative-self-talk': 'Chose the unhelpful thought in a time-out',
  silence: 'Said nothing until the customer’s patience ran out',
  'took-bait': 'Answered the bait without the pause',
  'i-message-incomplete': 'Left a step out of the I-message',
  'i-message-order': 'Put the I-message’s steps out of order',
  'i-message-harsh': 'Used a harsh piece in the I-message',
  'i-message-ramble': 'Kept talking after the I-message’s consequence',
};

export interface Decision {
  /** A ready-made line, an I-message the trainee assembled from pieces, or an answer they typed. */
  kind: 'choice' | 'i-message' | 'typed';
  index: number;
  node: string;
  at: number;
  /** The response id, or I_MESSAGE_RESPONSE for an assembled I-message. */
  response: string;
  says: string;
  feedback: string;
  calledFor: Letter[];
  hits: Letter[];
  /** Letters the answer used that a fault in the same answer spoiled (they earn nothing). */
  spoiled: Letter[];
  breaks: Dont[];
  /** Named misconduct (an I-message) where the customer had not crossed a line. */
  misplacedN: boolean;
  rushed: boolean;
  angerAfter: number;
  trustAfter: number;
  /** The strongest response at this node, when the trainee chose another one. */
  better: { id: string; says: string; feedback: string } | null;
  /** For an assembled I-message: what it got right and wrong. */
  iMessage?: IMessageAssessment;
  /** The moment was marked as the time for a time-out, and the trainee answered without one. */
  skippedTimeOut?: true;
  /**
   * For a typed answer: what the model heard in it, and the authored response the story followed
   * (`says` is what the trainee typed; `response` that response's id).
   */
  typed?: {
    labels: Label[];
    matched: string;
    matchedSays: string;
    picked: boolean;
    model: string;
    /** Nearly the same words as an earlier answer in the call: its moves earn nothing. */
    repeated: boolean;
  };
}

export interface ScoreResult {
  /** The scoring rules that produced this result (SCORING_VERSION). */
  version: number;
  total: number;
  grade: Grade;
  /** What the call earned, part by part; `earned` is their sum, before the faults. */
  parts: { technique: number; conduct: number; timing: number; outcome: number };
  earned: number;
  /** Each fault leaves FAULT_FACTOR of the score: total = round(earned × factor). */
  faults: { count: number; factor: number; penalty: number };
  letters: Record<Letter, LetterScore>;
  donts: { dont: Dont | MethodSlip; node: string; response: string }[];
  timing: { answers: number; rushed: number; silences: number };
  /** The trainee's composure: its lowest point, where it ended, and every time-out taken. */
  composure: {
    lowest: number;
    final: number;
    /** `cool`: a helpful thought taken while composure was below COOL_BELOW (credited in conduct). */
    timeouts: { at: number; node: string; thought: string; helpful: boolean; cool: boolean }[];
  };
  /** Opportunities the call did not reach because it ended early, per letter (counted as missed). */
  unreached: Partial<Record<Letter, number>>;
  /** Moments the method's path would still have had when the call ended early (neither clean nor calm). */
  unreachedMoments: number;
  /** Answers with no fault in them: conduct is their share of the call's moments. */
  cleanAnswers: number;
  ending: null | {
    id: string;
    kind: EndingKind;
    /** A hand-off the author marked good (false for every other kind). */
    good: boolean;
    gratitude: number;
    recommit: number;
    cost: number;
    /** The customer's last line ('' for none) and what happens next, with variables put in. */
    says: string;
    narrative: string;
  };
  decisions: Decision[];
  /** Anger and trust after the opening line and after every event, for the mood-over-time chart. */
  timeline: { at: number; anger: number; trust: number; decision: number | null }[];
}

export function emptyLetters(): Record<Letter, LetterScore> {
  const blank = (): LetterScore => ({ opportunities: 0, hits: 0, ratio: null });
  return { S: blank(), O: blank(), A: blank(), R: blank(), I: blank(), N: blank(), G: blank() };
}

/** The grade a total earns: A from 850, B from 700, C from 550, D from 400, else E. */
export function gradeOf(total: number): Grade {
  if (total >= 850) return 'A';
  if (total >= 700) return 'B';
  if (total >= 550) return 'C';
  if (total >= 400) return 'D';
  return 'E';
}
