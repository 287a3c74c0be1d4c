/**
 * The debrief's list of decisions: what the trainee said at each moment, the silences between, what
 * could be seen, how an I-message was built, what broke, what would have been better, and a way to
 * rewind to any of them. Each decision has an id (decisionId) for the debrief's links to it.
 */
import {
  DONT_NAMES,
  I_STEP_NAMES,
  LETTER_NAMES,
  own,
  takesBait,
  type Decision,
  type IMessageAssessment,
  type Scenario,
  type ScoreResult,
} from '../../engine/index.js';
import { el } from '../kit/dom.js';
import { plural } from '../kit/status.js';
import { skippedTimeOut } from './coach.js';
import { labelSummary, markedAnswer, typedIMessageSlips } from './heard.js';
import { couldSense, namesEveryCue } from './senses.js';
import { loadUnderstanding, understandingModel } from './typed-answer.js';

/** A silence in the decisions list: dead air is a choice too, and it angers the customer. */
function silenceNote(count: number, when: string): string {
  const times = count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
  return `${when} you said nothing until their patience ran out, ${times}: each silence is a fault, a moment missed, and it made the customer angrier.`;
}

/**
 * What the trainee could have seen at a moment where body language and words did not match. On a
 * phone call or in a chat every cue is named: how the voice sounded or what the message showed was
 * all there was to go on besides the words (the call never narrates a chat's cue).
 */
function observed(scenario: Scenario, nodeId: string): HTMLElement | string {
  const cue = own(scenario.nodes, nodeId)?.cue;
  return cue && (!cue.matches || namesEveryCue(scenario.setting))
    ? el('p', { className: 'observe' }, el('strong', {}, `${couldSense(scenario.setting)}: `), cue.text)
    : '';
}

/** The I-message, step by step: each check as a word and a mark, never by colour alone. */
function iMessageChecklist(a: IMessageAssessment): HTMLElement {
  const check = (ok: boolean, text: string) =>
    el('li', { className: ok ? 'yes' : 'no' }, `${ok ? '✓' : '✗'} ${text}`);
  const list = el(
    'ul',
    { className: 'checklist' },
    check(
      !a.misplaced,
      a.misplaced ? 'The customer had not crossed a line' : 'The customer had crossed a line',
    ),
    check(
      a.missing.length === 0,
      a.missing.length === 0
        ? 'All four steps'
        : `Missing: ${a.missing.map((m) => I_STEP_NAMES[m].toLowerCase()).join(', ')}`,
    ),
    check(a.ordered, a.ordered ? 'In order' : 'Out of order'),
    check(a.harsh === 0, a.harsh === 0 ? 'Calm tone' : plural(a.harsh, 'harsh piece')),
    check(!a.rambled, a.rambled ? 'Kept talking after the consequence' : 'Stopped after the consequence'),
  );
  list.setAttribute('aria-label', 'Your I-message, step by step');
  return list;
}

/** Silences past the customer's patience, by the decision they followed (-1: before the first). */
function silencesAfter(result: ScoreResult): (index: number) => number {
  const silences = new Map<number, number>();
  let lastDecision = -1;
  for (const point of result.timeline.slice(1)) {
    if (point.decision === null) silences.set(lastDecision, (silences.get(lastDecision) ?? 0) + 1);
    else lastDecision = point.decision;
  }
  return (index) => silences.get(index) ?? 0;
}

/**
 * What the trainee typed, how it was heard and what the customer took it as. The words behind each
 * label are marked once the model is at hand (it is loaded for a call reopened after a reload).
 */
function typedLines(
  d: Decision,
  typed: NonNullable<Decision['typed']>,
  misconduct: boolean,
): (HTMLElement | string)[] {
  const model = understandingModel();
  const marked = (m: NonNullable<typeof model>) =>
    m.version === typed.model ? markedAnswer(d.says, m.label(d.says).heard) : null;
  const quote = (model && marked(model)) ?? el('q', { className: 'typed-text' }, d.says);
  if (!model) {
    void loadUnderstanding().then(
      (m) => {
        const better = marked(m);
        if (better) quote.replaceWith(better);
      },
      () => undefined,
    );
  }
  return [
    el('p', {}, el('strong', {}, 'You typed: '), quote, d.rushed ? ' (rushed)' : ''),
    el('p', { className: 'heard-summary' }, el('strong', {}, 'Heard: '), labelSummary(typed.labels)),
    ...typedIMessageSlips(typed.repeated ? [] : typed.labels, misconduct).map((slip) =>
      el('p', { className: 'dont' }, slip),
    ),
    typed.repeated
      ? el(
          'p',
          { className: 'dont' },
          'A repeat of an earlier answer, nearly word for word: it earned no moves.',
        )
      : '',
    el(
      'p',
      {},
      el('strong', {}, typed.picked ? 'You picked it as: ' : 'Taken as: '),
      el('q', {}, typed.matchedSays),
      typed.picked ? ' (the closest to what you meant, of those offered)' : '',
    ),
  ];
}

function decisionItem(
  scenario: Scenario,
  d: Decision,
  silences: number,
  rewind: (index: number) => HTMLElement,
): HTMLElement {
  const node = own(scenario.nodes, d.node);
  const item = el(
    'li',
    // The debrief's "see decision n" buttons scroll here and move the focus here.
    { id: decisionId(d.index), tabIndex: -1, className: 'decision' },
    el('h3', {}, `Decision ${d.index + 1}`),
    ...(d.typed
      ? typedLines(d, d.typed, !!node?.misconduct)
      : [el('p', {}, el('strong', {}, 'You said: '), d.says, d.rushed ? ' (rushed)' : '')]),
    silences > 0 ? el('p', { className: 'dont' }, silenceNote(silences, 'Then')) : '',
    observed(scenario, d.node),
    d.iMessage ? iMessageChecklist(d.iMessage) : '',
    d.typed
      ? el('p', {}, el('strong', {}, 'On the answer it was taken as: '), d.feedback)
      : el('p', {}, d.feedback),
    d.breaks.length ? el('p', { className: 'dont' }, d.breaks.map((b) => DONT_NAMES[b]).join(' · ')) : '',
    d.skippedTimeOut ? el('p', { className: 'dont' }, skippedTimeOut()) : '',
    node && takesBait(node, d.rushed)
      ? el('p', { className: 'dont' }, 'Answered the bait without the pause: a fault of its own.')
      : '',
    d.spoiled.length
      ? el(
          'p',
          { className: 'dont' },
          `${d.spoiled.map((l) => LETTER_NAMES[l]).join(', ')} spoiled: a fault in the same answer earns its moves nothing.`,
        )
      : '',
    d.better ? el('p', { className: 'better' }, el('strong', {}, 'Better: '), d.better.says) : '',
    rewind(d.index),
  );
  return item;
}

/** The element id of decision `index` (0-based) in the list. */
export function decisionId(index: number): string {
  return `decision-${index + 1}`;
}

/** Each decision, with `rewind(index)` making its "Rewind to here" button. */
export function decisionsList(
  scenario: Scenario,
  result: ScoreResult,
  rewind: (index: number) => HTMLElement,
): HTMLElement[] {
  const after = silencesAfter(result);
  const list = el(
    'ol',
    { className: 'decisions' },
    ...result.decisions.map((d) => decisionItem(scenario, d, after(d.index), rewind)),
  );
  return after(-1) > 0
    ? [el('p', { className: 'dont' }, silenceNote(after(-1), 'Before your first answer')), list]
    : [list];
}
