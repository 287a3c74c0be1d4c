/** Browser entry: loads the flagship scenario and opens the text practice call. */
import flagship from '../scenarios/insurance-meal-receipt.yaml?raw';
import { formatDiagnostic, loadScenario } from './engine/index.js';
import { mountStage } from './game/stage.js';
import { mountTextCall } from './web/text-call.js';

const root = document.getElementById('app');
if (root) {
  const { scenario, diagnostics } = loadScenario(flagship, 'scenarios/insurance-meal-receipt.yaml');
  if (scenario) {
    const stageElement = document.getElementById('stage');
    const stage = stageElement ? mountStage(stageElement, [scenario.customer.appearance]) : undefined;
    mountTextCall(root, scenario, (view) => stage?.show(view));
  } else {
    root.textContent = `This scenario could not be loaded:\n${diagnostics.map(formatDiagnostic).join('\n')}`;
  }
  root.setAttribute('aria-busy', 'false');
}
