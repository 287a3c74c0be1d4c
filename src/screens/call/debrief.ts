/**
 * The debrief after a call: the score and grade, how the call ended, how the score adds up, the
 * SOARING and anger charts, composure, every decision (each one a place to rewind to) and the
 * conversation to read back. Then: play again, the next call of a shift, or the way back.
 */
import { own, rewindTo, type ScoreResult, type Transcript } from '../../engine/index.js';
import { chart, el } from '../kit/dom.js';
import { enterScreen } from '../kit/screen.js';
import { endingWords } from '../kit/words.js';
import { angerChart, soaringChart } from './charts.js';
import { composureCard } from './composure-card.js';
import { decisionsCard } from './decisions.js';
import { wayBack, type Host } from './host.js';
import { scoreParts } from './score-parts.js';

/** How the call ended: the ending's kind in words, what the customer said, and what it cost. */
function endingCard(host: Host, result: ScoreResult): HTMLElement {
  const { scenario } = host;
  const ending = result.ending;
  const says = ending ? own(scenario.endings, ending.id)?.says : undefined;
  return el(
    'section',
    { className: 'card' },
    el(
      'h2',
      {},
      ending ? `Ending: ${endingWords(ending.kind, scenario.setting)}` : 'The call did not finish',
    ),
    ending && says ? el('blockquote', {}, says) : '',
    el('p', {}, ending?.narrative ?? ''),
    el(
      'p',
      {},
      ending
        ? `Gratitude ${ending.gratitude}/4 · would come back ${ending.recommit}/4 · extra cost to the company $${ending.cost}`
        : '',
    ),
  );
}

export function showDebrief(host: Host, result: ScoreResult, transcript: Transcript, log: HTMLElement): void {
  const { root, scenario } = host;
  // The call's screen ends here: its timers, keys and sounds stop.
  const life = enterScreen(root);
  const rewindButton = (index: number) => {
    const button = el('button', { type: 'button', className: 'secondary small' }, 'Rewind to here');
    button.setAttribute('aria-label', `Rewind to here: decision ${index + 1}, and play on from there`);
    button.addEventListener('click', () => {
      host.screens.call(
        { ...rewindTo(scenario, transcript, index), mode: transcript.mode ?? 'coach' },
        `Rewound to decision ${index + 1}: the customer says that again. What do you answer this time?`,
      );
    });
    return button;
  };
  host.shift?.onFinish(result);
  const roomCard = host.workshop?.finished(transcript, result, life) ?? '';
  host.audio?.play('countup');
  const again = el(
    'button',
    { className: host.shift ? 'secondary' : 'primary', type: 'button' },
    'Play again',
  );
  again.addEventListener('click', () => {
    host.screens.briefing();
  });
  const onward = host.shift
    ? el('button', { className: 'primary', type: 'button' }, host.shift.continueWith.label)
    : null;
  onward?.addEventListener('click', host.shift?.continueWith.run ?? (() => undefined));
  // Focus lands on the score, at the top, so the debrief is read from its start.
  const heading = el('h1', { tabIndex: -1 }, `Debrief: ${result.total} / 1000 · grade ${result.grade}`);
  root.replaceChildren(
    heading,
    el(
      'p',
      { className: 'muted' },
      transcript.mode === 'assessment'
        ? 'Played in assessment mode: the feedback below is the first you see.'
        : 'Played in coach mode.',
    ),
    roomCard,
    endingCard(host, result),
    scoreParts(result),
    el('section', { className: 'card' }, el('h2', {}, 'SOARING'), chart(soaringChart(result))),
    composureCard(result),
    el('section', { className: 'card' }, el('h2', {}, 'Anger over the call'), chart(angerChart(result))),
    decisionsCard(scenario, result, rewindButton),
    el('details', {}, el('summary', {}, 'Conversation'), log),
    el(
      'div',
      { className: 'actions' },
      ...(onward ? [onward] : [again]),
      host.next && !host.shift
        ? el('a', { className: 'secondary', href: host.next.href }, `Next: ${host.next.title}`)
        : '',
      host.menuHref ? el('a', { className: 'secondary', href: host.menuHref }, wayBack(host)) : '',
    ),
  );
  // Back to the top: the stage shows how the customer leaves, the heading gives the score.
  window.scrollTo({ top: 0 });
  heading.focus({ preventScroll: true });
}
