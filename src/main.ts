/** Browser entry: loads the flagship scenario and opens the text practice call. */
import flagship from '../scenarios/insurance-meal-receipt.yaml?raw';
import { formatDiagnostic, loadScenario } from './engine/index.js';
import { mountStage } from './game/stage.js';
import type { KeyValueStorage } from './game/store.js';
import { mountTextCall } from './web/text-call.js';

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

const root = document.getElementById('app');
if (root) {
  const { scenario, diagnostics } = loadScenario(flagship, 'scenarios/insurance-meal-receipt.yaml');
  if (scenario) {
    const stageElement = document.getElementById('stage');
    const stage = stageElement ? mountStage(stageElement, [scenario.customer.appearance]) : undefined;
    mountTextCall(root, scenario, { onView: (view) => stage?.show(view), storage: deviceStorage() });
  } else {
    root.textContent = `This scenario could not be loaded:\n${diagnostics.map(formatDiagnostic).join('\n')}`;
  }
  root.setAttribute('aria-busy', 'false');
}
