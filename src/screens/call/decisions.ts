/**
 * The debrief's list of decisions: what the trainee said at each moment, the silences between, what
 * could be seen, how an I-message was built, what broke, what would have been better, and a way to
 * rewind to any of them. Each decision has an id (decisionId) for the debrief's links to it.
 */
import {
  own,
  takesBait,
  type Decision,
  type IMessageAssessment,
  type Scenario,
  type ScoreResult,
} from '../../engine/index.js';
import { el } from '../kit/dom.js';
import { skippedTimeOut } from './coach.js';
import { labelSummary, markedAnswer, typedIMessageSlips } from './heard.js';
import { couldSense, namesEveryCue } from './senses.js';
import { shownText } from '../scenario-language.js';
import { loadUnderstanding, understandingModel } from './typed-answer.js';
import { t, tn } from '../i18n/index.js';
import { dontName, iMessageWords, iStepName, letterName } from '../i18n/names.js';

/** A silence in the decisions list: dead air is a choice too, and it angers the customer. */
function silenceNote(count: number, when: string): string {
  return tn('decisions.silence', count, { when });
}

/**
 * What the trainee could have seen at a moment where body language and words did not match. On a
 * phone call or in a chat every cue is named: how the voice sounded or what the message showed was
 * all there was to go on besides the words (the call never narrates a chat's cue).
 */
function observed(scenario: Scenario, nodeId: string): HTMLElement | string {
  const cue = own(scenario.nodes, nodeId)?.cue;
  return cue && (!cue.matches || namesEveryCue(scenario.setting))
    ? el(
        'p',
        { className: 'observe' },
        el('strong', {}, t('decisions.sensed', { sense: couldSense(scenario.setting) })),
        shownText(scenario)(cue.text),
      )
    : '';
}

/** The I-message, step by step: each check as a word and a mark, never by colour alone. */
function iMessageChecklist(a: IMessageAssessment): HTMLElement {
  const check = (ok: boolean, text: string) =>
    el('li', { className: ok ? 'yes' : 'no' }, t('decisions.check', { mark: ok ? '✓' : '✗', text }));
  const list = el(
    'ul',
    { className: 'checklist' },
    check(!a.misplaced, a.misplaced ? t('decisions.notCrossed') : t('decisions.crossed')),
    check(
      a.missing.length === 0,
      a.missing.length === 0
        ? t('decisions.allSteps')
        : t('decisions.missing', { steps: a.missing.map((m) => iStepName(m).toLowerCase()).join(', ') }),
    ),
    check(a.ordered, a.ordered ? t('decisions.inOrder') : t('decisions.outOfOrder')),
    check(a.harsh === 0, a.harsh === 0 ? t('decisions.calm') : tn('decisions.harsh', a.harsh)),
    check(!a.rambled, a.rambled ? t('decisions.rambled') : t('decisions.stopped')),
  );
  list.setAttribute('aria-label', t('decisions.iMessageLabel'));
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
    el('p', {}, el('strong', {}, t('decisions.typed')), quote, d.rushed ? t('decisions.rushedNote') : ''),
    el(
      'p',
      { className: 'heard-summary' },
      el('strong', {}, t('decisions.heard')),
      labelSummary(typed.labels),
    ),
    ...typedIMessageSlips(typed.repeated ? [] : typed.labels, misconduct).map((slip) =>
      el('p', { className: 'dont' }, slip),
    ),
    typed.repeated ? el('p', { className: 'dont' }, t('decisions.repeat')) : '',
    el(
      'p',
      {},
      el('strong', {}, typed.picked ? t('decisions.picked') : t('decisions.takenAs')),
      el('q', {}, typed.matchedSays),
      typed.picked ? t('decisions.pickedWhy') : '',
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
    el('h3', {}, t('decisions.title', { n: d.index + 1 })),
    ...(d.typed
      ? typedLines(d, d.typed, !!node?.misconduct)
      : [
          el(
            'p',
            {},
            el('strong', {}, t('decisions.said')),
            d.says,
            d.rushed ? t('decisions.rushedNote') : '',
          ),
        ]),
    silences > 0 ? el('p', { className: 'dont' }, silenceNote(silences, t('decisions.silence.then'))) : '',
    observed(scenario, d.node),
    d.iMessage ? iMessageChecklist(d.iMessage) : '',
    d.typed
      ? el('p', {}, el('strong', {}, t('decisions.onTaken')), d.feedback)
      : el('p', {}, d.kind === 'i-message' && d.iMessage ? iMessageWords(d.iMessage) : d.feedback),
    d.breaks.length ? el('p', { className: 'dont' }, d.breaks.map(dontName).join(' · ')) : '',
    d.skippedTimeOut ? el('p', { className: 'dont' }, skippedTimeOut()) : '',
    node && takesBait(node, d.rushed) ? el('p', { className: 'dont' }, t('decisions.bait')) : '',
    d.spoiled.length
      ? el(
          'p',
          { className: 'dont' },
          t('decisions.spoiled', { moves: d.spoiled.map(letterName).join(', ') }),
        )
      : '',
    d.better ? el('p', { className: 'better' }, el('strong', {}, t('decisions.better')), d.better.says) : '',
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
    ? [el('p', { className: 'dont' }, silenceNote(after(-1), t('decisions.silence.before'))), list]
    : [list];
}
