/**
 * The better option at a moment: each response's merit at its node, and the strongest thing to have
 * said there (a written response, or the clean I-message where the customer crossed a line).
 */
import { I_MESSAGE_EFFECT, modelIMessage, sayPieces } from './method.js';
import type { Scenario, ScenarioNode, ScenarioResponse } from './schema.js';

/**
 * The id a decision records when the trainee assembled an I-message instead of picking a line. Not a
 * valid response id, so it can never be mistaken for a ready-made line.
 */
export const I_MESSAGE_RESPONSE = '#i-message';

/** Points of merit per letter hit and per fault: an integer scale, so ties are exact. */
const MERIT_STEP = 30;

/** The faults a written answer carries at its node: its don'ts, and N where nobody crossed a line. */
export function responseFaults(node: ScenarioNode, response: ScenarioResponse): number {
  return response.breaks.length + (response.uses.includes('N') && !node.misconduct ? 1 : 0);
}

/** A response's merit at its node, used to name the better option. Integer, so ties are exact. */
export function merit(node: ScenarioNode, response: ScenarioResponse): number {
  const hits = response.uses.filter((l) => node.calls_for.includes(l)).length;
  return MERIT_STEP * hits - MERIT_STEP * responseFaults(node, response) - response.anger + response.trust;
}

/** The strongest response at a node; the first one wins a tie. */
export function bestResponse(node: ScenarioNode): ScenarioResponse {
  let best = node.responses[0];
  for (const r of node.responses) if (best === undefined || merit(node, r) > merit(node, best)) best = r;
  if (best === undefined) throw new Error('a node has at least two responses');
  return best;
}

/** Merit of the clean I-message at a node, on the same scale as merit(). */
export function modelMerit(node: ScenarioNode): number {
  const clean = node.misconduct ? I_MESSAGE_EFFECT.clean : I_MESSAGE_EFFECT.misplaced;
  const hits = node.misconduct && node.calls_for.includes('N') ? 1 : 0;
  return MERIT_STEP * hits - MERIT_STEP * (node.misconduct ? 0 : 1) - clean.anger + clean.trust;
}

export const MODEL_FEEDBACK =
  'Four calm steps, then silence: their attention, your feeling, the behaviour, its consequence. It names the line that was crossed without attacking the person, and leaves them room to step back.';

export interface BestOption {
  /** A response id, or I_MESSAGE_RESPONSE for the clean I-message. */
  id: string;
  says: string;
  feedback: string;
  merit: number;
  /** For the clean I-message: its piece ids, in order. */
  parts?: string[];
}

/** Best options per scenario and node: a loaded scenario never changes, so each is worked out once. */
const bestOptions = new WeakMap<Scenario, Map<string, BestOption>>();

/** The best thing to have said at a node: a response, or the clean I-message where it fits. */
export function bestOption(scenario: Scenario, nodeId: string, node: ScenarioNode): BestOption {
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

function findBestOption(scenario: Scenario, nodeId: string, node: ScenarioNode): BestOption {
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
      parts: model.map((p) => p.id),
    };
  }
  return option;
}
