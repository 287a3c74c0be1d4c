/** Browser entry: loads every shipped scenario, mounts the stage and the page. */
import loaded from 'virtual:keep-cool-scenarios';
import type { LoadedScenarios } from './cli/scenarios-plugin.js';
import { mountStage } from './game/stage.js';
import type { KeyValueStorage } from './game/store.js';
import { mountApp } from './web/menu.js';

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

const { scenarios, broken } = loaded as LoadedScenarios;

const root = document.getElementById('app');
if (root) {
  const stageElement = document.getElementById('stage');
  const appearances = [...new Set(scenarios.map((s) => s.customer.appearance))];
  const stage = stageElement ? mountStage(stageElement, appearances) : undefined;
  mountApp(root, {
    scenarios,
    broken,
    storage: deviceStorage(),
    onView: (view) => stage?.show(view),
    prefersReducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
  });
  root.setAttribute('aria-busy', 'false');
}
