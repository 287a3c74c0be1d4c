/**
 * Conditions in words, and why a `next` led where it did: one table of tests, shared by author
 * mode's live panel, its graph and the diagram export. A new kind of test is one more row. The
 * words come from a `Wording`: English by default (the CLI, the diagram), the page's language in
 * author mode.
 */
import { CONDITION_ENGLISH, type ConditionWord } from './condition-english.js';
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

export { CONDITION_ENGLISH, type ConditionWord };

/** How conditions and routes are worded: each key's words with `{name}`s filled, and a number. */
export interface Wording {
  say(word: ConditionWord, params?: Readonly<Record<string, string | number>>): string;
  amount(value: number): string;
}

/** English, numbers as the engine writes them (whole, or to the cent). */
export const ENGLISH_WORDING: Wording = {
  say: (word, params = {}) =>
    CONDITION_ENGLISH[word].replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    ),
  amount: formatAmount,
};

type Test = (value: never, w: Wording, numbers?: Numbers) => string;

/** Anger or trust against a value: alone "anger ≥ 60", read against the call "anger 62 ≥ 60". */
const compare =
  (what: 'anger' | 'trust', atLeast: boolean): Test =>
  (value: number, w: Wording, numbers?: Numbers) => {
    const name = w.say(what);
    if (!numbers) return `${name} ${atLeast ? '≥' : '<'} ${w.amount(value)}`;
    // Always a true statement: the number and which side of the value it is on.
    const now = numbers[what];
    return `${name} ${w.amount(now)} ${now >= value ? '≥' : '<'} ${w.amount(value)}`;
  };

const flag =
  (set: boolean): Test =>
  (value: string, w: Wording, numbers?: Numbers) =>
    w.say((numbers ? numbers.flags.includes(value) : set) ? 'flagSet' : 'flagNotSet', { flag: value });

/** Every condition test that stands alone (a variable's tests and the lists are read below). */
const TESTS: Partial<Record<keyof Condition, Test>> = {
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

/** The fields read with `var`, or as lists, rather than on their own. */
const READ_BELOW = new Set(['any', 'all', 'var', 'at_least', 'below', 'equals']);

function parts(condition: Condition, w: Wording, numbers?: Numbers): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(condition) as [string, unknown][]) {
    if (value === undefined || READ_BELOW.has(key)) continue;
    const test = TESTS[key as keyof Condition];
    // A test this table does not know yet still shows, as written in the file.
    out.push(test ? test(value as never, w, numbers) : `${key.replace(/_/g, ' ')} ${JSON.stringify(value)}`);
  }
  const name = condition.var;
  if (name !== undefined) {
    const now = numbers ? (own(numbers.vars ?? {}, name) ?? 0) : undefined;
    for (const test of VARIABLE_TESTS) {
      const value = condition[test.key];
      if (value === undefined) continue;
      if (now === undefined) out.push(`${name} ${test.sign} ${w.amount(value)}`);
      else {
        const sign = test.holds(now, value) ? test.sign : test.not;
        out.push(`${name} ${w.amount(now)} ${sign} ${w.amount(value)}`);
      }
    }
  }
  const and = ` ${w.say('and')} `;
  const list = (conditions: readonly Condition[], joiner: string) =>
    `(${conditions.map((c) => parts(c, w, numbers).join(numbers ? ', ' : and)).join(joiner)})`;
  if (condition.all) out.push(list(condition.all, numbers ? '; ' : and));
  if (condition.any) out.push(list(condition.any, ` ${w.say('or')} `));
  return out;
}

/** A condition in words: "anger ≥ 60 and flag blamed set". */
export function conditionText(condition: Condition, w: Wording = ENGLISH_WORDING): string {
  return parts(condition, w).join(` ${w.say('and')} `);
}

/**
 * A condition read against the call's numbers, each test as what is true now: "anger 62 ≥ 60,
 * flag blamed set" (or, where it failed, "anger 45 < 60").
 */
export function conditionTextAt(
  condition: Condition,
  numbers: Numbers,
  w: Wording = ENGLISH_WORDING,
): string {
  return parts(condition, w, numbers).join(', ');
}

/** A branch's label on a graph's arrow: its condition, or "otherwise" for the default. */
export function branchText(branch: Branch, w: Wording = ENGLISH_WORDING): string {
  return branch.when ? conditionText(branch.when, w) : w.say('otherwise');
}

/**
 * Why a `next` led where it did, as a sentence for the live panel:
 * "anger 62 ≥ 60 → 'shouting' (branch 1 of 2)", "anger reached 100 → 'walks-away'".
 */
export function routeText(
  next: string | readonly Branch[],
  route: Route,
  numbers: Numbers,
  w: Wording = ENGLISH_WORDING,
): string {
  const to = route.goto;
  if (route.by === 'max-anger') return w.say('maxAnger', { max: MAX_ANGER, to });
  if (route.by === 'direct' || typeof next === 'string') return w.say('direct', { to });
  const index = route.branch ?? next.length - 1;
  const branch = next[index];
  const where = { to, n: index + 1, count: next.length };
  if (branch?.when) return w.say('branch', { condition: conditionTextAt(branch.when, numbers, w), ...where });
  const skipped = next.slice(0, index).flatMap((b) => (b.when ? [conditionTextAt(b.when, numbers, w)] : []));
  return w.say('otherwiseBranch', {
    skipped: skipped.length ? skipped.join('; ') : w.say('noCondition'),
    ...where,
  });
}

/**
 * What one step of a call did to where it is, in a sentence: the answer's route and why, a silence
 * that ran out, a time-out. Null for a record this scenario cannot explain.
 */
export function stepRouteText(
  scenario: Scenario,
  record: StepRecord,
  w: Wording = ENGLISH_WORDING,
): string | null {
  const { event, after } = record;
  const numbers = { anger: after.anger, trust: after.trust, flags: after.flags, vars: after.vars };
  if (event.kind === 'timeout') return w.say('timeOut', { node: event.node });
  if (event.kind === 'silence') {
    return after.node === null
      ? w.say('silenceEnded', { node: event.node, max: MAX_ANGER, ending: after.ending ?? '' })
      : w.say('silence', { node: event.node, anger: after.anger });
  }
  const node = own(scenario.nodes, event.node);
  const said = event.kind === 'i-message' ? w.say('iMessage') : w.say('answer', { response: event.response });
  const next =
    event.kind === 'i-message'
      ? node?.i_message?.next
      : node?.responses.find((r) => r.id === event.response)?.next;
  if (next === undefined) return null;
  const route = routeOf(scenario, next, after.anger, after.trust, after.flags, after.vars);
  return w.say('after', { said, node: event.node, route: routeText(next, route, numbers, w) });
}
