/**
 * Scoring (version 2): a pure function of the scenario and what happened, rewarding the method and
 * never speed. docs/scoring.md gives every rule with its reason from the method.
 */
import {
  I_MESSAGE_RESPONSE,
  MODEL_FEEDBACK,
  bestOption,
  merit,
  modelMerit,
  responseFaults,
} from './better.js';
import { I_STEP_NAMES, isCleanIMessage, type IMessageAssessment } from './method.js';
import { MOMENTS, methodContinuation } from './method-path.js';
import type { Scenario, ScenarioNode } from './schema.js';
import { own } from './own.js';
import { madeOf, typedIMessage } from './understand/labels.js';
import { contentWords, isRepeat } from './understand/match.js';
import {
  COOL_BELOW,
  fill,
  initialState,
  responseSays,
  startingVars,
  type CallState,
  type StepRecord,
} from './step.js';
import {
  COOL_CREDIT,
  FAULT_FACTOR,
  kindPoints,
  SCALE_POINTS,
  SCORING_VERSION,
  WEIGHTS,
  emptyLetters,
  gradeOf,
  type Decision,
  type LetterScore,
  type ScoreResult,
} from './score-rules.js';

export * from './score-rules.js';
import { LETTERS, LETTER_INDEX, type Dont, type Letter } from './vocabulary.js';

export {
  I_MESSAGE_RESPONSE,
  MODEL_FEEDBACK,
  bestOption,
  bestResponse,
  merit,
  responseFaults,
  type BestOption,
} from './better.js';

/** Before a moment: the most each letter (and the moment count) could have been asked so far. */
function askAt(scenario: Scenario, before: CallState, asked: number[], mostAsked: number[]): void {
  const rest = methodContinuation(scenario, before);
  for (let i = 0; i < mostAsked.length; i++) {
    const could = (asked[i] ?? 0) + (rest[i] ?? 0);
    if (could > (mostAsked[i] ?? 0)) mostAsked[i] = could;
  }
  asked[MOMENTS] = (asked[MOMENTS] ?? 0) + 1;
}

/** A moment's letters are opportunities, whatever the answer. */
function opportunity(
  nodeLetters: readonly Letter[],
  letters: Record<Letter, LetterScore>,
  asked: number[],
): void {
  for (const l of nodeLetters) {
    letters[l].opportunities++;
    const i = LETTER_INDEX[l];
    asked[i] = (asked[i] ?? 0) + 1;
  }
}

/** What the coach says about an assembled I-message. */
export function iMessageFeedback(a: IMessageAssessment): string {
  if (a.misplaced) {
    return 'Nobody had crossed a line here, so an I-message lands as a reprimand. This moment needed listening, reflecting or an apology.';
  }
  const notes: string[] = [];
  if (a.missing.length > 0)
    notes.push(`It left out: ${a.missing.map((s) => I_STEP_NAMES[s].toLowerCase()).join(', ')}.`);
  if (!a.ordered)
    notes.push(
      'The steps came out of order; attention, feeling, behaviour, consequence keeps it calm and clear.',
    );
  if (a.harsh > 0) notes.push('A harsh piece turned it into blame, and blame invites a fight.');
  if (a.rambled)
    notes.push(
      'You kept talking after the consequence, and the extra words lit the fuse again. Say the four steps, then stop and wait.',
    );
  return notes.length === 0 ? `A clean I-message. ${MODEL_FEEDBACK}` : notes.join(' ');
}

/**
 * Faults a silence counts. One, if the call goes on. If the customer walks out in it, the silence
 * stood in for an answer, so it counts as much as the worst answer the moment allowed: its written
 * answer with the most faults, said without the pause where the line is bait, after the call's
 * time-outs were spent on the unhelpful thought. Passivity provokes as surely as aggression, so
 * letting a customer walk out in silence never scores better than engaging, however badly.
 */
export function silenceWeight(scenario: Scenario, node: ScenarioNode, walkedOut: boolean): number {
  if (!walkedOut) return 1;
  let worst = 0;
  for (const r of node.responses) worst = Math.max(worst, responseFaults(node, r));
  return Math.max(1, worst + (node.bait ? 1 : 0) + scenario.timeouts);
}

/** Taking the bait: answering a line meant to provoke before the pause the method asks for. */
export function takesBait(node: Pick<ScenarioNode, 'bait'>, rushed: boolean): boolean {
  return rushed && node.bait;
}

/**
 * Whether the customer walked out in a silence that counted as more than one fault (silenceWeight):
 * the call's silence faults then outnumber its silences.
 */
export function walkedOutInSilence(result: Pick<ScoreResult, 'donts' | 'timing'>): boolean {
  return result.donts.filter((d) => d.dont === 'silence').length > result.timing.silences;
}

/** The better option's words at that moment: a response's wording there, or the model I-message. */
function betterSays(
  node: ScenarioNode,
  best: { id: string; says: string },
  state: Pick<CallState, 'anger' | 'trust' | 'flags' | 'vars'>,
): string {
  const response = node.responses.find((r) => r.id === best.id);
  return response ? responseSays(response, state) : fill(best.says, state.vars);
}

/** Scores a call from its step records (live or replayed: the two are the same data). */
export function scoreRecords(scenario: Scenario, records: readonly StepRecord[]): ScoreResult {
  const letters = emptyLetters();
  const donts: ScoreResult['donts'] = [];
  /** The meaningful words of each answer typed so far, to tell a repeat. */
  const typedBefore: Set<string>[] = [];
  const decisions: Decision[] = [];
  const timeline: ScoreResult['timeline'] = [
    { at: 0, anger: scenario.customer.anger, trust: scenario.customer.trust, decision: null },
  ];
  const timing = { answers: 0, rushed: 0, silences: 0 };
  // The most each letter could have been asked for: the method's path from any moment of the call,
  // on top of what the call had asked before that moment. The moments count the same way, at
  // index MOMENTS.
  const asked = [0, 0, 0, 0, 0, 0, 0, 0];
  const mostAsked = [0, 0, 0, 0, 0, 0, 0, 0];
  let cleanAnswers = 0;

  let lowest = records[0]?.before.composure ?? 100;
  let cool = 0;
  const timeouts: ScoreResult['composure']['timeouts'] = [];
  let state: CallState = initialState(scenario);
  for (const record of records) {
    const { event, after } = record;
    const before = state;
    state = after;
    lowest = Math.min(lowest, record.before.composure, after.composure);
    if (event.kind === 'timeout') {
      const helpful = record.thought?.helpful ?? false;
      // Keeping cool: the helpful thought, taken when composure had fallen low enough to cost time,
      // or at the moment the scenario marks as the time for one (the trainee's buttons are pushed).
      const marked = own(scenario.nodes, event.node)?.time_out === true;
      const isCool = helpful && (record.before.composure < COOL_BELOW || marked);
      if (isCool) cool++;
      timeouts.push({
        at: event.at,
        node: event.node,
        thought: record.thought?.text ?? event.thought,
        helpful,
        cool: isCool,
      });
      if (!helpful) donts.push({ dont: 'negative-self-talk', node: event.node, response: event.thought });
      continue;
    }
    const node = own(scenario.nodes, event.node);
    if (!node) continue;
    askAt(scenario, before, asked, mostAsked);
    if (event.kind === 'silence') {
      // Passive: the moment called for something and got nothing.
      timing.silences++;
      opportunity(node.calls_for, letters, asked);
      for (let k = silenceWeight(scenario, node, after.node === null); k > 0; k--)
        donts.push({ dont: 'silence', node: event.node, response: '' });
      timeline.push({ at: event.at, anger: after.anger, trust: after.trust, decision: null });
      continue;
    }
    let said: {
      id: string;
      says: string;
      feedback: string;
      uses: readonly string[];
      breaks: Dont[];
      merit: number;
    };
    let misplacedN: boolean;
    let typed: Decision['typed'];
    // Faults found from here on are in this answer.
    const faultsBefore = donts.length;
    const assessment = event.kind === 'i-message' ? record.iMessage : undefined;
    if (event.kind === 'i-message') {
      if (!assessment) continue;
      const named =
        !assessment.misplaced &&
        !assessment.missing.includes('feeling') &&
        !assessment.missing.includes('behaviour');
      said = {
        id: I_MESSAGE_RESPONSE,
        says: assessment.says,
        feedback: iMessageFeedback(assessment),
        uses: named ? ['N'] : [],
        breaks: [],
        merit: isCleanIMessage(assessment) ? modelMerit(node) : -1000,
      };
      misplacedN = assessment.misplaced;
      for (const flaw of assessment.flaws)
        donts.push({ dont: flaw, node: event.node, response: I_MESSAGE_RESPONSE });
    } else if (event.kind === 'typed') {
      const response = node.responses.find((r) => r.id === event.response);
      if (!response) continue;
      // Scored on what the trainee wrote: the moves and don'ts heard in it, at this moment. The
      // same words typed again, whatever the customer has said since, are a script and not
      // listening: a repeat's moves count for nothing (its don'ts still count).
      const words = contentWords(event.text);
      const repeated = typedBefore.some((w) => isRepeat(w, words));
      typedBefore.push(words);
      const heard = madeOf(event.labels);
      const made = repeated ? { uses: [], breaks: heard.breaks } : heard;
      said = {
        id: response.id,
        says: event.text,
        feedback: fill(response.feedback, before.vars),
        uses: made.uses,
        breaks: made.breaks,
        merit: merit(node, { ...response, ...made }),
      };
      typed = {
        labels: [...event.labels],
        matched: response.id,
        matchedSays: responseSays(response, before),
        picked: event.picked,
        model: event.model,
        repeated,
      };
      misplacedN = made.uses.includes('N') && !node.misconduct;
      // Misconduct named in the trainee's own words is held to the I-message's craft, as one put
      // together from pieces is (the order of the steps is not checked: the transcript records
      // what was heard, not where).
      const craft = typedIMessage(repeated ? [] : event.labels, node.misconduct);
      if (craft && craft.missing.length > 0)
        donts.push({ dont: 'i-message-incomplete', node: event.node, response: response.id });
      if (craft?.rambled) donts.push({ dont: 'i-message-ramble', node: event.node, response: response.id });
    } else {
      const response = node.responses.find((r) => r.id === event.response);
      if (!response) continue;
      // A literal, not a spread of the response: spreads are slow in the replay's hot loop.
      said = {
        id: response.id,
        says: responseSays(response, before),
        feedback: fill(response.feedback, before.vars),
        uses: response.uses,
        breaks: response.breaks,
        merit: merit(node, response),
      };
      misplacedN = response.uses.includes('N') && !node.misconduct;
    }
    timing.answers++;
    // A time-out is the pause only once the customer has finished: stopping the clock halfway
    // through their line and answering there is still talking over them.
    const rushed = record.rushed || event.at < before.finishedAt;
    if (rushed) timing.rushed++;
    for (const dont of said.breaks) donts.push({ dont, node: event.node, response: said.id });
    if (misplacedN) donts.push({ dont: 'early-i-message', node: event.node, response: said.id });
    if (takesBait(node, rushed)) donts.push({ dont: 'took-bait', node: event.node, response: said.id });
    // A fault in the answer spoils the moves in it: a paraphrase said while arguing is heard as
    // arguing. So a faulty answer never out-scores a clean one on technique. An I-message that
    // only left a step out or put them in the wrong order is still heard as naming the line
    // crossed: those are faults of craft, and cost as faults, but do not spoil the move.
    const used = node.calls_for.filter((l) => said.uses.includes(l));
    let spoils = false;
    for (let i = faultsBefore; i < donts.length; i++) {
      const fault = donts[i]?.dont;
      if (fault !== 'i-message-incomplete' && fault !== 'i-message-order') spoils = true;
    }
    const spoiled = spoils ? used : [];
    // The moment for a time-out, answered without taking one while one was left: not clean, though
    // not a fault either (the method asks for the breath; skipping it is a missed chance to cool).
    const skippedTimeOut = node.time_out && !before.breathed && before.timeoutsLeft > 0;
    if (donts.length === faultsBefore && !skippedTimeOut) cleanAnswers++;
    const hits = spoiled.length > 0 ? [] : used;
    opportunity(node.calls_for, letters, asked);
    for (const l of hits) letters[l].hits++;
    const best = bestOption(scenario, event.node, node);
    const decision: Decision = {
      kind: event.kind,
      index: decisions.length,
      node: event.node,
      at: event.at,
      response: said.id,
      says: said.says,
      feedback: said.feedback,
      calledFor: [...node.calls_for],
      hits,
      spoiled,
      breaks: [...said.breaks],
      misplacedN,
      rushed,
      angerAfter: after.anger,
      trustAfter: after.trust,
      better:
        best.merit > said.merit
          ? { id: best.id, says: betterSays(node, best, before), feedback: fill(best.feedback, before.vars) }
          : null,
    };
    if (skippedTimeOut) decision.skippedTimeOut = true;
    if (assessment) decision.iMessage = assessment;
    if (typed) decision.typed = typed;
    decisions.push(decision);
    timeline.push({ at: event.at, anger: after.anger, trust: after.trust, decision: decisions.length - 1 });
  }

  // A call cut short still answers for what it would have asked: those moments count as missed.
  const unreached: ScoreResult['unreached'] = {};
  LETTERS.forEach((l, i) => {
    const missing = (mostAsked[i] ?? 0) - letters[l].opportunities;
    if (missing > 0) {
      unreached[l] = missing;
      letters[l].opportunities += missing;
    }
  });
  const offered = LETTERS.filter((l) => letters[l].opportunities > 0);
  for (const l of offered) letters[l].ratio = letters[l].hits / letters[l].opportunities;
  const meanRatio =
    offered.length === 0 ? 0 : offered.reduce((sum, l) => sum + (letters[l].ratio ?? 0), 0) / offered.length;

  const last = records.at(-1);
  const endingId = last?.after.ending ?? null;
  const ending = endingId === null ? undefined : own(scenario.endings, endingId);
  // Conduct and timing are shares of the whole call, the moments it never reached included.
  const moments = timing.answers + timing.silences;
  const unreachedMoments = Math.max(0, (mostAsked[MOMENTS] ?? 0) - moments);
  const whole = moments + unreachedMoments;
  const share = (points: number, of: number) => (whole === 0 ? 0 : Math.round((points * of) / whole));
  const conduct = share(WEIGHTS.conduct, cleanAnswers) + COOL_CREDIT * cool;
  const parts = {
    technique: Math.round(WEIGHTS.technique * meanRatio),
    conduct: Math.min(WEIGHTS.conduct, conduct),
    timing: share(WEIGHTS.timing, timing.answers - timing.rushed),
    outcome: ending
      ? kindPoints(ending) +
        Math.round((SCALE_POINTS * ending.gratitude) / 4 + (SCALE_POINTS * ending.recommit) / 4)
      : 0,
  };
  const earned = parts.technique + parts.conduct + parts.timing + parts.outcome;
  const factor = FAULT_FACTOR ** donts.length;
  const total = Math.round(earned * factor);
  return {
    version: SCORING_VERSION,
    total,
    grade: gradeOf(total),
    parts,
    earned,
    faults: { count: donts.length, factor, penalty: earned - total },
    letters,
    donts,
    timing,
    composure: { lowest, final: last?.after.composure ?? lowest, timeouts },
    unreached,
    unreachedMoments,
    cleanAnswers,
    ending:
      ending && endingId !== null
        ? {
            id: endingId,
            kind: ending.kind,
            good: ending.kind === 'handed-off' && ending.good,
            gratitude: ending.gratitude,
            recommit: ending.recommit,
            cost: ending.cost,
            says: fill(ending.says ?? '', last?.after.vars ?? startingVars(scenario)),
            narrative: fill(ending.narrative, last?.after.vars ?? startingVars(scenario)),
          }
        : null,
    decisions,
    timeline,
  };
}
