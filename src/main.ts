/**
 * Browser entry: loads every shipped scenario, mounts the page, then the stage. The menu answers
 * before Phaser (1.4 MB) has even run: the stage is a dynamic import, started after the menu.
 */
import loaded from 'virtual:keep-cool-scenarios';
import translations from 'virtual:keep-cool-translations';
import loadedCourse from 'virtual:keep-cool-course';
import type { LoadedCourse, LoadedScenarios } from './engine/index.js';
import type { Stage } from './stage/stage.js';
import type { CallView } from './stage/view.js';
import './stage/waiting.css';
import type { KeyValueStorage } from './device/store.js';
import { lazyAudio } from './sound/lazy-audio.js';
import { languageOf, settingsStore } from './device/settings.js';
import { mountApp } from './screens/app.js';
import { SETTINGS_CHANGED } from './screens/settings-panel.js';
import { apiClient } from './screens/workshop/api-client.js';
import { Outbox } from './screens/workshop/outbox.js';
import { workshopStore } from './device/workshop-store.js';
import { courseOrder } from './screens/course.js';
import { loadScenarioTexts, type TranslationLoaders } from './screens/scenario-language.js';
import { setLanguage, t } from './screens/i18n/index.js';

/** How long the menu waits, unused, before the stage starts anyway: a moment of reading. */
const STAGE_AFTER_MS = 1000;

/** localStorage, or a stand-in that keeps nothing when the browser refuses it (the store says so). */
function deviceStorage(): KeyValueStorage {
  try {
    return window.localStorage;
  } catch {
    return {
      getItem: () => {
        throw new Error('storage unavailable');
      },
      setItem: () => {
        throw new Error('storage unavailable');
      },
      removeItem: () => undefined,
    };
  }
}

const library = loaded as LoadedScenarios;
// The library in the course's order (the introduction, then easy to hard): the menu lists it so,
// and a debrief's "Next" follows it.
const scenarios = courseOrder(library.scenarios);
const broken = library.broken;
const courseFile = loadedCourse as LoadedCourse;

// Inside an LMS (a package made by `npm run package`, whose page carries its settings) the LMS
// keeps the learner's progress: the game runs on the package's storage, and there is no workshop.
const packaged = document.getElementById('keep-cool-package')
  ? await import('./lms/open.js').then(async (lms) => {
      const config = lms.packageConfig(document);
      return config ? lms.openPackage(config, scenarios) : null;
    })
  : null;

// The trainee's language (chosen in settings, else the browser's), and in another language its
// scenario translations first (English needs none, and downloads none).
setLanguage(
  languageOf(settingsStore(packaged?.storage ?? deviceStorage()).load().value, navigator.languages),
);
await loadScenarioTexts(translations, scenarios);

const root = document.getElementById('app');
if (root) {
  const storage = packaged?.storage ?? deviceStorage();
  const audio = setUpSound(storage);
  // Workshop results finished offline wait on this device; they go as soon as the server answers.
  const api = apiClient();
  const outbox = packaged ? null : new Outbox(workshopStore(storage), api);
  if (outbox && outbox.status().pending > 0) void outbox.flush();
  if (outbox) window.addEventListener('online', () => void outbox.flush());
  // Until the stage is up, the page's latest view waits here; the stage draws it when it arrives.
  let stage: Stage | undefined;
  let latest: CallView | undefined;
  const app = mountApp(root, {
    audio,
    ...(outbox ? { workshop: { api, outbox } } : {}),
    scenarios,
    broken,
    course: courseFile.course,
    courseBroken: courseFile.broken,
    storage,
    onView: (view) => {
      latest = view;
      stage?.show(view);
    },
    prefersReducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    // A new language brings its scenario translations before the screen is shown again.
    loadTexts: () => loadScenarioTexts(translations, scenarios),
  });
  root.setAttribute('aria-busy', 'false');
  const stageElement = document.getElementById('stage');
  if (stageElement) {
    // The customers, and anyone who joins them at the counter (a team lead with a portrait).
    const appearances = [
      ...new Set(
        scenarios.flatMap((s) => [
          s.customer.appearance,
          ...Object.values(s.speakers).flatMap((p) => (p.appearance === undefined ? [] : [p.appearance])),
        ]),
      ),
    ];
    const stopFollowing = followStageDownload(stageElement);
    loadStage(stageElement, appearances).then(
      (mounted) => {
        stopFollowing();
        stage = mounted;
        if (latest) mounted.show(latest);
      },
      (error: unknown) => {
        stopFollowing();
        // Everything the stage shows is also in the page as text: the game goes on without it.
        stageElement.replaceChildren();
        console.error('The stage could not be loaded; the page carries on without the drawing.', error);
      },
    );
  }
  // Trainers editing scenarios/ with the dev server see each change in place, without a reload.
  if (import.meta.hot) {
    let shown = { loaders: translations, library };
    // Scenarios and translations are read again together: a translation is shown against its scenario.
    const refresh = (next: Partial<typeof shown>) => {
      shown = { ...shown, ...next };
      const { loaders, library: now } = shown;
      void loadScenarioTexts(loaders, now.scenarios).then(() => {
        app.update(courseOrder(now.scenarios), now.broken);
      });
    };
    import.meta.hot.accept('virtual:keep-cool-scenarios', (module) => {
      const next = (module as { default?: LoadedScenarios } | undefined)?.default;
      if (next) refresh({ library: next });
    });
    import.meta.hot.accept('virtual:keep-cool-course', (module) => {
      const next = (module as { default?: LoadedCourse } | undefined)?.default;
      if (next) app.updateCourse(next.course, next.broken);
    });
    import.meta.hot.accept('virtual:keep-cool-translations', (module) => {
      const next = (module as { default?: TranslationLoaders } | undefined)?.default;
      if (next) refresh({ loaders: next });
    });
  }
}

/**
 * Phaser and the stage, idle until urgent. Phaser downloads from the start (index.html preloads
 * it at low priority), but running it and booting the stage are long tasks on the page's thread,
 * and a click behind them waits. So they wait for the menu's first paint and then for the first
 * of: the player going anywhere (a scenario needs its customer drawn), or a second on the menu.
 * Opened at another address than the menu (a shared link to a scenario), the stage starts at once.
 */
async function loadStage(parent: HTMLElement, appearances: readonly string[]): Promise<Stage> {
  await new Promise<void>((resolve) => {
    const start = () => {
      window.removeEventListener('hashchange', start);
      clearTimeout(timer);
      // After the next paint: the screen the player asked for shows first.
      requestAnimationFrame(() => setTimeout(resolve));
    };
    window.addEventListener('hashchange', start);
    const onMenu = window.location.hash === '' || window.location.hash === '#/';
    const timer = setTimeout(start, onMenu ? STAGE_AFTER_MS : 0);
  });
  const { mountStage } = await import('./stage/stage.js');
  // The placeholder (index.html) gives way to the canvas and its boot scene's progress bar.
  parent.replaceChildren();
  return mountStage(parent, appearances, t('stage.settingUp'));
}

/**
 * The stage's box shows how far the stage's download has come: the files index.html preloads for
 * it at low priority (Phaser, the stage), each counted when the browser reports it arrived. The
 * boot scene's own bar takes over once Phaser runs.
 */
function followStageDownload(parent: HTMLElement): () => void {
  const fill = parent.querySelector<HTMLElement>('.stage-waiting-fill');
  const text = parent.querySelector<HTMLElement>('.stage-waiting-text');
  const wanted = [
    ...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"][fetchpriority="low"]'),
  ].map((link) => link.href);
  if (!fill || !text || wanted.length === 0 || !('PerformanceObserver' in window)) return () => undefined;
  const arrived = new Set(performance.getEntriesByType('resource').map((entry) => entry.name));
  const show = () => {
    const done = wanted.filter((url) => arrived.has(url)).length;
    fill.style.setProperty('--progress', `${Math.round((100 * done) / wanted.length)}%`);
    text.textContent =
      done < wanted.length ? t('stage.download', { done, total: wanted.length }) : t('stage.settingUp');
  };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) arrived.add(entry.name);
    show();
  });
  observer.observe({ type: 'resource' });
  show();
  return () => {
    observer.disconnect();
  };
}

/**
 * Sound: nothing loads or plays before the first gesture (autoplay rules); volumes follow the
 * settings; if audio fails, one quiet notice and the game goes on silently. The page's body says
 * what sound is doing (data-audio), for anyone curious and for the tests.
 */
function setUpSound(storage: KeyValueStorage) {
  const audio = lazyAudio(import.meta.env.BASE_URL);
  const settings = settingsStore(storage);
  const applyMix = () => {
    audio.setMix(settings.load().value.sound);
  };
  applyMix();
  window.addEventListener(SETTINGS_CHANGED, applyMix);
  const notice = document.createElement('p');
  notice.className = 'sound-notice';
  notice.setAttribute('role', 'status');
  document.body.append(notice);
  document.body.dataset.audio = audio.state;
  audio.onState((state, failure) => {
    document.body.dataset.audio = state;
    document.body.dataset.audioContext = audio.contextState();
    if (state === 'failed' && failure && !notice.textContent) notice.textContent = t(`sound.${failure}`);
  });
  const unlock = () => {
    audio.unlock();
  };
  for (const type of ['pointerdown', 'keydown'])
    window.addEventListener(type, unlock, { once: true, capture: true });
  return audio;
}
