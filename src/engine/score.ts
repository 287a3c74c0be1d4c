/** Scoring: a pure function of the scenario and what happened, rewarding the method and never speed. */
import {
  I_MESSAGE_EFFECT,
  I_STEP_NAMES,
  modelIMessage,
  sayPieces,
  type IMessageAssessment,
  type IMessageFlaw,
} from './method.js';
import type { Scenario, ScenarioNode, ScenarioResponse } from './schema.js';
import { own } from './own.js';
import type { StepRecord } from './step.js';
import { LETTERS, type Dont, type EndingKind, type Letter } from './vocabulary.js';

/** Points available for each part; they add up to 1000. */
export const WEIGHTS = { technique: 450, conduct: 150, timing: 100, outcome: 300 } as const;
/** Points lost per don't broken (and per I-message used where nobody crossed a line). */
export const DONT_COST = 30;
const KIND_POINTS: Record<EndingKind, number> = {
  resolved: 150,
  'partly-resolved': 90,
  escalated: 20,
  'hung-up': 0,
};
const SCALE_POINTS = 75;

export interface LetterScore {
  opportunities: number;
  hits: number;
  /** hits / opportunities, or null when the scenario offered no opportunity. */
  ratio: number | null;
}

/** Mistakes that are not a response's own don'ts: they come from how the trainee used the method. */
export type MethodSlip = 'early-i-message' | 'negative-self-talk' | IMessageFlaw;

export const SLIP_NAMES: Record<MethodSlip, string> = {
  'early-i-message': 'Named misconduct where nobody had crossed a line',
  'negative-self-talk': 'Chose the unhelpful thought in a time-out',
  'i-message-incomplete': 'Left a step out of the I-message',
  'i-message-order': 'Put the I-message’s steps out of order',
  'i-message-harsh': 'Used a harsh piece in the I-message',
  'i-message-ramble': 'Kept talking after the I-message’s consequence',
};

/**
 * The id a decision records when the trainee assembled an I-message instead of picking a line. Not a
 * valid response id, so it can never be mistaken for a ready-made line.
 */
export const I_MESSAGE_RESPONSE = '#i-message';

export interface Decision {
  /** A ready-made line, or an I-message the trainee assembled from pieces. */
  kind: 'choice' | 'i-message';
  index: number;
  node: string;
  at: number;
  /** The response id, or I_MESSAGE_RESPONSE for an assembled I-message. */
  response: string;
  says: string;
  feedback: string;
  calledFor: Letter[];
  hits: Letter[];
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
}

export interface ScoreResult {
  total: number;
  grade: 'A' | 'B' | 'C' | 'D' | 'E';
  parts: { technique: number; conduct: number; timing: number; outcome: number };
  letters: Record<Letter, LetterScore>;
  donts: { dont: Dont | MethodSlip; node: string; response: string }[];
  timing: { answers: number; rushed: number; silences: number };
  /** The trainee's composure: its lowest point, where it ended, and every time-out taken. */
  composure: {
    lowest: number;
    final: number;
    timeouts: { at: number; node: string; thought: string; helpful: boolean }[];
  };
  ending: null | {
    id: string;
    kind: EndingKind;
    gratitude: number;
    recommit: number;
    cost: number;
    narrative: string;
  };
  decisions: Decision[];
  /** Anger and trust after the opening line and after every event, for the mood-over-time chart. */
  timeline: { at: number; anger: number; trust: number; decision: number | null }[];
}

/** A response's merit at its node, used to name the better option. Integer, so ties are exact. */
export function merit(node: ScenarioNode, response: ScenarioResponse): number {
  const hits = response.uses.filter((l) => node.calls_for.includes(l)).length;
  const misplaced = response.uses.includes('N') && !node.misconduct ? 1 : 0;
  return 30 * hits - 30 * response.breaks.length - 30 * misplaced - response.anger + response.trust;
}

/** The strongest response at a node; the first one wins a tie. */
export function bestResponse(node: ScenarioNode): ScenarioResponse {
  let best = node.responses[0];
  for (const r of node.responses) if (best === undefined || merit(node, r) > merit(node, best)) best = r;
  if (best === undefined) throw new Error('a node has at least two responses');
  return best;
}

/** Merit of the clean I-message at a node, on the same scale as merit(). */
function modelMerit(node: ScenarioNode): number {
  const clean = node.misconduct ? I_MESSAGE_EFFECT.clean : I_MESSAGE_EFFECT.misplaced;
  const hits = node.misconduct && node.calls_for.includes('N') ? 1 : 0;
  return 30 * hits - 30 * (node.misconduct ? 0 : 1) - clean.anger + clean.trust;
}

const MODEL_FEEDBACK =
  'Four calm steps, then silence: their attention, your feeling, the behaviour, its consequence. It names the line that was crossed without attacking the person, and leaves them room to step back.';

/** Best options per scenario and node: a loaded scenario never changes, so each is worked out once. */
const bestOptions = new WeakMap<Scenario, Map<string, ReturnType<typeof findBestOption>>>();

/** The best thing to have said at a node: a response, or the clean I-message where it fits. */
function bestOption(scenario: Scenario, nodeId: string, node: ScenarioNode) {
  let byNode = bestOptions.get(scenario);
  if (!byNode) {
    byNode = new Map();
    bestOptions.set(scenario, byNode);
  }
  let option = byNode.get(nodeId);
  if (!option) {
    option = findBestOption(scenario, nodeId, node);
    byNode.set(nodeId, option);
  }
  return option;
}

function findBestOption(
  scenario: Scenario,
  nodeId: string,
  node: ScenarioNode,
): { id: string; says: string; feedback: string; merit: number } {
  const best = bestResponse(node);
  const option = { id: best.id, says: best.says, feedback: best.feedback, merit: merit(node, best) };
  const model = modelIMessage(scenario, nodeId);
  // A ready-made line that already names the misconduct is as good as building one.
  const alreadyNames = best.uses.includes('N');
  if (model && node.misconduct && !alreadyNames && modelMerit(node) > option.merit) {
    return {
      id: I_MESSAGE_RESPONSE,
      says: sayPieces(model),
      feedback: MODEL_FEEDBACK,
      merit: modelMerit(node),
    };
  }
  return option;
}

/** What the coach says about an assembled I-message. */
export function iMessageFeedback(a: IMessageAssessment): string {
  if (a.misplaced) {
    return 'Nobody had crossed a line here, so an I-message lands as a reprimand. This moment needed listening, reflecting or an apology.';
  }
  const notes: string[] = [];
  if (a.missing.length > 0)
    notes.push(`It left out: ${a.missing.map((s) => I_STEP_NAMES[s].toLowerCase()).join(', ')}.`);
  if (!a.ordered)
    notes.push(
      'The steps came out of order; attention, feeling, behaviour, consequence keeps it calm and clear.',
    );
  if (a.harsh > 0) notes.push('A harsh piece turned it into blame, and blame invites a fight.');
  if (a.rambled)
    notes.push(
      'You kept talking after the consequence, and the extra words lit the fuse again. Say the four steps, then stop and wait.',
    );
  return notes.length === 0 ? `A clean I-message. ${MODEL_FEEDBACK}` : notes.join(' ');
}

function gradeOf(total: number): ScoreResult['grade'] {
  if (total >= 850) return 'A';
  if (total >= 700) return 'B';
  if (total >= 550) return 'C';
  if (total >= 400) return 'D';
  return 'E';
}

/** Scores a call from its step records (live or replayed: the two are the same data). */
export function scoreRecords(scenario: Scenario, records: readonly StepRecord[]): ScoreResult {
  const letters = Object.fromEntries(
    LETTERS.map((l) => [l, { opportunities: 0, hits: 0, ratio: null }]),
  ) as Record<Letter, LetterScore>;
  const donts: ScoreResult['donts'] = [];
  const decisions: Decision[] = [];
  const timeline: ScoreResult['timeline'] = [
    { at: 0, anger: scenario.customer.anger, trust: scenario.customer.trust, decision: null },
  ];
  const timing = { answers: 0, rushed: 0, silences: 0 };

  let lowest = records[0]?.before.composure ?? 100;
  const timeouts: ScoreResult['composure']['timeouts'] = [];
  for (const record of records) {
    const { event, after } = record;
    lowest = Math.min(lowest, record.before.composure, after.composure);
    if (event.kind === 'silence') {
      timing.silences++;
      timeline.push({ at: event.at, anger: after.anger, trust: after.trust, decision: null });
      continue;
    }
    if (event.kind === 'timeout') {
      const helpful = record.thought?.helpful ?? false;
      timeouts.push({
        at: event.at,
        node: event.node,
        thought: record.thought?.text ?? event.thought,
        helpful,
      });
      if (!helpful) donts.push({ dont: 'negative-self-talk', node: event.node, response: event.thought });
      continue;
    }
    const node = own(scenario.nodes, event.node);
    if (!node) continue;
    let said: {
      id: string;
      says: string;
      feedback: string;
      uses: readonly string[];
      breaks: Dont[];
      merit: number;
    };
    let misplacedN: boolean;
    const assessment = event.kind === 'i-message' ? record.iMessage : undefined;
    if (event.kind === 'i-message') {
      if (!assessment) continue;
      const named =
        !assessment.misplaced &&
        !assessment.missing.includes('feeling') &&
        !assessment.missing.includes('behaviour');
      said = {
        id: I_MESSAGE_RESPONSE,
        says: assessment.says,
        feedback: iMessageFeedback(assessment),
        uses: named ? ['N'] : [],
        breaks: [],
        merit: assessment.flaws.length === 0 && !assessment.misplaced ? modelMerit(node) : -1000,
      };
      misplacedN = assessment.misplaced;
      for (const flaw of assessment.flaws)
        donts.push({ dont: flaw, node: event.node, response: I_MESSAGE_RESPONSE });
    } else {
      const response = node.responses.find((r) => r.id === event.response);
      if (!response) continue;
      said = { ...response, merit: merit(node, response) };
      misplacedN = response.uses.includes('N') && !node.misconduct;
    }
    timing.answers++;
    if (record.rushed) timing.rushed++;
    const hits = node.calls_for.filter((l) => said.uses.includes(l));
    for (const l of node.calls_for) letters[l].opportunities++;
    for (const l of hits) letters[l].hits++;
    for (const dont of said.breaks) donts.push({ dont, node: event.node, response: said.id });
    if (misplacedN) donts.push({ dont: 'early-i-message', node: event.node, response: said.id });
    const best = bestOption(scenario, event.node, node);
    decisions.push({
      kind: event.kind,
      index: decisions.length,
      node: event.node,
      at: event.at,
      response: said.id,
      says: said.says,
      feedback: said.feedback,
      calledFor: [...node.calls_for],
      hits,
      breaks: [...said.breaks],
      misplacedN,
      rushed: record.rushed,
      angerAfter: after.anger,
      trustAfter: after.trust,
      better: best.merit > said.merit ? { id: best.id, says: best.says, feedback: best.feedback } : null,
      ...(assessment ? { iMessage: assessment } : {}),
    });
    timeline.push({ at: event.at, anger: after.anger, trust: after.trust, decision: decisions.length - 1 });
  }

  const offered = LETTERS.filter((l) => letters[l].opportunities > 0);
  for (const l of offered) letters[l].ratio = letters[l].hits / letters[l].opportunities;
  const meanRatio =
    offered.length === 0 ? 0 : offered.reduce((sum, l) => sum + (letters[l].ratio ?? 0), 0) / offered.length;

  const last = records.at(-1)?.after;
  const endingId = last?.ending ?? null;
  const ending = endingId === null ? undefined : own(scenario.endings, endingId);
  const moments = timing.answers + timing.silences;
  const parts = {
    technique: Math.round(WEIGHTS.technique * meanRatio),
    conduct: Math.max(0, WEIGHTS.conduct - DONT_COST * donts.length),
    timing: moments === 0 ? 0 : Math.round((WEIGHTS.timing * (timing.answers - timing.rushed)) / moments),
    outcome: ending
      ? KIND_POINTS[ending.kind] +
        Math.round((SCALE_POINTS * ending.gratitude) / 4 + (SCALE_POINTS * ending.recommit) / 4)
      : 0,
  };
  const total = parts.technique + parts.conduct + parts.timing + parts.outcome;
  return {
    total,
    grade: gradeOf(total),
    parts,
    letters,
    donts,
    timing,
    composure: { lowest, final: last?.composure ?? lowest, timeouts },
    ending:
      ending && endingId !== null
        ? {
            id: endingId,
            kind: ending.kind,
            gratitude: ending.gratitude,
            recommit: ending.recommit,
            cost: ending.cost,
            narrative: ending.narrative,
          }
        : null,
    decisions,
    timeline,
  };
}
