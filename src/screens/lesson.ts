/**
 * A chapter's lesson: a worked moment from a real call — a poor answer plays out, then a good one,
 * each with what it did to the customer and why — then a moment for the trainee to try, answered
 * with the call's own feedback until they find the move. All of it is text and buttons in the page
 * (the customer's lines, the answers, the mood), and the stage draws the customer as they feel.
 */
import {
  answersMove,
  playAnswer,
  stateAtMoment,
  type CallState,
  type Chapter,
  type Mood,
  type PlayedAnswer,
  type Scenario,
} from '../engine/index.js';
import { el } from './kit/dom.js';
import { t } from './i18n/index.js';
import { dontName, letterName, moodName } from './i18n/names.js';
import { courseWords, shownText, writtenIn } from './scenario-language.js';
import type { AppOptions } from './app-options.js';
import { lineWords } from './call/view-of.js';
import { stableShuffle } from './call/order.js';

/** What the stage is told as the lesson goes: who is on the line, and how they feel now. */
type Show = (scenario: Scenario, mood: Mood, anger: number) => void;

/** The customer's line at a moment: who says it, the words, and how they feel. */
function momentCard(scenario: Scenario, state: CallState): HTMLElement {
  const shown = shownText(scenario);
  return el(
    'div',
    { className: 'lesson-moment' },
    el('p', { className: 'who' }, scenario.customer.name),
    el('blockquote', { ...writtenIn(scenario) }, shown(state.line)),
    moodChip(scenario, state.mood, state.anger),
  );
}

function moodChip(scenario: Scenario, mood: Mood, anger: number): HTMLElement {
  const chip = el(
    'p',
    { className: `mood-chip mood-${mood}` },
    t('lesson.mood', { name: scenario.customer.name, mood: moodName(mood), anger }),
  );
  return chip;
}

/** One answer played out: what you said, what came back, how the customer's anger moved, and why. */
function exchange(scenario: Scenario, played: PlayedAnswer, good: boolean): HTMLElement {
  const shown = shownText(scenario);
  const lang = writtenIn(scenario);
  const meter = el('span', { className: 'lesson-meter' }, el('span', {}));
  meter.style.setProperty('--from', String(played.before.anger / 100));
  meter.style.setProperty('--to', String(played.after.anger / 100));
  meter.setAttribute('aria-hidden', 'true');
  return el(
    'div',
    { className: `lesson-exchange ${good ? 'good' : 'bad'}` },
    el(
      'p',
      { className: 'you' },
      el('strong', {}, `${t('lesson.you')}: `),
      el('span', lang, shown(played.says)),
    ),
    el(
      'p',
      { className: 'reply' },
      el('strong', {}, `${scenario.customer.name}: `),
      el('span', lang, played.reply ? shown(played.reply) : ''),
      played.ended ? el('span', { className: 'muted' }, ` ${t('lesson.ended')}`) : '',
    ),
    el(
      'p',
      { className: `mood-change mood-${played.after.mood}` },
      meter,
      t('lesson.moodChange', { before: played.before.anger, after: played.after.anger }),
      ' · ',
      moodName(played.after.mood),
    ),
    el(
      'div',
      { className: 'why' },
      el('p', { className: 'why-title' }, good ? t('lesson.why.good') : t('lesson.why.bad')),
      el('p', lang, shown(played.feedback)),
      played.breaks.length
        ? el(
            'p',
            { className: 'broke' },
            t('lesson.broke', { donts: played.breaks.map(dontName).join(', ') }),
          )
        : '',
      played.uses.length
        ? el('p', { className: 'used' }, t('lesson.used', { moves: played.uses.map(letterName).join(', ') }))
        : '',
    ),
  );
}

/**
 * The lesson for `chapter`, or null when its moments cannot be played in this library (the course
 * checker reports that to trainers). `done` runs once the trainee finds the move.
 */
export function lessonSection(
  chapter: Chapter,
  library: readonly Scenario[],
  options: Pick<AppOptions, 'onView'> & { reducedMotion: boolean },
  done: () => void,
): HTMLElement | null {
  const { watch, try: attempt } = chapter.lesson;
  const watched = library.find((s) => s.id === watch.scenario);
  const tried = library.find((s) => s.id === attempt.scenario);
  const watchState = watched ? stateAtMoment(watched, watch.moment) : null;
  const tryState = tried ? stateAtMoment(tried, attempt.moment) : null;
  if (!watched || !tried || !watchState || !tryState) return null;
  const bad = playAnswer(watched, watchState, watch.bad);
  const good = playAnswer(watched, watchState, watch.good);
  if (!bad || !good) return null;

  const show: Show = (scenario, mood, anger) => {
    options.onView({
      appearance: scenario.customer.appearance,
      setting: scenario.setting,
      mood,
      pose: 'neutral',
      lineWords: lineWords(),
      anger,
      reducedMotion: options.reducedMotion,
    });
  };
  show(watched, watchState.mood, watchState.anger);

  const badSlot = el('div', { className: 'lesson-slot' });
  const goodSlot = el('div', { className: 'lesson-slot' });
  for (const slot of [badSlot, goodSlot]) slot.setAttribute('aria-live', 'polite');
  const playBad = el('button', { type: 'button', className: 'secondary' }, t('lesson.playBad'));
  const playGood = el(
    'button',
    { type: 'button', className: 'secondary', disabled: true },
    t('lesson.playGood'),
  );
  playBad.addEventListener('click', () => {
    badSlot.replaceChildren(exchange(watched, bad, false));
    show(watched, bad.after.mood, bad.after.anger);
    playBad.disabled = true;
    playGood.disabled = false;
    playGood.focus();
  });
  playGood.addEventListener('click', () => {
    goodSlot.replaceChildren(exchange(watched, good, true));
    show(watched, good.after.mood, good.after.anger);
    playGood.disabled = true;
    tryHeading.scrollIntoView({ block: 'nearest', behavior: options.reducedMotion ? 'auto' : 'smooth' });
  });

  const node = tried.nodes[attempt.moment];
  const shown = shownText(tried);
  const verdict = el('div', { className: 'lesson-verdict' });
  verdict.setAttribute('aria-live', 'polite');
  const takeaway = el(
    'div',
    { className: 'lesson-takeaway', hidden: true },
    el('p', { className: 'why-title' }, t('lesson.takeaway')),
    el('p', courseWords(), chapter.lesson.takeaway),
  );
  const answers = el('div', { className: 'lesson-answers' });
  answers.setAttribute('role', 'group');
  answers.setAttribute('aria-label', t('lesson.try.group'));
  let found = false;
  // A stable order, seeded by the chapter, so the right answer is not always first (nor last).
  for (const response of stableShuffle(node?.responses ?? [], chapter.id)) {
    const button = el(
      'button',
      { type: 'button', className: 'choice answer' },
      el('span', writtenIn(tried), shown(response.says)),
    );
    button.addEventListener('click', () => {
      const played = playAnswer(tried, tryState, response.id);
      if (!played) return;
      const right = answersMove(response, chapter.move);
      button.classList.add(right ? 'right' : 'wrong');
      button.setAttribute('aria-pressed', 'true');
      show(tried, played.after.mood, played.after.anger);
      verdict.replaceChildren(
        el(
          'p',
          { className: right ? 'verdict right' : 'verdict wrong' },
          right ? t('lesson.right') : t('lesson.wrong'),
        ),
        exchange(tried, played, right),
      );
      if (right && !found) {
        found = true;
        takeaway.hidden = false;
        done();
      }
    });
    answers.append(button);
  }

  const tryHeading = el('h3', {}, t('lesson.try'));
  return el(
    'section',
    { className: 'card lesson' },
    el('h2', {}, t('lesson.title')),
    el('p', { className: 'lede', ...courseWords() }, chapter.lesson.intro),
    el(
      'section',
      { className: 'lesson-watch' },
      el('h3', {}, t('lesson.watch')),
      el('p', { className: 'muted' }, t('lesson.watch.about')),
      momentCard(watched, watchState),
      playBad,
      badSlot,
      playGood,
      goodSlot,
    ),
    el(
      'section',
      { className: 'lesson-try' },
      tryHeading,
      el('p', { className: 'muted' }, t('lesson.try.about')),
      momentCard(tried, tryState),
      answers,
      verdict,
      takeaway,
    ),
  );
}
