/**
 * The title screen's parts: the game's name and mark, the panel that says where to go (start here
 * on a first visit; progress and the next call after that), the seven moves, and a scenario card.
 */
import { LETTERS, LETTER_NAMES, gradeOf, type Letter, type Scenario } from '../engine/index.js';
import { MARK_SRC, icon } from './art.js';
import { INTRO_ID, type MoveTally, type NextReason, type Standing } from './course.js';
import { el } from './kit/dom.js';
import { plural } from './kit/status.js';
import { playHref } from './routes.js';
import { factsRow, lengthText, teaser } from './scenario-facts.js';
import { shownText } from './scenario-language.js';

/** The title: the mark, the game's name, and what it is for (the page's one h1). */
export function titleHeader(): HTMLElement {
  const mark = el('img', { className: 'mark', src: MARK_SRC, alt: '', width: 88, height: 88 });
  return el(
    'header',
    { className: 'title' },
    mark,
    el(
      'div',
      { className: 'title-words' },
      el('p', { className: 'wordmark' }, 'Keep ', el('span', {}, 'Cool')),
      el('h1', {}, 'Practise calming a difficult customer'),
    ),
  );
}

/**
 * The seven moves as tiles: their names on a first visit; with a tally, how many of the moments
 * that called for each one the trainee's recent calls made it.
 */
export function movesStrip(moves?: Record<Letter, MoveTally>, weakest?: Letter | null): HTMLElement {
  const strip = el('ol', { className: 'moves' });
  strip.setAttribute('aria-label', moves ? 'Your SOARING moves in recent calls' : 'The seven SOARING moves');
  for (const letter of LETTERS) {
    const tally = moves?.[letter];
    const tile = el(
      'li',
      { className: `move${letter === weakest ? ' weakest' : ''}` },
      el('span', { className: 'move-letter' }, letter),
      el('span', { className: 'move-name' }, LETTER_NAMES[letter]),
    );
    if (tally) {
      const share = tally.opportunities ? tally.hits / tally.opportunities : 0;
      const fill = el('span', { className: 'move-fill' });
      fill.style.setProperty('--share', String(share));
      tile.prepend(fill);
      tile.append(
        el(
          'span',
          { className: 'move-tally' },
          tally.opportunities ? `${tally.hits} of ${tally.opportunities}` : 'not asked yet',
        ),
      );
    }
    strip.append(tile);
  }
  return strip;
}

/** A first visit: the introduction, played with a coach, and the seven moves it meets. */
export function startHere(intro: Scenario): HTMLElement {
  const isIntro = intro.id === INTRO_ID;
  return el(
    'section',
    { className: 'hero start-here' },
    el('p', { className: 'eyebrow' }, 'New here?'),
    el('h2', {}, 'Start here'),
    el(
      'p',
      { className: 'lede' },
      isIntro
        ? `Take your first call: ${lengthText(intro)}, with a gentle customer and a coach who names each move of the SOARING method as you make it.`
        : `Take your first call: ${intro.title}, ${lengthText(intro)}.`,
    ),
    el(
      'div',
      { className: 'hero-call' },
      el('p', { className: 'hero-call-title' }, intro.title),
      factsRow(intro),
    ),
    el(
      'a',
      { className: 'primary big', href: playHref(intro.id) },
      icon('play', 'icon play'),
      'Play your first call',
    ),
    el('p', { className: 'moves-title' }, 'The seven moves you will meet:'),
    movesStrip(),
  );
}

/** Why this call is the one to take next, in a sentence. */
function why(reason: NextReason, tally: Standing['moves']): string {
  if (reason.kind === 'start') return 'A good first call.';
  const move = reason.move
    ? ` It has a moment for ${LETTER_NAMES[reason.move]}, your weakest move so far (${tally[reason.move].hits} of ${tally[reason.move].opportunities}).`
    : '';
  return reason.kind === 'new'
    ? `You have not played it yet.${move}`
    : `Your best here is ${reason.best}, grade ${gradeOf(reason.best)}.${move || ' Grade A starts at 850.'}`;
}

/** A returning trainee: how far they have come, the call to take next, and their moves. */
export function welcomeBack(now: Standing): HTMLElement {
  const next = now.next;
  return el(
    'section',
    { className: 'hero progress' },
    el('p', { className: 'eyebrow' }, 'Welcome back'),
    el('h2', {}, 'Your progress'),
    el(
      'p',
      { className: 'lede' },
      `${plural(now.calls, 'call')} finished on this device · ${now.played} of ${plural(now.total, 'scenario')} played.`,
    ),
    next
      ? el(
          'div',
          { className: 'next-up' },
          el('p', { className: 'eyebrow' }, 'Next up'),
          el('h3', {}, shownText(next.scenario)(next.scenario.title)),
          el('p', {}, why(next.reason, now.moves)),
          factsRow(next.scenario),
          el(
            'a',
            { className: 'primary big', href: playHref(next.scenario.id) },
            icon('play', 'icon play'),
            `Play ${shownText(next.scenario)(next.scenario.title)}`,
          ),
        )
      : el(
          'p',
          { className: 'next-up' },
          'Every call here has a grade-A best on this device. Try a shift below: a run of calls as a real day brings them.',
        ),
    el(
      'p',
      { className: 'moves-title' },
      'Your moves in recent calls: how many of the moments for each you took.',
    ),
    movesStrip(now.moves, now.weakest),
  );
}

/** One scenario on the menu: the whole card is its link; the words say all the drawings show. */
export function scenarioCard(scenario: Scenario, best: number | null): HTMLElement {
  const card = el(
    'li',
    { className: `scenario-card setting-${scenario.setting}${scenario.id === INTRO_ID ? ' intro' : ''}` },
    scenario.id === INTRO_ID
      ? el('p', { className: 'badge' }, best === null ? 'Start here' : 'Introduction')
      : '',
    el('a', { href: playHref(scenario.id) }, el('h3', {}, shownText(scenario)(scenario.title))),
    el('p', { className: 'teaser' }, teaser(scenario)),
    factsRow(scenario),
  );
  if (best === null) {
    card.append(el('p', { className: 'best none' }, 'Not played yet'));
  } else {
    const bar = el('span', { className: 'best-bar' }, el('span', {}));
    bar.style.setProperty('--share', String(best / 1000));
    bar.setAttribute('aria-hidden', 'true');
    card.append(el('p', { className: 'best' }, `Best: ${best} / 1000 · grade ${gradeOf(best)}`), bar);
  }
  return card;
}
