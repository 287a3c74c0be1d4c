/** The check behind `scenarios:check`, as a function so tests and the trainer tools can call it. */
import { compileScenario } from '../engine/compile.js';
import { CATALOGUE, hasErrors, type Diagnostic } from '../engine/diagnostics.js';
import { loadScenario } from '../engine/load.js';
import {
  BLIND_NAMES,
  blindStrategies,
  blindThreshold,
  blindWinners,
  type BlindResult,
} from '../engine/blind.js';
import { scenarioReport, typicalCleanTotal, walkScenario, type ScenarioReport } from '../engine/report.js';
import { LETTERS, type Letter } from '../engine/vocabulary.js';
import { EARLY_END_DONTS, earlyEnds } from '../engine/early-end.js';

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
  /** What blind strategies score, and the median clean play they must stay below. */
  blind: BlindResult[];
  typicalClean: number | null;
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
  // One walk feeds the summary and the report, so the two always agree.
  const walk = walkScenario(scenario);
  const blind = blindStrategies(scenario);
  const typicalClean = typicalCleanTotal(walk);
  let best = walk.paths[0];
  let worst = walk.paths[0];
  for (const p of walk.paths) {
    if (best && p.score.total > best.score.total) best = p;
    if (worst && p.score.total < worst.score.total) worst = p;
  }
  const winners = blindWinners(blind, typicalClean);
  if (winners.length > 0) {
    const at = source.search(/^nodes:/m);
    const line = at < 0 ? 1 : source.slice(0, at).split('\n').length;
    diagnostics.push({
      code: 'KC050',
      severity: CATALOGUE.KC050.severity,
      file,
      line,
      col: 1,
      message: `a blind strategy scores too well: ${winners.map((b) => `${BLIND_NAMES[b.strategy]} ${b.total}`).join(', ')}; blind play must stay below ${blindThreshold(typicalClean)} (grade C, or a typical clean play if lower)`,
      hint: 'vary which answer is longest and which is written first, and write long wrong answers (over-explaining, lecturing, excuses)',
    });
  }
  // Each early ending once, at its definition: the paths that reach it too soon, shortest first.
  const early = earlyEnds(walk.paths);
  for (const ending of new Set(early.map((e) => e.ending))) {
    const cases = early.filter((e) => e.ending === ending);
    const first = cases[0];
    if (!first) continue;
    diagnostics.push({
      code: 'KC047',
      severity: CATALOGUE.KC047.severity,
      file,
      line: endingLine(source, ending),
      col: 3,
      message: `'${ending}' ends the call at decision ${first.decisions} after ${first.donts} don't${first.donts === 1 ? '' : 's'} (${first.answers.join(' > ')})${cases.length > 1 ? `, and ${cases.length - 1} more way${cases.length > 2 ? 's' : ''}` : ''}; a call may end before decision ${first.limit} only after ${EARLY_END_DONTS} don'ts`,
      hint: 'let an early mistake cost anger and trust but lead to a moment where the customer gives the trainee another chance; end the call only after a run of mistakes',
    });
  }
  const opportunities: Partial<Record<Letter, number>> = {};
  for (const node of Object.values(scenario.nodes)) {
    for (const l of node.calls_for) opportunities[l] = (opportunities[l] ?? 0) + 1;
  }
  return {
    file,
    ok: true,
    diagnostics,
    ...(withReport ? { report: scenarioReport(scenario, { walk, blind }) } : {}),
    summary: {
      id: scenario.id,
      version: scenario.version,
      nodes: Object.keys(scenario.nodes).length,
      endings: Object.keys(scenario.endings).length,
      paths: walk.paths.length,
      truncated: walk.sampled,
      best: best?.score.total ?? 0,
      worst: worst?.score.total ?? 0,
      bestEnding: best?.score.ending?.id ?? '',
      worstEnding: worst?.score.ending?.id ?? '',
      opportunities: Object.fromEntries(
        LETTERS.filter((l) => opportunities[l]).map((l) => [l, opportunities[l]]),
      ),
      missingLetters: LETTERS.filter((l) => !opportunities[l]),
      blind,
      typicalClean,
    },
  };
}

/** The line of an ending's definition (`  <id>:` under `endings:`), or of `endings:` if not found. */
function endingLine(source: string, id: string): number {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => /^endings:/.test(l));
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = lines.findIndex((l, i) => i > start && new RegExp(`^\\s+${escaped}:`).test(l));
  return (at >= 0 ? at : Math.max(0, start)) + 1;
}
