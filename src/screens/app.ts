/**
 * The page's screens and their addresses: the menu at `#/` (scenarios, a call in progress, history,
 * settings), each scenario at `#/play/<id>` (so a facilitator can share a link to one), a finished
 * call's debrief at `#/debrief/<id>/<n>`, the course at `#/course`, the history's pages at `#/history/<page>`, the shift,
 * author mode and the workshop's pages. Each address shows its screen; the one shown before ends.
 */
import type { Scenario } from '../engine/index.js';
import type { AppOptions } from './app-options.js';
import { COURSE, DEBRIEF, HISTORY, PLAY } from './routes.js';
import { showCourse } from './course-page.js';
import { el } from './kit/dom.js';
import { leaveScreen } from './kit/screen.js';
import { AUTHOR_HREF, showAuthor } from './author/author.js';
import { SHIFT_HREF, showShift } from './shift.js';
import { mountTextCall } from './call/text-call.js';
import { showSavedDebrief } from './call/saved-debrief.js';
import { libraryCallOptions } from './call/library-call.js';
import { showHistory } from './history.js';
import type { WorkshopContext } from './workshop/context.js';
import { isWorkshopRoute, layoutOf } from './workshop/routes.js';
import { showMenu } from './menu.js';
import { brokenFileOf, showBrokenScenario } from './broken-file.js';
import { languageOf, settingsStore } from '../device/settings.js';
import { SETTINGS_CHANGED } from './settings-panel.js';
import { language, setLanguage, t } from './i18n/index.js';

/** Shows the screen the address asks for, and follows it as it changes. */
export function mountApp(
  root: HTMLElement,
  options: AppOptions,
): {
  update(scenarios: Scenario[], broken: AppOptions['broken']): void;
  updateCourse(course: AppOptions['course'], broken: AppOptions['courseBroken']): void;
} {
  const route = () => {
    // The screen shown now ends: a call stops its timers (its progress is already saved).
    leaveScreen(root);
    const hash = window.location.hash;
    // The projector and the facilitator's page have no customer to draw: the page takes the width.
    document.body.dataset.layout = layoutOf(hash);
    if (options.workshop && isWorkshopRoute(hash)) {
      const context: WorkshopContext = { ...options.workshop, ...options };
      root.replaceChildren(el('p', {}, t('app.loadingWorkshop')));
      void import('./workshop/pages.js').then((pages) => {
        // The address may have changed while the pages loaded.
        if (window.location.hash === hash) pages.showWorkshop(root, hash, context);
      });
      return;
    }
    if (hash === AUTHOR_HREF) {
      showAuthor(root, { onView: options.onView });
      return;
    }
    if (window.location.hash === SHIFT_HREF) {
      showShift(root, {
        scenarios: options.scenarios,
        storage: options.storage,
        onView: options.onView,
        seed: options.seed ?? (() => Math.floor(Math.random() * 2 ** 31)),
        ...(options.audio ? { audio: options.audio } : {}),
      });
      return;
    }
    if (DEBRIEF.test(hash)) {
      showSavedDebrief(root, options, hash);
      return;
    }
    if (COURSE.test(hash)) {
      showCourse(root, options, hash);
      return;
    }
    if (HISTORY.test(hash)) {
      showHistory(root, options, hash);
      return;
    }
    const match = PLAY.exec(window.location.hash);
    const scenario = match ? options.scenarios.find((s) => s.id === match[1]) : undefined;
    const brokenFile = match && !scenario ? brokenFileOf(options.broken, match[1] ?? '') : undefined;
    if (scenario) {
      mountTextCall(root, scenario, libraryCallOptions(options, scenario));
    } else if (brokenFile) {
      showBrokenScenario(root, brokenFile, '#/');
    } else {
      showMenu(root, options, match ? t('app.noScenario', { id: match[1] ?? '' }) : undefined);
    }
  };
  window.addEventListener('hashchange', route);
  // The page speaks the language chosen in settings, else the browser's; a new choice shows the
  // same screen again in it (a call in progress is saved after every answer, and resumes).
  const settings = settingsStore(options.storage, options.prefersReducedMotion);
  const chosen = () => languageOf(settings.load().value, navigator.languages);
  setLanguage(chosen());
  window.addEventListener(SETTINGS_CHANGED, () => {
    const next = chosen();
    if (next === language()) return;
    setLanguage(next);
    // The scenarios' own texts in the new language arrive first (each its own small download).
    void (options.loadTexts?.() ?? Promise.resolve()).then(() => {
      route();
      // The trainee was in the settings: they stay there, on the language they picked.
      const panel = root.querySelector<HTMLDetailsElement>('details.settings');
      if (panel) {
        panel.open = true;
        panel.querySelector<HTMLInputElement>(`input[value="${next}"]`)?.focus();
      }
    });
  });
  route();
  return {
    /** New scenario files (the dev server saw one change): show the same screen with them. */
    update(scenarios, broken) {
      options.scenarios = scenarios;
      options.broken = broken;
      route();
    },
    /** A new course file (or a scenario it names changed): show the same screen with it. */
    updateCourse(course, broken) {
      options.course = course;
      options.courseBroken = broken;
      route();
    },
  };
}
