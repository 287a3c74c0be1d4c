/** The scenario as a graph of nodes and endings, every conditional branch counted as possible. */
import type { Scenario, ScenarioResponse } from './schema.js';

/** Every id a response can lead to, in branch order. */
export function targetsOf(response: ScenarioResponse): string[] {
  return typeof response.next === 'string' ? [response.next] : response.next.map((b) => b.goto);
}

/** Ids reachable from `from` following responses forward (nodes and endings alike). */
export function reachableFrom(scenario: Scenario, from: string): Set<string> {
  const seen = new Set<string>([from]);
  const queue = [from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const response of scenario.nodes[id]?.responses ?? []) {
      for (const target of targetsOf(response)) {
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
  }
  return seen;
}

/** Nodes from which some ending in `goal` can be reached (anger running out is not counted). */
export function nodesReaching(scenario: Scenario, goal: ReadonlySet<string>): Set<string> {
  const reaching = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const [id, node] of Object.entries(scenario.nodes)) {
      if (reaching.has(id)) continue;
      if (node.responses.some((r) => targetsOf(r).some((t) => goal.has(t) || reaching.has(t)))) {
        reaching.add(id);
        changed = true;
      }
    }
  }
  return reaching;
}

/** Strongly connected groups of nodes (Tarjan), used to tell a closed loop from a path into one. */
export function loopsAmong(scenario: Scenario, ids: readonly string[]): string[][] {
  const inSet = new Set(ids);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  const visit = (id: string): void => {
    index.set(id, counter);
    low.set(id, counter);
    counter++;
    stack.push(id);
    onStack.add(id);
    for (const response of scenario.nodes[id]?.responses ?? []) {
      for (const t of targetsOf(response)) {
        if (!inSet.has(t)) continue;
        if (!index.has(t)) {
          visit(t);
          low.set(id, Math.min(low.get(id) ?? 0, low.get(t) ?? 0));
        } else if (onStack.has(t)) {
          low.set(id, Math.min(low.get(id) ?? 0, index.get(t) ?? 0));
        }
      }
    }
    if (low.get(id) === index.get(id)) {
      const group: string[] = [];
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        onStack.delete(top);
        group.push(top);
        if (top === id) break;
      }
      groups.push(group.reverse());
    }
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return groups;
}
