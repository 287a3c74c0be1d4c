/** Scoring: a pure function of the scenario and what happened, rewarding the method and never speed. */
import type { Scenario, ScenarioNode, ScenarioResponse } from './schema.js';
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

export interface Decision {
  index: number;
  node: string;
  at: number;
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
}

export interface ScoreResult {
  total: number;
  grade: 'A' | 'B' | 'C' | 'D' | 'E';
  parts: { technique: number; conduct: number; timing: number; outcome: number };
  letters: Record<Letter, LetterScore>;
  donts: { dont: Dont | 'early-i-message'; node: string; response: string }[];
  timing: { answers: number; rushed: number; silences: number };
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

  for (const record of records) {
    const { event, after } = record;
    if (event.kind === 'silence') {
      timing.silences++;
      timeline.push({ at: event.at, anger: after.anger, trust: after.trust, decision: null });
      continue;
    }
    const node = scenario.nodes[event.node];
    const response = node?.responses.find((r) => r.id === event.response);
    if (!node || !response) continue;
    timing.answers++;
    if (record.rushed) timing.rushed++;
    const hits = node.calls_for.filter((l) => response.uses.includes(l));
    for (const l of node.calls_for) letters[l].opportunities++;
    for (const l of hits) letters[l].hits++;
    const misplacedN = response.uses.includes('N') && !node.misconduct;
    for (const dont of response.breaks) donts.push({ dont, node: event.node, response: response.id });
    if (misplacedN) donts.push({ dont: 'early-i-message', node: event.node, response: response.id });
    const best = bestResponse(node);
    decisions.push({
      index: decisions.length,
      node: event.node,
      at: event.at,
      response: response.id,
      says: response.says,
      feedback: response.feedback,
      calledFor: [...node.calls_for],
      hits,
      breaks: [...response.breaks],
      misplacedN,
      rushed: record.rushed,
      angerAfter: after.anger,
      trustAfter: after.trust,
      better:
        merit(node, best) > merit(node, response)
          ? { id: best.id, says: best.says, feedback: best.feedback }
          : null,
    });
    timeline.push({ at: event.at, anger: after.anger, trust: after.trust, decision: decisions.length - 1 });
  }

  const offered = LETTERS.filter((l) => letters[l].opportunities > 0);
  for (const l of offered) letters[l].ratio = letters[l].hits / letters[l].opportunities;
  const meanRatio =
    offered.length === 0 ? 0 : offered.reduce((sum, l) => sum + (letters[l].ratio ?? 0), 0) / offered.length;

  const last = records.at(-1)?.after;
  const endingId = last?.ending ?? null;
  const ending = endingId === null ? undefined : scenario.endings[endingId];
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
