/** Browser entry: loads every shipped scenario, mounts the stage and the page. */
import { loadScenario, type Diagnostic, type Scenario } from './engine/index.js';
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

const sources = import.meta.glob<string>('../scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const scenarios: Scenario[] = [];
const broken: { file: string; diagnostics: Diagnostic[] }[] = [];
for (const [path, source] of Object.entries(sources).sort(([a], [b]) => a.localeCompare(b))) {
  const file = path.replace(/^\.\.\//, '');
  const { scenario, diagnostics } = loadScenario(source, file);
  if (scenario) scenarios.push(scenario);
  else broken.push({ file, diagnostics });
}

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
