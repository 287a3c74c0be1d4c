/**
 * Coach mode's card: right after each answer, what it used, missed or broke and why; what a
 * time-out's thought did; the pressure of a line meant to get under the trainee's skin; and timing,
 * an answer given without the pause or a silence that outlasts the customer's patience. It reads
 * the engine's own verdicts, so the coach and the debrief never disagree.
 */
import {
  TIMEOUT_COMPOSURE,
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
import { t } from '../i18n/index.js';
import { dontName, iMessageWords, letterName } from '../i18n/names.js';

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
export const skippedTimeOut = (): string => t('coach.skippedTimeOut');

const spokenTiming = (customer: string, timing: 'rushed' | 'over') =>
  timing === 'rushed'
    ? t('coach.rushed.spoken', { name: customer })
    : t('coach.over.spoken', { name: customer });

const chatTiming = (customer: string, timing: 'rushed' | 'over') =>
  timing === 'rushed' ? t('coach.rushed.chat', { name: customer }) : t('coach.over.chat', { name: customer });

const thoughtNote = (thought: OfferedThought) =>
  thought.helpful
    ? t('coach.thought.helpful', { points: TIMEOUT_COMPOSURE.helpful })
    : t('coach.thought.unhelpful', { points: Math.abs(TIMEOUT_COMPOSURE.unhelpful) });

/**
 * `customer` is the customer's name as the call shows it: the coach talks about them by name. In a
 * `chat` the customer finishes when their message lands, and the pause is reading it through.
 */
export function coachCard(customer: string, chat = false): Coach {
  const element = el('div', { className: 'coach' });
  element.setAttribute('role', 'status');
  const show = (...lines: (HTMLElement | string)[]) => {
    element.replaceChildren(el('h2', {}, t('coach.title')), ...lines);
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
    const names = (letters: readonly Letter[]) => letters.map(letterName).join(', ');
    return [
      baited ? el('p', { className: 'dont' }, t('coach.baited')) : timingNote(timing),
      used.length
        ? el(
            'p',
            { className: spoiled ? 'dont' : 'hit' },
            spoiled ? t('coach.spoiled', { moves: names(used) }) : t('coach.used', { moves: names(used) }),
          )
        : '',
      missed.length ? el('p', {}, t('coach.calledFor', { moves: names(missed) })) : '',
      decision.breaks.length
        ? el(
            'p',
            { className: 'dont' },
            t('coach.broke', { donts: decision.breaks.map(dontName).join(', ') }),
          )
        : '',
      decision.skippedTimeOut ? el('p', { className: 'dont' }, skippedTimeOut()) : '',
    ];
  };
  return {
    element,
    answer(node, response, decision, timing) {
      show(...verdict(node, decision, timing), el('p', {}, response.feedback));
    },
    typed(node, text, heard, response, decision, timing) {
      show(
        el('p', { className: 'heard-title' }, t('coach.heard'), markedAnswer(text, heard)),
        heardList(text, heard),
        decision.typed?.repeated
          ? el('p', { className: 'dont' }, t('coach.repeated', { name: customer }))
          : '',
        ...typedIMessageSlips(
          decision.typed?.repeated ? [] : (decision.typed?.labels ?? []),
          node.misconduct,
        ).map((slip) => el('p', { className: 'dont' }, slip)),
        ...verdict(node, decision, timing),
        el(
          'p',
          { className: 'taken-as' },
          t('coach.takenAs', { name: customer }),
          el('q', {}, response.says),
        ),
      );
    },
    iMessage(assessment, timing, decision) {
      show(
        timingNote(timing),
        el('p', { className: isCleanIMessage(assessment) ? 'hit' : 'dont' }, iMessageWords(assessment)),
        decision?.skippedTimeOut ? el('p', { className: 'dont' }, skippedTimeOut()) : '',
      );
    },
    silence(anger, timeoutsLeft) {
      show(
        el('p', { className: 'dont' }, t('coach.silence', { name: customer, anger })),
        el('p', {}, timeoutsLeft > 0 ? t('coach.silence.timeOut') : t('coach.silence.short')),
      );
    },
    thought(offered) {
      show(el('p', { className: offered.helpful ? 'hit' : 'dont' }, thoughtNote(offered)));
    },
    pressure(lost) {
      element.append(el('p', { className: 'dont' }, t('coach.pressure', { lost })));
    },
  };
}
