/**
 * The parts of the method beyond picking a line: the time-out with its inner thought, and the
 * I-message the trainee assembles from pieces. Pure rules, read by step() and by scoring.
 */
import type { Fragment, Scenario, Thought } from './schema.js';
import type { CallState } from './step.js';
import type { TranscriptEvent } from './transcript.js';
import { own } from './own.js';

/** Composure a time-out gives back (helpful thought) or costs (unhelpful thought). */
export const TIMEOUT_COMPOSURE = { helpful: 25, unhelpful: -5 } as const;

/** Keep Cool's own inner thoughts, for scenarios that bring none. */
export const DEFAULT_THOUGHTS: { helpful: Thought[]; unhelpful: Thought[] } = {
  helpful: [
    { id: 'not-about-me', text: 'This is about the problem, not about me. I can help with the problem.' },
    { id: 'slow-down', text: 'Slow down. One breath, then one thing at a time.' },
    { id: 'upset-not-enemy', text: 'Upset people say harsh things. Underneath, they want this fixed.' },
  ],
  unhelpful: [
    { id: 'impossible', text: 'Some people are simply impossible. Nothing I say will work.' },
    { id: 'show-them', text: 'I am not paid to be shouted at. Time to put them in their place.' },
    { id: 'get-rid', text: 'Just get them off the line as fast as possible.' },
  ],
};

export interface OfferedThought extends Thought {
  helpful: boolean;
}

/**
 * The two thoughts a time-out offers: the k-th helpful and k-th unhelpful one (k = time-outs taken
 * so far), in an order that alternates, so the helpful one is not always in the same place.
 */
export function offeredThoughts(scenario: Scenario, timeoutsTaken: number): [OfferedThought, OfferedThought] {
  const set = scenario.thoughts ?? DEFAULT_THOUGHTS;
  const pick = (list: Thought[], helpful: boolean): OfferedThought => {
    const thought = list[timeoutsTaken % list.length] ?? list[0];
    if (!thought) throw new Error('a thought list has at least one thought');
    return { ...thought, helpful };
  };
  const helpful = pick(set.helpful, true);
  const unhelpful = pick(set.unhelpful, false);
  return timeoutsTaken % 2 === 0 ? [unhelpful, helpful] : [helpful, unhelpful];
}

/**
 * The time-out the method takes at a moment marked `time_out` (the trainee's buttons are pushed),
 * as the customer finishes, with the helpful thought; null elsewhere, after one was taken, or when
 * none are left. Reference plays (the method's path, path exploration) take it before answering.
 */
export function methodTimeOut(
  scenario: Scenario,
  state: Pick<CallState, 'node' | 'finishedAt' | 'timeoutsLeft' | 'breathed'>,
): TranscriptEvent | null {
  const node = state.node === null ? undefined : own(scenario.nodes, state.node);
  if (!node?.time_out || state.node === null || state.breathed || state.timeoutsLeft <= 0) return null;
  const taken = scenario.timeouts - state.timeoutsLeft;
  const helpful = offeredThoughts(scenario, taken).find((t) => t.helpful);
  if (!helpful) return null;
  return { kind: 'timeout', at: state.finishedAt, node: state.node, thought: helpful.id };
}

/** The four steps of an I-message, in the order the method teaches them. */
export const I_STEPS = ['attention', 'feeling', 'behaviour', 'consequence'] as const;
export type IStep = (typeof I_STEPS)[number];

export const I_STEP_NAMES: Record<IStep | 'ramble', string> = {
  attention: 'Get their attention politely',
  feeling: 'Name your own feeling',
  behaviour: 'Name the behaviour',
  consequence: 'State the consequence',
  ramble: 'Keep talking',
};

export interface Piece extends Fragment {
  step: IStep | 'ramble';
}

/** The pieces a node's builder offers, in step order, or null when the node offers no builder. */
export function piecesAt(scenario: Scenario, nodeId: string): Piece[] | null {
  const node = own(scenario.nodes, nodeId);
  const parts = scenario.i_message;
  if (!node?.i_message || !parts) return null;
  const of = (step: IStep | 'ramble', list: Fragment[]) => list.map((f) => ({ ...f, step }));
  return [
    ...of('attention', parts.attention),
    ...of('feeling', parts.feeling),
    ...of('behaviour', node.i_message.behaviour ?? parts.behaviour),
    ...of('consequence', parts.consequence),
    ...of('ramble', parts.ramble),
  ];
}

/** What the trainee's I-message got right and wrong. */
export type IMessageFlaw =
  'i-message-incomplete' | 'i-message-order' | 'i-message-harsh' | 'i-message-ramble';

export interface IMessageAssessment {
  pieces: Piece[];
  /** The whole I-message as said. */
  says: string;
  missing: IStep[];
  ordered: boolean;
  harsh: number;
  /** Kept talking after the consequence (a rambling piece, or more than four parts). */
  rambled: boolean;
  /** Said where the customer had not crossed a line. */
  misplaced: boolean;
  flaws: IMessageFlaw[];
  anger: number;
  trust: number;
}

/** A clean I-message: no flaw, said where the customer had crossed a line. */
export function isCleanIMessage(a: Pick<IMessageAssessment, 'flaws' | 'misplaced'>): boolean {
  return a.flaws.length === 0 && !a.misplaced;
}

/** Effects of an I-message on the customer: per flaw, and for the clean one. */
export const I_MESSAGE_EFFECT = {
  clean: { anger: -20, trust: 10 },
  misplaced: { anger: 10, trust: -10 },
  perMissingStep: { anger: 6, trust: -3 },
  outOfOrder: { anger: 6, trust: 0 },
  perHarshPiece: { anger: 10, trust: -5 },
  ramble: { anger: 15, trust: -5 },
} as const;

/** Joins pieces into what the trainee says. */
export function sayPieces(pieces: readonly Fragment[]): string {
  return pieces.map((p) => p.text.trim()).join(' ');
}

/** Assesses an I-message made of `parts` (fragment ids) at a node, or says why it cannot be said. */
export function assessIMessage(
  scenario: Scenario,
  nodeId: string,
  parts: readonly string[],
): { ok: true; assessment: IMessageAssessment } | { ok: false; reason: string } {
  const offered = piecesAt(scenario, nodeId);
  if (!offered) return { ok: false, reason: `node '${nodeId}' offers no I-message builder` };
  if (parts.length === 0) return { ok: false, reason: 'an I-message needs at least one piece' };
  if (new Set(parts).size !== parts.length) return { ok: false, reason: 'an I-message uses each piece once' };
  const pieces: Piece[] = [];
  for (const id of parts) {
    const piece = offered.find((p) => p.id === id);
    if (!piece) return { ok: false, reason: `node '${nodeId}' offers no I-message piece '${id}'` };
    pieces.push(piece);
  }
  const steps = pieces.map((p) => p.step).filter((s): s is IStep => s !== 'ramble');
  const missing = I_STEPS.filter((s) => !steps.includes(s));
  const ranks = steps.map((s) => I_STEPS.indexOf(s));
  const ordered = ranks.every((r, i) => i === 0 || r >= (ranks[i - 1] ?? 0));
  const harsh = pieces.filter((p) => p.tone === 'harsh').length;
  const rambled = pieces.some((p) => p.step === 'ramble') || pieces.length > I_STEPS.length;
  const misplaced = !own(scenario.nodes, nodeId)?.misconduct;

  const flaws: IMessageFlaw[] = [];
  if (missing.length > 0) flaws.push('i-message-incomplete');
  if (!ordered) flaws.push('i-message-order');
  if (harsh > 0) flaws.push('i-message-harsh');
  if (rambled) flaws.push('i-message-ramble');

  const e = I_MESSAGE_EFFECT;
  const base = misplaced ? e.misplaced : e.clean;
  const add = (key: 'anger' | 'trust') =>
    base[key] +
    missing.length * e.perMissingStep[key] +
    (ordered ? 0 : e.outOfOrder[key]) +
    harsh * e.perHarshPiece[key] +
    (rambled ? e.ramble[key] : 0);
  return {
    ok: true,
    assessment: {
      pieces,
      says: sayPieces(pieces),
      missing,
      ordered,
      harsh,
      rambled,
      misplaced,
      flaws,
      anger: add('anger'),
      trust: add('trust'),
    },
  };
}

/** The clean I-message at a node: the first calm piece of each step, in order (null if none can be). */
export function modelIMessage(scenario: Scenario, nodeId: string): Piece[] | null {
  const offered = piecesAt(scenario, nodeId);
  if (!offered) return null;
  const model = I_STEPS.map((step) => offered.find((p) => p.step === step && p.tone === 'calm'));
  return model.every((p): p is Piece => p !== undefined) ? model : null;
}
