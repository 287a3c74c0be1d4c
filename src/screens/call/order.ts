/**
 * The order answers are offered in. Authors tend to write the best answer first; shown in file
 * order, "always press 1" would win. Each node's answers (and the I-message builder's pieces) are
 * shuffled with a seed of the scenario, the node and the trainee's attempt number on this device:
 * the order carries no hint and changes from one attempt to the next (a position cannot be learnt),
 * yet it holds through a reload mid-call and is the same for anyone's first attempt. Only the
 * display changes: the transcript records which answer was given, never its position.
 */
import { own, type Scenario, type ScenarioResponse } from '../../engine/index.js';

/** A stable shuffle: the same items and seed always give the same order. */
export function stableShuffle<T>(items: readonly T[], seed: string): T[] {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    const j = h % (i + 1);
    const a = out[i];
    const b = out[j];
    if (a !== undefined && b !== undefined) {
      out[i] = b;
      out[j] = a;
    }
  }
  return out;
}

/** The seed for a node's answers or pieces on the trainee's `attempt`-th call of the scenario (from 0). */
export function orderSeed(scenario: Scenario, nodeId: string, attempt: number): string {
  return `${scenario.id}:${nodeId}:${attempt}`;
}

/** The answers at a node, in the order the page shows and numbers them. */
export function answerOrder(scenario: Scenario, nodeId: string, attempt: number): ScenarioResponse[] {
  return stableShuffle(
    own(scenario.nodes, nodeId)?.responses ?? [],
    `${orderSeed(scenario, nodeId, attempt)}:answers`,
  );
}
