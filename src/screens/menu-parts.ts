/**
 * The title screen's parts: the game's name and mark, the panel that says where to go (start here
 * on a first visit; progress and the next call after that), the seven moves, and a scenario card.
 */
import { LETTERS, gradeOf, type Letter, type Scenario } from '../engine/index.js';
import { MARK_SRC, icon } from './art.js';
import { INTRO_ID, type MoveTally, type NextReason, type Standing } from './course.js';
import { el } from './kit/dom.js';
import { t, tn } from './i18n/index.js';
import { dontName, letterName } from './i18n/names.js';
import { playHref } from './routes.js';
import { factsRow, lengthText, teaser } from './scenario-facts.js';
import { shownTitle, writtenIn } from './scenario-language.js';

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
      el('h1', {}, t('menu.tagline')),
    ),
  );
}

/**
 * The seven moves as tiles: their names on a first visit; with a tally, how many of the moments
 * that called for each one the trainee's recent calls made it.
 */
export function movesStrip(moves?: Record<Letter, MoveTally>, weakest?: Letter | null): HTMLElement {
  const strip = el('ol', { className: 'moves' });
  strip.setAttribute('aria-label', moves ? t('menu.moves.recent') : t('menu.moves.seven'));
  for (const letter of LETTERS) {
    const tally = moves?.[letter];
    const tile = el(
      'li',
      { className: `move${letter === weakest ? ' weakest' : ''}` },
      el('span', { className: 'move-letter' }, letter),
      el('span', { className: 'move-name' }, letterName(letter)),
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
          tally.opportunities
            ? t('menu.moves.tally', { hits: tally.hits, chances: tally.opportunities })
            : t('menu.moves.notAsked'),
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
    el('p', { className: 'eyebrow' }, t('menu.new.eyebrow')),
    el('h2', {}, t('menu.new.title')),
    el(
      'p',
      { className: 'lede' },
      isIntro
        ? t('menu.new.intro', { length: lengthText(intro) })
        : t('menu.new.other', { title: shownTitle(intro), length: lengthText(intro) }),
    ),
    el(
      'div',
      { className: 'hero-call' },
      el('p', { className: 'hero-call-title' }, shownTitle(intro)),
      factsRow(intro),
    ),
    el(
      'a',
      { className: 'primary big', href: playHref(intro.id) },
      icon('play', 'icon play'),
      t('menu.new.play'),
    ),
    el('p', { className: 'moves-title' }, t('menu.new.moves')),
    movesStrip(),
  );
}

/** Why this call is the one to practise next, in a sentence. */
export function why(reason: NextReason, tally: Standing['moves'], recent: number): string {
  if (reason.kind === 'start') return t('menu.why.start');
  const focus = reason.dont
    ? t('practise.dont', { dont: dontName(reason.dont.dont), calls: reason.dont.calls, of: recent })
    : reason.move
      ? t('menu.why.move', {
          move: letterName(reason.move),
          hits: tally[reason.move].hits,
          chances: tally[reason.move].opportunities,
        })
      : '';
  return reason.kind === 'new'
    ? t('menu.why.new', { move: focus })
    : t('menu.why.best', {
        best: reason.best,
        grade: gradeOf(reason.best),
        move: focus || t('menu.why.gradeA'),
      });
}

/** "Practise next": the call that best exercises what the trainee needs, and why it was picked. */
export function practiseNext(now: Standing): HTMLElement {
  const next = now.next;
  if (!next) return el('p', { className: 'next-up' }, t('menu.next.allA'));
  return el(
    'div',
    { className: 'next-up practise-next' },
    el('p', { className: 'eyebrow' }, t('practise.eyebrow')),
    el('h3', writtenIn(next.scenario), shownTitle(next.scenario)),
    el('p', { className: 'practise-why' }, why(next.reason, now.moves, now.recent)),
    factsRow(next.scenario),
    el(
      'a',
      { className: 'primary big', href: playHref(next.scenario.id) },
      icon('play', 'icon play'),
      t('menu.next.play', { title: shownTitle(next.scenario) }),
    ),
  );
}

/** A returning trainee: how far they have come, the call to practise next, and their moves. */
export function welcomeBack(now: Standing): HTMLElement {
  return el(
    'section',
    { className: 'hero progress' },
    el('p', { className: 'eyebrow' }, t('menu.back.eyebrow')),
    el('h2', {}, t('menu.back.title')),
    el(
      'p',
      { className: 'lede' },
      tn('menu.back.calls', now.calls) + tn('menu.back.played', now.total, { played: now.played }),
    ),
    practiseNext(now),
    el('p', { className: 'moves-title' }, t('menu.next.moves')),
    movesStrip(now.moves, now.weakest),
  );
}

/** One scenario on the menu: the whole card is its link; the words say all the drawings show. */
export function scenarioCard(scenario: Scenario, best: number | null): HTMLElement {
  const card = el(
    'li',
    { className: `scenario-card setting-${scenario.setting}${scenario.id === INTRO_ID ? ' intro' : ''}` },
    scenario.id === INTRO_ID
      ? el('p', { className: 'badge' }, best === null ? t('menu.card.startHere') : t('menu.card.intro'))
      : '',
    el('a', { href: playHref(scenario.id) }, el('h3', writtenIn(scenario), shownTitle(scenario))),
    el('p', { className: 'teaser', ...writtenIn(scenario) }, teaser(scenario)),
    factsRow(scenario),
  );
  if (best === null) {
    card.append(el('p', { className: 'best none' }, t('menu.card.notPlayed')));
  } else {
    const bar = el('span', { className: 'best-bar' }, el('span', {}));
    bar.style.setProperty('--share', String(best / 1000));
    bar.setAttribute('aria-hidden', 'true');
    card.append(el('p', { className: 'best' }, t('menu.card.best', { best, grade: gradeOf(best) })), bar);
  }
  return card;
}
