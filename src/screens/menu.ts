/**
 * The menu at `#/`, the game's title screen: the name and mark, where to go (start here on a first
 * visit; progress and the next call after that), a call to resume, the scenarios as cards, the
 * shift, the workshop, history and settings.
 */
import { bestScore, progressStore } from '../device/progress.js';
import { settingsStore } from '../device/settings.js';
import { el } from './kit/dom.js';
import { enterScreen, markScreen } from './kit/screen.js';
import { notices } from './kit/status.js';
import { settingsPanel } from './settings-panel.js';
import { SHIFT_HREF } from './shift.js';
import { shiftStore } from '../device/shift-store.js';
import { HOST_HREF, JOIN_HREF, ROOM_HREF } from './workshop/routes.js';
import { workshopStore } from '../device/workshop-store.js';
import { AUTHOR_HREF } from './author/author.js';
import { brokenLines } from './broken-file.js';
import { historyTable } from './history.js';
import type { AppOptions } from './app-options.js';
import { courseHref, playHref } from './routes.js';
import { chapterStates, currentChapter } from './chapters.js';
import { icon } from './art.js';
import { courseOrder, standing } from './course.js';
import { scenarioCard, startHere, titleHeader, welcomeBack } from './menu-parts.js';
import { t, tn } from './i18n/index.js';
import { storeNotice } from './kit/store-notice.js';
import { titleById } from './scenario-language.js';
import { lineWords } from './call/view-of.js';

/** Whether the trainee opened the routine calls: the menu shows them so again, this visit. */
let routineOpen = false;

export function showMenu(root: HTMLElement, options: AppOptions, notice?: string): void {
  const life = enterScreen(root);
  // On a phone the title leads and the customer waits for the briefing (menu.css).
  markScreen(life, 'menu');
  const progressLoad = progressStore(options.storage).load();
  const settings = settingsStore(options.storage, options.prefersReducedMotion);
  const progress = progressLoad.value;
  const course = courseOrder(options.scenarios);
  const now = standing(course, progress);
  const titleOf = (id: string) => titleById(options.scenarios, id);

  const status = notices(notice, storeNotice(progressLoad.notice), storeNotice(settings.load().notice));

  const inProgress = progress.inProgress;
  const shift = shiftStore(options.storage).load().value.shift;
  // A call that belongs to the shift in progress resumes inside the shift.
  const shiftCall = shift?.calls[shift.outcomes.length];
  const resumeHref = (id: string) => (shiftCall?.id === id ? SHIFT_HREF : playHref(id));
  const resume =
    inProgress && options.scenarios.some((s) => s.id === inProgress.scenario.id)
      ? el(
          'section',
          { className: 'card resume' },
          el('h2', {}, t('menu.resume.title')),
          el(
            'a',
            { className: 'primary', href: resumeHref(inProgress.scenario.id) },
            t('menu.resume.link', { title: titleOf(inProgress.scenario.id) }),
          ),
        )
      : '';
  const hasRoutine = options.scenarios.some((s) => s.call_type === 'routine');
  const shiftCard = hasRoutine
    ? el(
        'section',
        { className: 'card menu-part shift-card' },
        el('h2', {}, icon('shift'), t('menu.shift.title')),
        el(
          'p',
          {},
          shift
            ? t('menu.shift.underWay', { taken: shift.outcomes.length, total: shift.calls.length })
            : t('menu.shift.about'),
        ),
        el(
          'a',
          { className: 'secondary', href: SHIFT_HREF },
          shift ? t('menu.shift.back') : t('menu.shift.start'),
        ),
      )
    : '';

  const membership = options.workshop ? workshopStore(options.storage).load().value.membership : null;
  const workshopCard = options.workshop
    ? el(
        'section',
        { className: 'card menu-part workshop-card' },
        el('h2', {}, icon('workshop'), t('menu.workshop.title')),
        membership
          ? el(
              'p',
              {},
              t('menu.workshop.inRoom', { room: membership.room, nickname: membership.nickname }),
              el('a', { className: 'primary', href: ROOM_HREF }, t('menu.workshop.backToRoom')),
            )
          : el(
              'p',
              {},
              t('menu.workshop.inOne'),
              el('a', { className: 'secondary', href: JOIN_HREF }, t('menu.workshop.join')),
              t('menu.workshop.withCode'),
            ),
        el(
          'p',
          { className: 'muted' },
          t('menu.workshop.facilitators'),
          el('a', { href: HOST_HREF }, t('menu.workshop.setUp')),
          t('menu.workshop.forBoard'),
        ),
      )
    : '';

  // Hostile calls as cards; the routine ones (the shift's) folded away below them.
  const cards = course
    .filter((s) => s.call_type !== 'routine')
    .map((s) => scenarioCard(s, bestScore(progress, s.id)));
  const routineCards = course
    .filter((s) => s.call_type === 'routine')
    .map((s) => scenarioCard(s, bestScore(progress, s.id)));
  const routine = routineCards.length
    ? el(
        'details',
        // Folded under the others; open when they are all there is (a library of routine calls), and
        // as the trainee left it when they come back to the menu.
        { className: 'routine-calls', open: cards.length === 0 || routineOpen },
        el('summary', {}, tn('menu.routine', routineCards.length)),
        el('ul', { className: 'scenario-list' }, ...routineCards),
      )
    : '';
  if (routine)
    routine.addEventListener('toggle', () => {
      routineOpen = routine.open;
    });
  const chapters = options.course ? chapterStates(options.course, options.scenarios, progress) : [];
  const current = currentChapter(chapters);
  const courseCard = options.course
    ? el(
        'section',
        { className: 'card menu-part course-card' },
        el('h2', {}, icon('history'), t('course.menu.title')),
        el(
          'p',
          {},
          t('course.passedCount', {
            passed: chapters.filter((c) => c.passed).length,
            count: chapters.length,
          }),
        ),
        current
          ? el(
              'a',
              { className: 'primary', href: courseHref(current.chapter.id) },
              t('course.menu.where', {
                number: current.index + 1,
                count: chapters.length,
                title: current.chapter.title,
              }),
            )
          : el('p', {}, t('course.done')),
        ' ',
        el('a', { className: 'secondary', href: courseHref() }, t('course.menu.all')),
      )
    : '';
  const firstVisit = now.next?.reason.kind === 'start' ? now.next.scenario : null;

  const history = historyTable(progress, options.scenarios);

  const broken = options.broken.length
    ? el(
        'section',
        { className: 'card' },
        el('h2', {}, t('menu.broken')),
        el('pre', {}, brokenLines(options.broken)),
      )
    : '';

  root.replaceChildren(
    titleHeader(),
    status,
    resume,
    // Someone in a workshop room goes back to it first; anyone else starts with the course.
    membership ? workshopCard : '',
    firstVisit ? startHere(firstVisit) : welcomeBack(now),
    courseCard,
    el(
      'section',
      { className: 'menu-scenarios' },
      el('h2', {}, t('menu.scenarios')),
      el('ul', { className: 'scenario-list' }, ...cards),
      routine,
    ),
    shiftCard,
    membership ? '' : workshopCard,
    el('section', { className: 'card menu-part' }, el('h2', {}, icon('history'), t('menu.history')), history),
    settingsPanel(settings),
    el(
      'p',
      { className: 'muted trainers' },
      icon('author'),
      t('menu.trainers'),
      el('a', { href: AUTHOR_HREF }, t('menu.trainers.link')),
      t('menu.trainers.after'),
    ),
    broken,
  );
  // Back from a long debrief, the title is where the menu starts.
  window.scrollTo({ top: 0 });
  // The stage shows the customer of the call to take next, calm, waiting for the trainee.
  const shown = now.next?.scenario ?? course[0];
  if (shown) {
    options.onView({
      appearance: shown.customer.appearance,
      setting: shown.setting,
      mood: 'calm',
      pose: 'neutral',
      lineWords: lineWords(),
      anger: shown.customer.anger,
      reducedMotion: settings.load().value.reducedMotion,
    });
  }
}
