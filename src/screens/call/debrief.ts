/**
 * The debrief after a call. First what matters, on one screen (results-card.ts): the score and
 * grade, how the call ended, three things to work on and what to do next. Then the review, each
 * part folding (folded on a phone): every decision (each a place to rewind to), how the score adds
 * up, the SOARING and anger charts, composure and the conversation to read back.
 */
import { rewindTo, type ScoreResult, type Transcript } from '../../engine/index.js';
import { chart, el } from '../kit/dom.js';
import { enterScreen, markScreen } from '../kit/screen.js';
import { historyHref, playHref } from '../routes.js';
import { angerChart, soaringChart } from './charts.js';
import { composureDetails } from './composure-card.js';
import { decisionId, decisionsList } from './decisions.js';
import { fold } from './fold.js';
import { wayBack, type Host, type SavedCall } from './host.js';
import { endingPart, resultsCard, scoreHeading, workOnPart } from './results-card.js';
import { scoreParts } from './score-parts.js';
import { rewindTarget, workOn } from './work-on.js';
import { shownResult } from '../../engine/shown-result.js';
import { shownText } from '../scenario-language.js';
import { t, tn } from '../i18n/index.js';

/** Where the review starts open: on a screen wide enough to read it beside nothing else. */
const WIDE = '(min-width: 700px)';

export function showDebrief(
  host: Host,
  scored: ScoreResult,
  transcript: Transcript,
  log: HTMLElement,
  saved?: SavedCall,
): void {
  const { root, scenario } = host;
  // The same score, in the words of the trainee's language.
  const result = shownResult(scored, shownText(scenario));
  // The call's screen ends here: its timers, keys and sounds stop.
  const life = enterScreen(root);
  // A phone's stage shrinks on the debrief (debrief.css), so the results fit its first screen.
  markScreen(life, 'debrief');
  const wide = window.matchMedia(WIDE).matches;
  const reducedMotion = host.settings.load().value.reducedMotion;
  // Leaving the debrief for the call again: the address goes back to the call's, so a reload
  // shows the briefing (and the call to resume), not this debrief.
  const leaveAddress = () => {
    if (host.addressed && saved) window.history.replaceState(window.history.state, '', playHref(scenario.id));
  };
  const rewind = (index: number) => {
    leaveAddress();
    host.screens.call(
      { ...rewindTo(scenario, transcript, index), mode: transcript.mode ?? 'coach' },
      t('debrief.rewound', { n: index + 1 }),
    );
  };
  const rewindButton = (index: number) => {
    const button = el('button', { type: 'button', className: 'secondary small' }, t('debrief.rewindHere'));
    button.setAttribute('aria-label', t('debrief.rewindHere.label', { n: index + 1 }));
    button.addEventListener('click', () => {
      rewind(index);
    });
    return button;
  };
  if (!saved?.reopened) {
    host.shift?.onFinish(result);
    host.audio?.play('countup');
  }
  const roomCard = saved?.reopened ? '' : (host.workshop?.finished(transcript, result, life) ?? '');

  // The review, below the results.
  // Each part's heading says the gist, so the folded review still reads as a summary.
  const decisions = fold(t('debrief.decisions'), decisionsList(scenario, result, rewindButton), {
    open: wide,
    className: 'decisions-card',
    hint: tn('debrief.decisions.hint', result.decisions.length),
  });
  const offered = Object.values(result.letters).filter((l) => l.opportunities > 0);
  const hits = offered.reduce((n, l) => n + l.hits, 0);
  const moves = offered.reduce((n, l) => n + l.opportunities, 0);
  const anger = { from: result.timeline[0]?.anger ?? 0, to: result.timeline.at(-1)?.anger ?? 0 };
  const review = [
    decisions.element,
    fold(t('debrief.score'), [scoreParts(result)], {
      open: wide,
      className: 'score-parts',
      hint: result.faults.count === 0 ? t('debrief.noFaults') : tn('debrief.faults', result.faults.count),
    }).element,
    fold(t('debrief.soaring'), [chart(soaringChart(result))], {
      open: wide,
      hint: t('debrief.soaring.hint', { hits, moves }),
    }).element,
    fold(t('debrief.anger'), [chart(angerChart(result))], {
      open: wide,
      hint: t('debrief.anger.hint', anger),
    }).element,
    fold(t('debrief.composure'), composureDetails(result), {
      open: wide,
      hint: t('debrief.composure.hint', { lowest: result.composure.lowest }),
    }).element,
    fold(t('debrief.conversation'), [log], { open: false }).element,
  ];
  // A thing to work on opens its decision in the review, scrolls to it and reads it out.
  const see = (index: number | null) => {
    decisions.open();
    const target =
      (index === null ? null : root.querySelector<HTMLElement>(`#${decisionId(index)}`)) ?? decisions.toggle;
    target.scrollIntoView({ block: 'start', behavior: reducedMotion ? 'auto' : 'smooth' });
    target.focus({ preventScroll: true });
    target.classList.remove('flash');
    // On the next frame, so the highlight starts again when the same decision is asked for twice.
    requestAnimationFrame(() => {
      target.classList.add('flash');
    });
  };

  const items = workOn(scenario, result);
  const actions: HTMLElement[] = [];
  if (host.shift) {
    const onward = el('button', { className: 'primary', type: 'button' }, host.shift.continueWith.label);
    onward.addEventListener('click', host.shift.continueWith.run);
    actions.push(onward);
  } else {
    const again = el('button', { className: 'primary', type: 'button' }, t('debrief.again'));
    again.addEventListener('click', () => {
      leaveAddress();
      host.screens.briefing();
    });
    actions.push(again);
  }
  // Rewind to the weightiest of the things to work on: the call plays on from there.
  const first = rewindTarget(items);
  if (first !== null) {
    const back = el(
      'button',
      { className: 'secondary', type: 'button' },
      t('debrief.rewindTo', { n: first + 1 }),
    );
    back.addEventListener('click', () => {
      rewind(first);
    });
    actions.push(back);
  }
  if (host.next && !host.shift)
    actions.push(
      el(
        'a',
        { className: 'secondary', href: host.next.href },
        t('debrief.next', { title: host.next.title }),
      ),
    );
  const links: HTMLElement[] = [];
  // A room's call goes back to the room: that is what comes next, so it is one of the actions.
  if (host.menuHref && host.workshop)
    actions.push(el('a', { className: 'secondary', href: host.menuHref }, wayBack(host)));
  else if (host.menuHref) links.push(el('a', { href: host.menuHref }, wayBack(host)));
  if (saved && host.addressed) links.push(el('a', { href: historyHref() }, t('debrief.yourCalls')));

  // Focus lands on the score, at the top, so the debrief is read from its start.
  const shown = saved?.reopened ? saved : result;
  const heading = scoreHeading(shown.total, shown.grade);
  root.replaceChildren(
    resultsCard({
      heading,
      result,
      transcript,
      saved,
      ending: endingPart(host, result, wide),
      workOn: workOnPart(items, see),
      actions,
      links,
    }),
    roomCard,
    el('p', { className: 'review-label' }, t('debrief.whole')),
    ...review,
  );
  // Back to the top: the stage shows how the customer leaves, the heading gives the score.
  window.scrollTo({ top: 0 });
  heading.focus({ preventScroll: true });
}
