/** The scenario as a graph of nodes and endings, every conditional branch counted as possible. */
import type { Branch, Scenario, ScenarioNode, ScenarioResponse } from './schema.js';
import { own } from './own.js';

type Next = string | Branch[];

/** Every id a `next` can lead to, in branch order. */
export function targetsOfNext(next: Next): string[] {
  return typeof next === 'string' ? [next] : next.map((b) => b.goto);
}

/** Every id a response can lead to, in branch order. */
export function targetsOf(response: ScenarioResponse): string[] {
  return targetsOfNext(response.next);
}

/** Every id a node can lead to: its responses, then its I-message builder, then its own next. */
export function nodeTargets(node: ScenarioNode): string[] {
  // Plain loops: the graph checks call this for every node, several times over.
  const out: string[] = [];
  for (const response of node.responses) pushTargets(out, response.next);
  if (node.i_message) pushTargets(out, node.i_message.next);
  if (node.next !== undefined) pushTargets(out, node.next);
  return out;
}

function pushTargets(out: string[], next: Next): void {
  if (typeof next === 'string') out.push(next);
  else for (const branch of next) out.push(branch.goto);
}

/** Ids reachable from `from` following responses forward (nodes and endings alike). */
export function reachableFrom(scenario: Scenario, from: string): Set<string> {
  const seen = new Set<string>([from]);
  // A read index rather than queue.shift(), which copies the queue on every call in large graphs.
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = own(scenario.nodes, queue[head] as string);
    if (!node) continue;
    for (const target of nodeTargets(node)) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

/** Nodes from which some ending in `goal` can be reached (anger running out is not counted). */
export function nodesReaching(scenario: Scenario, goal: ReadonlySet<string>): Set<string> {
  // Walks the edges backwards from the goal, so each edge is looked at once.
  const from = new Map<string, string[]>();
  for (const [id, node] of Object.entries(scenario.nodes)) {
    for (const target of nodeTargets(node)) {
      const sources = from.get(target);
      if (sources) sources.push(id);
      else from.set(target, [id]);
    }
  }
  const reaching = new Set<string>();
  const queue = [...goal];
  for (let head = 0; head < queue.length; head++) {
    for (const id of from.get(queue[head] as string) ?? []) {
      if (!reaching.has(id)) {
        reaching.add(id);
        queue.push(id);
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
    const node = own(scenario.nodes, id);
    for (const t of node ? nodeTargets(node) : []) {
      if (!inSet.has(t)) continue;
      if (!index.has(t)) {
        visit(t);
        low.set(id, Math.min(low.get(id) ?? 0, low.get(t) ?? 0));
      } else if (onStack.has(t)) {
        low.set(id, Math.min(low.get(id) ?? 0, index.get(t) ?? 0));
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
