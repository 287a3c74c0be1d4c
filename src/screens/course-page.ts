/**
 * The course's pages: `#/course` lists the chapters (passed, open or locked, each with its pass
 * mark), the call to practise next and the skills profile; `#/course/<chapter>` opens a chapter:
 * its lesson, then its calls with how close each came to the pass mark.
 */
import { letterOf, type Chapter, type ChapterMove, type Pass } from '../engine/index.js';
import { progressStore } from '../device/progress.js';
import { settingsStore } from '../device/settings.js';
import type { AppOptions } from './app-options.js';
import { chapterStates, currentChapter, type CallStanding, type ChapterState } from './chapters.js';
import { courseOrder, standing } from './course.js';
import { el } from './kit/dom.js';
import { enterScreen, markScreen } from './kit/screen.js';
import { notices } from './kit/status.js';
import { storeNotice } from './kit/store-notice.js';
import { t, tn } from './i18n/index.js';
import { letterName } from './i18n/names.js';
import { lessonSection } from './lesson.js';
import { practiseNext } from './menu-parts.js';
import { profileSection } from './profile-chart.js';
import { COURSE, courseHref, playHref } from './routes.js';
import { factsRow } from './scenario-facts.js';
import { courseWords, shownTitle, writtenIn } from './scenario-language.js';
import { lineWords } from './call/view-of.js';

/** A chapter's move in words: the letter's name, keeping cool, or every move. */
export function moveName(move: ChapterMove): string {
  const letter = letterOf(move);
  if (letter) return `${letterName(letter)} (${letter})`;
  return move === 'cool' ? t('course.move.cool') : t('course.move.mixed');
}

/** The pass mark in a sentence. */
function passText(chapter: Chapter, pass: Pass): string {
  if ('share' in pass) return t('course.pass.share', { share: pass.share, move: moveName(chapter.move) });
  if ('donts' in pass)
    return pass.donts === 0 ? t('course.pass.noBait') : tn('course.pass.donts', pass.donts);
  return t('course.pass.total', { total: pass.total });
}

/** How close a call came to the pass mark. */
function markText(chapter: Chapter, call: CallStanding, pass: Pass): string {
  const best = call.best;
  if (!best) return t('course.mark.none');
  const text =
    'share' in pass
      ? t('course.mark.share', { value: best.value, move: moveName(chapter.move) })
      : 'donts' in pass
        ? tn('course.mark.donts', best.value)
        : t('course.mark.total', { value: best.value });
  return best.passed ? `${text} · ${t('course.mark.passed')}` : text;
}

function statusOf(state: ChapterState): 'passed' | 'open' | 'locked' {
  return state.passed ? 'passed' : state.open ? 'open' : 'locked';
}

/** One chapter in the course's list: its number, title, move and status; a link when it is open. */
function chapterItem(state: ChapterState, previous: ChapterState | undefined): HTMLElement {
  const { chapter } = state;
  const status = statusOf(state);
  const number = state.index + 1;
  const title = el('span', courseWords(), chapter.title);
  return el(
    'li',
    { className: `chapter chapter-${status}` },
    el('span', { className: 'chapter-number' }, String(number)),
    el(
      'div',
      { className: 'chapter-words' },
      el('p', { className: 'eyebrow' }, `${t('course.chapter', { number })} · ${moveName(chapter.move)}`),
      el(
        'h3',
        {},
        state.open
          ? el(
              'a',
              { href: courseHref(chapter.id), ariaLabel: t('course.open', { number, title: chapter.title }) },
              title,
            )
          : title,
      ),
      el('p', courseWords(), chapter.summary),
      status === 'locked' && previous
        ? el('p', { className: 'muted' }, t('course.lockedWhy', { title: previous.chapter.title }))
        : '',
    ),
    el('span', { className: `chapter-status status-${status}` }, t(`course.status.${status}`)),
  );
}

/** The course at `#/course`: chapters, practise next, the skills profile. */
function showCourseList(root: HTMLElement, options: AppOptions): void {
  const life = enterScreen(root);
  markScreen(life, 'course');
  const loaded = progressStore(options.storage).load();
  const progress = loaded.value;
  const heading = el('h1', { tabIndex: -1 }, t('course.title'));
  const course = options.course ?? null;
  const library = options.scenarios;
  const now = standing(courseOrder(library), progress);
  const parts: (HTMLElement | string)[] = [];
  if (course) {
    const states = chapterStates(course, library, progress);
    const passed = states.filter((s) => s.passed).length;
    const current = currentChapter(states);
    parts.push(
      el('p', { className: 'lede' }, t('course.lede')),
      el('p', { className: 'course-progress' }, t('course.passedCount', { passed, count: states.length })),
      current
        ? el(
            'a',
            { className: 'primary big', href: courseHref(current.chapter.id) },
            t('course.continue', { title: current.chapter.title }),
          )
        : el('p', {}, t('course.done')),
      el('ol', { className: 'chapters' }, ...states.map((s, i) => chapterItem(s, states[i - 1]))),
    );
  } else {
    parts.push(el('p', {}, options.courseBroken?.length ? t('course.broken') : t('course.none')));
  }
  root.replaceChildren(
    el('a', { className: 'back', href: '#/' }, t('course.back')),
    heading,
    notices(undefined, storeNotice(loaded.notice)),
    ...parts,
    now.next ? el('section', { className: 'hero practise' }, practiseNext(now)) : '',
    profileSection(now.profile),
  );
  window.scrollTo({ top: 0 });
  heading.focus({ preventScroll: true });
  showWaitingCustomer(options, now.next?.scenario ?? library[0]);
}

/** The stage's customer while no call is on: the one to take next, calm. */
function showWaitingCustomer(
  options: AppOptions,
  scenario: AppOptions['scenarios'][number] | undefined,
): void {
  if (!scenario) return;
  options.onView({
    appearance: scenario.customer.appearance,
    setting: scenario.setting,
    mood: 'calm',
    pose: 'neutral',
    lineWords: lineWords(),
    anger: scenario.customer.anger,
    reducedMotion: settingsStore(options.storage, options.prefersReducedMotion).load().value.reducedMotion,
  });
}

/** What opens a locked chapter: passing the one before it, with the way there. */
function lockedNote(previous: ChapterState | undefined): HTMLElement {
  return el(
    'p',
    { className: 'locked-note' },
    t('course.lockedWhy', { title: previous?.chapter.title ?? '' }),
    ' ',
    previous
      ? el(
          'a',
          { href: courseHref(previous.chapter.id) },
          t('course.open', { number: previous.index + 1, title: previous.chapter.title }),
        )
      : '',
  );
}

/** A chapter at `#/course/<id>`: its lesson, then its calls (a locked one says what opens it). */
function showChapter(root: HTMLElement, options: AppOptions, id: string): void {
  const course = options.course ?? null;
  const progress = progressStore(options.storage).load().value;
  const states = course ? chapterStates(course, options.scenarios, progress) : [];
  const state = states.find((s) => s.chapter.id === id);
  if (!state) {
    window.location.hash = courseHref();
    return;
  }
  const life = enterScreen(root);
  markScreen(life, 'course');
  const { chapter } = state;
  const number = state.index + 1;
  const reducedMotion = settingsStore(options.storage, options.prefersReducedMotion).load().value
    .reducedMotion;
  const heading = el('h1', { tabIndex: -1, ...courseWords() }, chapter.title);
  const callsHeading = el('h2', { id: 'chapter-calls', tabIndex: -1 }, t('course.calls'));
  const toCalls = el(
    'a',
    { className: 'primary', href: `#/course/${chapter.id}`, hidden: true },
    t('lesson.toCalls'),
  );
  toCalls.addEventListener('click', (event) => {
    event.preventDefault();
    callsHeading.scrollIntoView({ block: 'start' });
    callsHeading.focus({ preventScroll: true });
  });
  // A locked chapter says what opens it, and keeps its lesson and calls for then.
  const lesson = state.open
    ? lessonSection(chapter, options.scenarios, { onView: options.onView, reducedMotion }, () => {
        toCalls.hidden = false;
      })
    : null;
  const calls = state.calls.map((call) =>
    el(
      'li',
      { className: `scenario-card setting-${call.scenario.setting}${call.best?.passed ? ' passed' : ''}` },
      el(
        'a',
        { href: playHref(call.scenario.id) },
        el('h3', writtenIn(call.scenario), shownTitle(call.scenario)),
      ),
      factsRow(call.scenario),
      el('p', { className: `best${call.best ? '' : ' none'}` }, markText(chapter, call, state.pass)),
    ),
  );
  root.replaceChildren(
    el('a', { className: 'back', href: courseHref() }, t('course.toCourse')),
    el('p', { className: 'eyebrow' }, `${t('course.chapter', { number })} · ${moveName(chapter.move)}`),
    heading,
    el('p', { className: 'lede', ...courseWords() }, chapter.summary),
    el(
      'p',
      { className: `pass-mark${state.passed ? ' passed' : ''}` },
      passText(chapter, state.pass),
      state.passed ? ` ✓ ${t('course.status.passed')}` : '',
    ),
    state.open ? '' : lockedNote(states[state.index - 1]),
    lesson ?? '',
    lesson ? toCalls : '',
    state.open
      ? el(
          'section',
          { className: 'menu-scenarios chapter-calls' },
          callsHeading,
          el('ul', { className: 'scenario-list' }, ...calls),
        )
      : '',
  );
  window.scrollTo({ top: 0 });
  heading.focus({ preventScroll: true });
}

/** Shows the course page `hash` asks for (`#/course` or `#/course/<chapter>`). */
export function showCourse(root: HTMLElement, options: AppOptions, hash: string): void {
  const id = COURSE.exec(hash)?.[1];
  let chapter = '';
  try {
    chapter = decodeURIComponent(id ?? '');
  } catch {
    // A damaged address shows the course's list.
  }
  if (chapter) showChapter(root, options, chapter);
  else showCourseList(root, options);
}
