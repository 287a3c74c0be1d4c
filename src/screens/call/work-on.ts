/**
 * The debrief's three things to work on: the mistakes that cost the most, each tied to the decision
 * it came from. Faults first (each takes 15% of the score), then moves the moment called for and
 * the answer missed, then rushing; never the same lesson twice. Pure: it reads the engine's result
 * and adds no rule of its own about what counts as a mistake.
 */
import {
  LETTERS,
  own,
  takesBait,
  type Dont,
  type Letter,
  type Scenario,
  type ScoreResult,
} from '../../engine/index.js';
import { t } from '../i18n/index.js';

export interface WorkOnItem {
  /** The decision (0-based) the lesson comes from; null when it came before any answer. */
  decision: number | null;
  /** A stable key for the lesson, so the same one is not given twice. */
  lesson: string;
  /** What to do, in a few words. */
  title: string;
  /** What happened at that moment. */
  why: string;
  /** How much it matters: faults first, then missed moves, then timing. */
  weight: number;
}

/** What to do instead of each don't. */
const dontAdvice = (dont: Dont): string => t(`advice.dont.${dont}`);

/** What each SOARING move asks, as advice. */
const letterAdvice = (letter: Letter): string => t(`advice.letter.${letter}`);

type Candidate = WorkOnItem;

/** The decision to rewind to: the weightiest lesson's (the earliest of equals), or null. */
export function rewindTarget(items: readonly WorkOnItem[]): number | null {
  let best: WorkOnItem | undefined;
  for (const item of items) if (item.decision !== null && (!best || item.weight > best.weight)) best = item;
  return best?.decision ?? null;
}

/** The trainee's line, shortened for a one-line reminder. */
function quote(says: string): string {
  return t('quote', { text: says.length > 70 ? `${says.slice(0, 68).trimEnd()}…` : says });
}

function candidates(scenario: Scenario, result: ScoreResult): Candidate[] {
  const found: Candidate[] = [];
  const add = (decision: number | null, weight: number, lesson: string, title: string, why: string) => {
    found.push({ decision, weight, lesson, title, why });
  };
  // Silences past the customer's patience, shown with the decision they followed.
  let last: number | null = null;
  for (const point of result.timeline.slice(1)) {
    if (point.decision !== null) last = point.decision;
    else
      add(
        last ?? (result.decisions.length > 0 ? 0 : null),
        95,
        'silence',
        t('advice.silence'),
        last === null ? t('advice.silence.start') : t('advice.silence.after', { n: last + 1 }),
      );
  }
  for (const d of result.decisions) {
    const node = own(scenario.nodes, d.node);
    const said = t('advice.said', { quote: quote(d.says) });
    for (const dont of d.breaks) add(d.index, 100, `dont:${dont}`, dontAdvice(dont), said);
    if (node && takesBait(node, d.rushed))
      add(d.index, 90, 'bait', t('advice.bait'), t('advice.bait.why', { said }));
    if (d.misplacedN || d.iMessage?.misplaced)
      add(d.index, 90, 'early-i-message', t('advice.early'), t('advice.early.why', { said }));
    else if (d.iMessage && d.iMessage.flaws.length > 0)
      add(
        d.index,
        80,
        'i-message',
        t('advice.iMessage'),
        t('advice.iMessage.why', { quote: quote(d.iMessage.says) }),
      );
    const missed = LETTERS.filter(
      (l) => d.calledFor.includes(l) && !d.hits.includes(l) && !d.spoiled.includes(l),
    );
    for (const letter of missed) add(d.index, 40, `letter:${letter}`, letterAdvice(letter), said);
    if (d.rushed && !(node && takesBait(node, d.rushed)))
      add(d.index, 30, 'rushed', t('advice.rushed'), t('advice.rushed.why', { said }));
    if (d.better && found.every((c) => c.decision !== d.index))
      add(d.index, 10, 'better', t('advice.better'), said);
  }
  for (const taken of result.composure.timeouts) {
    if (taken.helpful) continue;
    const at = result.decisions.find((d) => d.node === taken.node && d.at >= taken.at);
    add(
      at?.index ?? null,
      70,
      'self-talk',
      t('advice.selfTalk'),
      t('advice.selfTalk.why', { thought: taken.thought }),
    );
  }
  return found;
}

/**
 * Up to `count` lessons, the weightiest first, each a different lesson; between lessons of equal
 * weight, one from a decision not picked yet. Listed in the order of the call.
 */
export function workOn(scenario: Scenario, result: ScoreResult, count = 3): WorkOnItem[] {
  const left = candidates(scenario, result);
  const picked: Candidate[] = [];
  // Weights are whole and at least 5 apart: a decision already picked only breaks a tie.
  const rank = (c: Candidate) => c.weight * 2 - (picked.some((p) => p.decision === c.decision) ? 1 : 0);
  while (picked.length < count) {
    let best: Candidate | undefined;
    for (const c of left) {
      if (picked.some((p) => p.lesson === c.lesson)) continue;
      if (!best || rank(c) > rank(best)) best = c;
    }
    if (!best) break;
    picked.push(best);
  }
  return picked.sort((a, b) => (a.decision ?? -1) - (b.decision ?? -1));
}
