/**
 * Coach mode's card: right after each answer, what it used, missed or broke and why; what a
 * time-out's thought did; the pressure of a line meant to get under the trainee's skin; and timing,
 * an answer given without the pause or a silence that outlasts the customer's patience. It reads
 * the engine's own verdicts, so the coach and the debrief never disagree.
 */
import {
  DONT_NAMES,
  LETTER_NAMES,
  TIMEOUT_COMPOSURE,
  iMessageFeedback,
  isCleanIMessage,
  takesBait,
  type Decision,
  type IMessageAssessment,
  type Letter,
  type OfferedThought,
  type ScenarioNode,
  type ScenarioResponse,
} from '../../engine/index.js';
import type { Heard } from '../../engine/understand/model.js';
import { el } from '../kit/dom.js';
import { heardList, markedAnswer, typedIMessageSlips } from './heard.js';

/**
 * When an answer came: after the pause (`calm`), within RUSHED_MS of the customer finishing
 * (`rushed`), or while they were still speaking (`over`).
 */
export type AnswerTiming = 'calm' | 'rushed' | 'over';

export interface Coach {
  element: HTMLElement;
  /** A written answer, as the score judged it (`decision`). */
  answer(node: ScenarioNode, response: ScenarioResponse, decision: Decision, timing: AnswerTiming): void;
  /**
   * A typed answer: how it was heard (the labels and the words behind them), what the score made of
   * it (`decision`), and the authored answer the customer took it as (`response`).
   */
  typed(
    node: ScenarioNode,
    text: string,
    heard: readonly Heard[],
    response: ScenarioResponse,
    decision: Decision,
    timing: AnswerTiming,
  ): void;
  /** An I-message put together in the builder, and what the score made of it. */
  iMessage(assessment: IMessageAssessment, timing: AnswerTiming, decision?: Decision): void;
  /** The trainee said nothing until the customer's patience ran out: `anger` is what it added. */
  silence(anger: number, timeoutsLeft: number): void;
  /** The thought taken back from a time-out. */
  thought(thought: OfferedThought): void;
  /** The customer's new line costs composure (`lost`): bait or misconduct. */
  pressure(lost: number): void;
}

/** Said where a moment marked as the time for a time-out was answered without one. */
export const SKIPPED_TIME_OUT =
  'That line was meant to push your buttons: the moment for a time-out (T) and a helpful thought before you answer. Answered straight off, it does not count as a clean answer.';

const spokenTiming = (customer: string, timing: 'rushed' | 'over') =>
  timing === 'rushed'
    ? `Too quick: you came in within a second of ${customer} finishing. Let the last word land and take a breath first; the pause shows you were listening, and it keeps you steadier.`
    : `${customer} was still speaking when you answered. Reading ahead is fine, but let them finish and take a breath before you reply: being talked over makes an angry customer angrier.`;

const chatTiming = (customer: string, timing: 'rushed' | 'over') =>
  timing === 'rushed'
    ? `Too quick: you replied within a second of ${customer}'s message landing. Read it through and take a breath first; an instant reply reads as one that did not read the message, and the pause keeps you steadier.`
    : `You replied before ${customer} had finished typing. Showing the message early is fine for reading, but wait until it lands and read it through before you reply: a reply to half a message makes an angry customer angrier.`;

const thoughtNote = (t: OfferedThought) =>
  t.helpful
    ? `A helpful thought: composure +${TIMEOUT_COMPOSURE.helpful}. Seeing the person behind the anger keeps you steady, and your next answer counts as a considered one.`
    : `That thought feeds the fight: composure −${Math.abs(TIMEOUT_COMPOSURE.unhelpful)}. Negative self-talk makes the next answer sharper, not calmer.`;

/**
 * `customer` is the customer's name as the call shows it: the coach talks about them by name. In a
 * `chat` the customer finishes when their message lands, and the pause is reading it through.
 */
export function coachCard(customer: string, chat = false): Coach {
  const element = el('div', { className: 'coach' });
  element.setAttribute('role', 'status');
  const show = (...lines: (HTMLElement | string)[]) => {
    element.replaceChildren(el('h2', {}, 'Coach'), ...lines);
  };
  const timingNote = (timing: AnswerTiming) =>
    timing === 'calm'
      ? ''
      : el('p', { className: 'dont' }, chat ? chatTiming(customer, timing) : spokenTiming(customer, timing));
  /** What the score made of an answer: timing, the moves used or spoiled, those missed, the don'ts. */
  const verdict = (node: ScenarioNode, decision: Decision, timing: AnswerTiming) => {
    const baited = takesBait(node, decision.rushed);
    // A fault in the answer spoils the moves in it: the score counts them as not made.
    const spoiled = decision.spoiled.length > 0;
    const used = spoiled ? decision.spoiled : decision.hits;
    const missed = decision.calledFor.filter((l) => !used.includes(l));
    const names = (letters: readonly Letter[]) => letters.map((l) => LETTER_NAMES[l]).join(', ');
    return [
      baited
        ? el(
            'p',
            { className: 'dont' },
            'You answered the bait without the pause: that is taking it, whatever you said.',
          )
        : timingNote(timing),
      used.length
        ? el(
            'p',
            { className: spoiled ? 'dont' : 'hit' },
            spoiled
              ? `Spoiled: ${names(used)} (a fault in the same answer earns its moves nothing)`
              : `Used: ${names(used)}`,
          )
        : '',
      missed.length ? el('p', {}, `The moment called for: ${names(missed)}`) : '',
      decision.breaks.length
        ? el('p', { className: 'dont' }, `Broke: ${decision.breaks.map((b) => DONT_NAMES[b]).join(', ')}`)
        : '',
      decision.skippedTimeOut ? el('p', { className: 'dont' }, SKIPPED_TIME_OUT) : '',
    ];
  };
  return {
    element,
    answer(node, response, decision, timing) {
      show(...verdict(node, decision, timing), el('p', {}, response.feedback));
    },
    typed(node, text, heard, response, decision, timing) {
      show(
        el('p', { className: 'heard-title' }, 'How I heard you: ', markedAnswer(text, heard)),
        heardList(text, heard),
        decision.typed?.repeated
          ? el(
              'p',
              { className: 'dont' },
              `Nearly the same words as an answer before: to ${customer} that sounds like a script, not like listening. A repeat earns no moves; answer what they have just said.`,
            )
          : '',
        ...typedIMessageSlips(
          decision.typed?.repeated ? [] : (decision.typed?.labels ?? []),
          node.misconduct,
        ).map((slip) => el('p', { className: 'dont' }, slip)),
        ...verdict(node, decision, timing),
        el('p', { className: 'taken-as' }, `${customer} took it as: `, el('q', {}, response.says)),
      );
    },
    iMessage(assessment, timing, decision) {
      show(
        timingNote(timing),
        el('p', { className: isCleanIMessage(assessment) ? 'hit' : 'dont' }, iMessageFeedback(assessment)),
        decision?.skippedTimeOut ? el('p', { className: 'dont' }, SKIPPED_TIME_OUT) : '',
      );
    },
    silence(anger, timeoutsLeft) {
      show(
        el(
          'p',
          { className: 'dont' },
          `The silence outlasted ${customer}’s patience: anger +${anger}. Saying nothing this long sounds like you have stopped listening.`,
        ),
        el(
          'p',
          {},
          timeoutsLeft > 0
            ? 'Need a moment to think? Take a time-out (T): it stops the clock while you steady yourself.'
            : 'Even a short answer that shows you are still with them beats the quiet.',
        ),
      );
    },
    thought(t) {
      show(el('p', { className: t.helpful ? 'hit' : 'dont' }, thoughtNote(t)));
    },
    pressure(lost) {
      element.append(
        el(
          'p',
          { className: 'dont' },
          `That line is meant to get under your skin: composure −${lost}. Don’t take the bait — a time-out (T) stops the clock while you steady yourself.`,
        ),
      );
    },
  };
}
