/**
 * Every state a call can reach (`walkStates`), and from it which mood bands the customer can be in
 * on arriving at each node (`entryMoods`, for the checker); the author's graph takes its ranges
 * from the same walk (mood-range.ts). Bounded: past the budget the walk gives up and says so.
 */
import { I_MESSAGE_EFFECT, I_STEPS, piecesAt } from './method.js';
import { MAX_ANGER, clampPercent, moodOf } from './mood.js';
import { own } from './own.js';
import type { Branch, Scenario, ScenarioResponse } from './schema.js';
import { MAX_LEADS, memoryKey, passesThrough, routeOf, startingVars, withVars, type Vars } from './step.js';
import type { Mood } from './vocabulary.js';

/** States walked, at most: a large scenario's check stays well under a second. */
export const MOOD_WALK_BUDGET = 50_000;

/** Parts an I-message may have (the transcript's limit). */
const MAX_PARTS = 8;

interface Effect {
  anger: number;
  trust: number;
}

/**
 * Every change to anger and trust an I-message said at `nodeId` can make, over every list of its
 * pieces a trainee could assemble (the same arithmetic as assessIMessage), or [] without a builder.
 */
export function iMessageEffects(scenario: Scenario, nodeId: string): Effect[] {
  const pieces = piecesAt(scenario, nodeId);
  if (!pieces) return [];
  // What matters of a choice of pieces: the steps covered (bits), how many, how many harsh, a ramble.
  type Choice = { mask: number; total: number; harsh: number; rambles: boolean };
  let choices = new Map<string, Choice>([['', { mask: 0, total: 0, harsh: 0, rambles: false }]]);
  [...I_STEPS, 'ramble' as const].forEach((step, g) => {
    const inStep = pieces.filter((p) => p.step === step);
    const harsh = inStep.filter((p) => p.tone === 'harsh').length;
    const calm = inStep.length - harsh;
    const next = new Map<string, Choice>();
    for (const c of choices.values()) {
      for (let k = 0; k <= inStep.length && c.total + k <= MAX_PARTS; k++) {
        for (let h = Math.max(0, k - calm); h <= Math.min(k, harsh); h++) {
          const choice = {
            mask: k > 0 && step !== 'ramble' ? c.mask | (1 << g) : c.mask,
            total: c.total + k,
            harsh: c.harsh + h,
            rambles: c.rambles || (k > 0 && step === 'ramble'),
          };
          next.set(`${choice.mask}|${choice.total}|${choice.harsh}|${choice.rambles}`, choice);
        }
      }
    }
    choices = next;
  });
  const e = I_MESSAGE_EFFECT;
  const base = own(scenario.nodes, nodeId)?.misconduct ? e.clean : e.misplaced;
  const effects = new Map<string, Effect>();
  for (const { mask, total, harsh, rambles } of choices.values()) {
    if (total === 0) continue;
    const steps = I_STEPS.filter((_, i) => (mask & (1 << i)) !== 0).length;
    const missing = I_STEPS.length - steps;
    const rambled = rambles || total > I_STEPS.length;
    // Two or more steps can be put out of order; one step (or none) cannot.
    for (const ordered of steps >= 2 ? [true, false] : [true]) {
      const add = (key: 'anger' | 'trust') =>
        base[key] +
        missing * e.perMissingStep[key] +
        (ordered ? 0 : e.outOfOrder[key]) +
        harsh * e.perHarshPiece[key] +
        (rambled ? e.ramble[key] : 0);
      const effect = { anger: add('anger'), trust: add('trust') };
      effects.set(`${effect.anger}|${effect.trust}`, effect);
    }
  }
  return [...effects.values()];
}

/** What a call remembers besides anger and trust. */
interface Memory {
  flags: string[];
  vars: Vars;
}

/** What a call remembers after a response: the same object when the response changes nothing. */
function remembers(memory: Memory, r: ScenarioResponse): Memory {
  const setsVars = Object.keys(r.set).length + Object.keys(r.add).length > 0;
  if (r.sets.length === 0 && !setsVars) return memory;
  const flags = r.sets.length === 0 ? memory.flags : [...new Set([...memory.flags, ...r.sets])].sort();
  return { flags, vars: setsVars ? withVars(memory.vars, r.set, r.add) : memory.vars };
}

/** Anger and trust each take 101 values (0–100). */
const SPAN = 101;

export interface WalkOptions {
  /** States walked, at most, before the walk gives up. */
  budget: number;
  /** Whether silences are walked too (each stays at its moment, angrier), or only answers. */
  silences: boolean;
}

/**
 * Told of each arrival: at a moment to answer, or one nobody answers passed on the way, with the
 * numbers on arriving (`answered` is false when a silence brought the call back to its moment).
 */
export type OnArrival = (node: string, anger: number, trust: number, answered: boolean) => void;

/**
 * Walks every state a call can reach, deduplicated on (node, anger, trust, flags, variables) — the
 * only things that decide where a call goes and which line is said — telling `onArrival` of each
 * arrival. Time, composure and time-outs never move anger or trust, so they are left out. Returns
 * false when the call has more than `budget` distinct states (the walk stopped part way). Each
 * state is one number, so the walk costs little more than a set lookup per move.
 */
export function walkStates(scenario: Scenario, options: WalkOptions, onArrival: OnArrival): boolean {
  const ids = Object.keys(scenario.nodes);
  const index = new Map(ids.map((id, i) => [id, i]));
  /** What calls remember (flags and variables) met so far, each once, by number. */
  const start: Memory = { flags: [], vars: startingVars(scenario) };
  const memories: Memory[] = [start];
  const memoryIds = new Map<string, number>([[memoryKey(start), 0]]);
  const memoryId = (memory: Memory): number => {
    const key = memoryKey(memory);
    let id = memoryIds.get(key);
    if (id === undefined) {
      id = memories.push(memory) - 1;
      memoryIds.set(key, id);
    }
    return id;
  };
  /** What each memory becomes after each response, worked out once (many states share a memory). */
  const after = new Map<number, Map<ScenarioResponse, number>>();
  const rememberedBy = (memId: number, memory: Memory, r: ScenarioResponse): number => {
    let known = after.get(memId);
    if (!known) after.set(memId, (known = new Map<ScenarioResponse, number>()));
    let id = known.get(r);
    if (id === undefined) {
      const next = remembers(memory, r);
      id = next === memory ? memId : memoryId(next);
      known.set(r, id);
    }
    return id;
  };
  const seen = new Set<number>();
  const queue: number[] = [];
  const visit = (target: string, anger: number, trust: number, memory: number, answered: boolean) => {
    const node = index.get(target);
    if (node === undefined) return;
    onArrival(target, anger, trust, answered);
    const state = ((memory * ids.length + node) * SPAN + anger) * SPAN + trust;
    if (seen.has(state)) return;
    seen.add(state);
    queue.push(state);
  };
  /** Goes by `next` with these numbers, past the moments nobody answers (each told of), and visits. */
  const go = (next: string | Branch[], anger: number, trust: number, memId: number) => {
    const { flags, vars } = memories[memId] ?? start;
    let at = routeOf(scenario, next, anger, trust, flags, vars).goto;
    for (let i = 0; i < MAX_LEADS; i++) {
      const node = own(scenario.nodes, at);
      if (!node || !passesThrough(node)) break;
      onArrival(at, anger, trust, true);
      at = routeOf(scenario, node.next, anger, trust, flags, vars).goto;
    }
    visit(at, anger, trust, memId, true);
  };
  const { customer } = scenario;
  go(scenario.start, customer.anger, customer.trust, 0);
  const effects = ids.map((id) => iMessageEffects(scenario, id));
  for (let i = 0; i < queue.length; i++) {
    if (seen.size > options.budget) return false;
    const state = queue[i] ?? 0;
    const trust = state % SPAN;
    const anger = Math.floor(state / SPAN) % SPAN;
    const at = Math.floor(state / SPAN / SPAN);
    const nodeIndex = at % ids.length;
    const memId = Math.floor(at / ids.length);
    const nodeId = ids[nodeIndex] ?? '';
    const node = own(scenario.nodes, nodeId);
    const memory = memories[memId] ?? start;
    if (!node) continue;
    for (const r of node.responses)
      go(
        r.next,
        clampPercent(anger + r.anger),
        clampPercent(trust + r.trust),
        rememberedBy(memId, memory, r),
      );
    const builder = node.i_message;
    for (const effect of builder ? (effects[nodeIndex] ?? []) : []) {
      const next = builder?.next ?? scenario.at_max_anger;
      go(next, clampPercent(anger + effect.anger), clampPercent(trust + effect.trust), memId);
    }
    // A silence: the customer stays at this node, angrier, and says their silence line instead.
    const a = clampPercent(anger + customer.silence_anger);
    if (options.silences && a < MAX_ANGER) visit(nodeId, a, trust, memId, false);
  }
  return true;
}

/**
 * The moods each node can be entered in (a node's `says:` line is chosen on arrival), silences
 * included, or null when the call has more than `budget` distinct states.
 */
export function entryMoods(scenario: Scenario, budget = MOOD_WALK_BUDGET): Map<string, Set<Mood>> | null {
  const entered = new Map(Object.keys(scenario.nodes).map((id) => [id, new Set<Mood>()]));
  const walked = walkStates(scenario, { budget, silences: true }, (node, anger, trust, answered) => {
    if (answered) entered.get(node)?.add(moodOf(anger, trust));
  });
  return walked ? entered : null;
}
