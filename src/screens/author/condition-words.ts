/**
 * Conditions and routes in the page's language: the live panel's "why it went there" and the
 * graph's arrow labels. The same reading as src/engine/condition-text.ts (which words them in
 * English for the CLI and the diagram export), through the catalogue; a test checks the two agree
 * in English.
 */
import {
  MAX_ANGER,
  own,
  routeOf,
  type Branch,
  type ConditionShape as Condition,
  type Route,
  type Scenario,
  type StepRecord,
} from '../../engine/index.js';
import type { Numbers } from '../../engine/condition-text.js';
import { formatNumber, t } from '../i18n/index.js';

/** A number as the condition holds it, the language's way: 2 decimals where it has any, no grouping. */
export function amount(value: number): string {
  const digits = Number.isInteger(value) ? 0 : 2;
  return formatNumber(value, {
    useGrouping: false,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

type Test = (value: never, numbers?: Numbers) => string;

/** Anger or trust against a value: alone "anger ≥ 60", read against the call "anger 62 ≥ 60". */
const compare =
  (what: 'anger' | 'trust', atLeast: boolean): Test =>
  (value: number, numbers?: Numbers) => {
    const name = t(what === 'anger' ? 'author.cond.anger' : 'author.cond.trust');
    if (!numbers) return `${name} ${atLeast ? '≥' : '<'} ${amount(value)}`;
    // Always a true statement: the number and which side of the value it is on.
    const now = numbers[what];
    return `${name} ${amount(now)} ${now >= value ? '≥' : '<'} ${amount(value)}`;
  };

const flag =
  (set: boolean): Test =>
  (value: string, numbers?: Numbers) =>
    t((numbers ? numbers.flags.includes(value) : set) ? 'author.cond.flagSet' : 'author.cond.flagNotSet', {
      flag: value,
    });

/** Every test that stands alone; a variable's tests and the lists are read below. */
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

const joined = (word: 'author.cond.and' | 'author.cond.or') => ` ${t(word)} `;

function parts(condition: Condition, numbers?: Numbers): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(condition) as [string, unknown][]) {
    if (value === undefined || READ_BELOW.has(key)) continue;
    const test = TESTS[key as keyof Condition];
    // A test this table does not know yet still shows, as written in the file.
    out.push(test ? test(value as never, numbers) : `${key.replace(/_/g, ' ')} ${JSON.stringify(value)}`);
  }
  const name = condition.var;
  if (name !== undefined) {
    const now = numbers ? (own(numbers.vars ?? {}, name) ?? 0) : undefined;
    for (const test of VARIABLE_TESTS) {
      const value = condition[test.key];
      if (value === undefined) continue;
      if (now === undefined) out.push(`${name} ${test.sign} ${amount(value)}`);
      else
        out.push(`${name} ${amount(now)} ${test.holds(now, value) ? test.sign : test.not} ${amount(value)}`);
    }
  }
  const and = numbers ? ', ' : joined('author.cond.and');
  const list = (conditions: readonly Condition[], joiner: string) =>
    `(${conditions.map((c) => parts(c, numbers).join(and)).join(joiner)})`;
  if (condition.all) out.push(list(condition.all, numbers ? '; ' : joined('author.cond.and')));
  if (condition.any) out.push(list(condition.any, joined('author.cond.or')));
  return out;
}

/** A condition in words: "anger ≥ 60 and flag blamed set". */
export function conditionWords(condition: Condition): string {
  return parts(condition).join(joined('author.cond.and'));
}

/** A condition read against the call's numbers, each test as what is true now: "anger 62 ≥ 60, flag blamed set". */
export function conditionWordsAt(condition: Condition, numbers: Numbers): string {
  return parts(condition, numbers).join(', ');
}

/** A branch's label on the graph's arrow: its condition, or "otherwise" for the default. */
export function branchWords(branch: Branch): string {
  return branch.when ? conditionWords(branch.when) : t('author.cond.otherwise');
}

/** Why a `next` led where it did: "anger 62 ≥ 60 → 'shouting' (branch 1 of 2)". */
export function routeWords(next: string | readonly Branch[], route: Route, numbers: Numbers): string {
  const to = route.goto;
  if (route.by === 'max-anger') return t('author.route.maxAnger', { max: MAX_ANGER, to });
  if (route.by === 'direct' || typeof next === 'string') return t('author.route.direct', { to });
  const index = route.branch ?? next.length - 1;
  const branch = next[index];
  const where = { to, n: index + 1, count: next.length };
  if (branch?.when)
    return t('author.route.branch', { condition: conditionWordsAt(branch.when, numbers), ...where });
  const skipped = next.slice(0, index).flatMap((b) => (b.when ? [conditionWordsAt(b.when, numbers)] : []));
  return t('author.route.otherwise', {
    skipped: skipped.length ? skipped.join('; ') : t('author.route.noCondition'),
    ...where,
  });
}

/** What one step of a call did to where it is, in a sentence; null for a record the scenario cannot explain. */
export function stepRouteWords(scenario: Scenario, record: StepRecord): string | null {
  const { event, after } = record;
  const numbers = { anger: after.anger, trust: after.trust, flags: after.flags, vars: after.vars };
  if (event.kind === 'timeout') return t('author.route.timeOut', { node: event.node });
  if (event.kind === 'silence') {
    return after.node === null
      ? t('author.route.silenceEnded', { node: event.node, max: MAX_ANGER, ending: after.ending ?? '' })
      : t('author.route.silence', { node: event.node, anger: after.anger });
  }
  const node = own(scenario.nodes, event.node);
  const said =
    event.kind === 'i-message'
      ? t('author.route.iMessage')
      : t('author.route.answer', { response: event.response });
  const next =
    event.kind === 'i-message'
      ? node?.i_message?.next
      : node?.responses.find((r) => r.id === event.response)?.next;
  if (next === undefined) return null;
  const route = routeOf(scenario, next, after.anger, after.trust, after.flags, after.vars);
  return t('author.route.after', { said, node: event.node, route: routeWords(next, route, numbers) });
}
