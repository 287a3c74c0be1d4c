/**
 * Conditions in words, and why a `next` led where it did: one table of tests, shared by author
 * mode's live panel, its graph and the diagram export. A new kind of test is one more row.
 */
import { MAX_ANGER } from './mood.js';
import { own } from './own.js';
import type { Branch, ConditionShape as Condition, Scenario } from './schema.js';
import { formatAmount, routeOf, type Route, type StepRecord, type Vars } from './step.js';

/** The numbers a condition is read against: those after the answer's own effect. */
export interface Numbers {
  anger: number;
  trust: number;
  flags: readonly string[];
  vars?: Vars;
}

interface TestWords {
  /** The test alone: "anger ≥ 60". */
  says: (value: never) => string;
  /** The test with the call's numbers in it: "anger 62 ≥ 60". */
  at: (value: never, n: Numbers) => string;
}

const row = <V>(says: (v: V) => string, at: (v: V, n: Numbers) => string): TestWords => ({ says, at });

/** Every condition test, in the order they are written out. */
const compare = (what: 'anger' | 'trust', atLeast: boolean) =>
  row<number>(
    (v) => `${what} ${atLeast ? '≥' : '<'} ${v}`,
    // Always a true statement: the number and which side of the value it is on.
    (v, n) => `${what} ${n[what]} ${n[what] >= v ? '≥' : '<'} ${v}`,
  );
const flag = (set: boolean) =>
  row<string>(
    (v) => `flag ${v} ${set ? 'set' : 'not set'}`,
    (v, n) => `flag ${v} ${n.flags.includes(v) ? 'set' : 'not set'}`,
  );

/** Every condition test that stands alone (a variable's tests and the lists are read below). */
const TESTS: Partial<Record<keyof Condition, TestWords>> = {
  anger_at_least: compare('anger', true),
  anger_below: compare('anger', false),
  trust_at_least: compare('trust', true),
  trust_below: compare('trust', false),
  flag: flag(true),
  not_flag: flag(false),
};

/** A number variable's tests, with the sign each one asks for and its opposite. */
const VARIABLE_TESTS = [
  { key: 'at_least', holds: (a: number, b: number) => a >= b, sign: '≥', not: '<' },
  { key: 'below', holds: (a: number, b: number) => a < b, sign: '<', not: '≥' },
  { key: 'equals', holds: (a: number, b: number) => a === b, sign: '=', not: '≠' },
] as const;

function parts(condition: Condition, numbers?: Numbers): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(condition) as [string, unknown][]) {
    if (value === undefined || key === 'any' || key === 'all' || key === 'var') continue;
    if (key === 'at_least' || key === 'below' || key === 'equals') continue;
    const words = TESTS[key as keyof Condition];
    // A test this table does not know yet still shows, as written in the file.
    if (!words) out.push(`${key.replace(/_/g, ' ')} ${JSON.stringify(value)}`);
    else out.push(numbers ? words.at(value as never, numbers) : words.says(value as never));
  }
  const name = condition.var;
  if (name !== undefined) {
    const now = numbers ? (own(numbers.vars ?? {}, name) ?? 0) : undefined;
    for (const test of VARIABLE_TESTS) {
      const value = condition[test.key];
      if (value === undefined) continue;
      if (now === undefined) out.push(`${name} ${test.sign} ${formatAmount(value)}`);
      else {
        const sign = test.holds(now, value) ? test.sign : test.not;
        out.push(`${name} ${formatAmount(now)} ${sign} ${formatAmount(value)}`);
      }
    }
  }
  const list = (conditions: readonly Condition[], joiner: string) =>
    `(${conditions.map((c) => parts(c, numbers).join(numbers ? ', ' : ' and ')).join(joiner)})`;
  if (condition.all) out.push(list(condition.all, numbers ? '; ' : ' and '));
  if (condition.any) out.push(list(condition.any, ' or '));
  return out;
}

/** A condition in words: "anger ≥ 60 and flag blamed set". */
export function conditionText(condition: Condition): string {
  return parts(condition).join(' and ');
}

/**
 * A condition read against the call's numbers, each test as what is true now: "anger 62 ≥ 60,
 * flag blamed set" (or, where it failed, "anger 45 < 60").
 */
export function conditionTextAt(condition: Condition, numbers: Numbers): string {
  return parts(condition, numbers).join(', ');
}

/** A branch's label on a graph's arrow: its condition, or "otherwise" for the default. */
export function branchText(branch: Branch): string {
  return branch.when ? conditionText(branch.when) : 'otherwise';
}

/**
 * Why a `next` led where it did, as a sentence for the live panel:
 * "anger 62 ≥ 60 → 'shouting' (branch 1 of 2)", "anger reached 100 → 'walks-away'".
 */
export function routeText(next: string | readonly Branch[], route: Route, numbers: Numbers): string {
  const to = `'${route.goto}'`;
  if (route.by === 'max-anger') {
    return `anger reached ${MAX_ANGER} → ${to}, the ending for anger at the top, whatever the answer's next`;
  }
  if (route.by === 'direct' || typeof next === 'string')
    return `straight on → ${to}, the answer's only way on`;
  const index = route.branch ?? next.length - 1;
  const branch = next[index];
  const of = `branch ${index + 1} of ${next.length}`;
  if (branch?.when) return `${conditionTextAt(branch.when, numbers)} → ${to} (${of})`;
  const skipped = next.slice(0, index).flatMap((b) => (b.when ? [conditionTextAt(b.when, numbers)] : []));
  return `${skipped.length ? skipped.join('; ') : 'no condition'} → ${to}, otherwise (${of})`;
}

/**
 * What one step of a call did to where it is, in a sentence: the answer's route and why, a silence
 * that ran out, a time-out. Null for a record this scenario cannot explain.
 */
export function stepRouteText(scenario: Scenario, record: StepRecord): string | null {
  const { event, after } = record;
  const numbers = { anger: after.anger, trust: after.trust, flags: after.flags, vars: after.vars };
  if (event.kind === 'timeout') return `A time-out at '${event.node}': the call stays there.`;
  if (event.kind === 'silence') {
    return after.node === null
      ? `Silence at '${event.node}': anger reached ${MAX_ANGER} → '${after.ending ?? ''}'.`
      : `Silence at '${event.node}': anger rose to ${after.anger}; the customer says it again.`;
  }
  const node = own(scenario.nodes, event.node);
  const said = event.kind === 'i-message' ? 'the I-message' : `'${event.response}'`;
  const next =
    event.kind === 'i-message'
      ? node?.i_message?.next
      : node?.responses.find((r) => r.id === event.response)?.next;
  if (next === undefined) return null;
  const route = routeOf(scenario, next, after.anger, after.trust, after.flags, after.vars);
  return `After ${said} at '${event.node}': ${routeText(next, route, numbers)}.`;
}
