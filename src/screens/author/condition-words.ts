/**
 * Conditions and routes in the page's language: the live panel's "why it went there" and the
 * graph's arrow labels. The reading is the engine's (src/engine/condition-text.ts, in English for
 * the CLI and the diagram export); the words here are the catalogue's, and numbers the language's.
 */
import {
  branchText,
  conditionText,
  conditionTextAt,
  routeText,
  stepRouteText,
  type ConditionWord,
  type Numbers,
  type Wording,
} from '../../engine/condition-text.js';
import type { Branch, ConditionShape as Condition, Route, Scenario, StepRecord } from '../../engine/index.js';
import { formatNumber, t, type Key } from '../i18n/index.js';

/** A number as the condition holds it, the language's way: 2 decimals where it has any, no grouping. */
export function amount(value: number): string {
  const digits = Number.isInteger(value) ? 0 : 2;
  return formatNumber(value, {
    useGrouping: false,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** The catalogue's key for each of the engine's words. */
const KEYS: Record<ConditionWord, Key> = {
  anger: 'author.cond.anger',
  trust: 'author.cond.trust',
  flagSet: 'author.cond.flagSet',
  flagNotSet: 'author.cond.flagNotSet',
  and: 'author.cond.and',
  or: 'author.cond.or',
  otherwise: 'author.cond.otherwise',
  maxAnger: 'author.route.maxAnger',
  direct: 'author.route.direct',
  branch: 'author.route.branch',
  otherwiseBranch: 'author.route.otherwise',
  noCondition: 'author.route.noCondition',
  timeOut: 'author.route.timeOut',
  silenceEnded: 'author.route.silenceEnded',
  silence: 'author.route.silence',
  iMessage: 'author.route.iMessage',
  answer: 'author.route.answer',
  after: 'author.route.after',
};

/** The page's wording: the catalogue in the current language (read when called, never cached). */
export const PAGE_WORDING: Wording = {
  say: (word, params) => t(KEYS[word], params),
  amount,
};

/** A condition in words: "anger ≥ 60 and flag blamed set". */
export const conditionWords = (condition: Condition): string => conditionText(condition, PAGE_WORDING);

/** A condition read against the call's numbers: "anger 62 ≥ 60, flag blamed set". */
export const conditionWordsAt = (condition: Condition, numbers: Numbers): string =>
  conditionTextAt(condition, numbers, PAGE_WORDING);

/** A branch's label on the graph's arrow: its condition, or "otherwise" for the default. */
export const branchWords = (branch: Branch): string => branchText(branch, PAGE_WORDING);

/** Why a `next` led where it did: "anger 62 ≥ 60 → 'shouting' (branch 1 of 2)". */
export const routeWords = (next: string | readonly Branch[], route: Route, numbers: Numbers): string =>
  routeText(next, route, numbers, PAGE_WORDING);

/** What one step of a call did to where it is, in a sentence; null for a record the scenario cannot explain. */
export const stepRouteWords = (scenario: Scenario, record: StepRecord): string | null =>
  stepRouteText(scenario, record, PAGE_WORDING);
