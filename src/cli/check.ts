/** The check behind `scenarios:check`, as a function so tests and the trainer tools can call it. */
import { compileScenario } from '../engine/compile.js';
import { hasErrors, type Diagnostic } from '../engine/diagnostics.js';
import { loadScenario } from '../engine/load.js';
import { explore } from '../engine/paths.js';
import { scenarioReport, type ScenarioReport } from '../engine/report.js';
import { LETTERS, type Letter } from '../engine/vocabulary.js';

export interface ScenarioSummary {
  id: string;
  version: number;
  nodes: number;
  endings: number;
  paths: number;
  truncated: boolean;
  best: number;
  worst: number;
  bestEnding: string;
  worstEnding: string;
  /** Decision points that call for each letter. */
  opportunities: Partial<Record<Letter, number>>;
  missingLetters: Letter[];
}

export interface CheckReport {
  file: string;
  ok: boolean;
  readError?: string;
  diagnostics: Diagnostic[];
  summary: ScenarioSummary | null;
  /** With --report: where the paths go, best and worst, letter ranges, escalation, warnings. */
  report?: ScenarioReport;
}

/** Loads, compiles and explores one scenario's source. */
export function checkScenarioSource(source: string, file: string, withReport = false): CheckReport {
  const { scenario, diagnostics } = loadScenario(source, file);
  if (!scenario) return { file, ok: !hasErrors(diagnostics), diagnostics, summary: null };
  compileScenario(scenario); // proves the machine builds: every target and guard name resolves
  const exploration = explore(scenario);
  const opportunities: Partial<Record<Letter, number>> = {};
  for (const node of Object.values(scenario.nodes)) {
    for (const l of node.calls_for) opportunities[l] = (opportunities[l] ?? 0) + 1;
  }
  return {
    file,
    ok: true,
    diagnostics,
    ...(withReport ? { report: scenarioReport(scenario) } : {}),
    summary: {
      id: scenario.id,
      version: scenario.version,
      nodes: Object.keys(scenario.nodes).length,
      endings: Object.keys(scenario.endings).length,
      paths: exploration.paths,
      truncated: exploration.truncated,
      best: exploration.best?.score.total ?? 0,
      worst: exploration.worst?.score.total ?? 0,
      bestEnding: exploration.best?.score.ending?.id ?? '',
      worstEnding: exploration.worst?.score.ending?.id ?? '',
      opportunities: Object.fromEntries(
        LETTERS.filter((l) => opportunities[l]).map((l) => [l, opportunities[l]]),
      ),
      missingLetters: LETTERS.filter((l) => !opportunities[l]),
    },
  };
}
