/**
 * `npm run scenarios:check [--json] [files…]`: checks scenario files the way a trainer needs —
 * located diagnostics, then a summary of each good scenario's graph and score range.
 * Exits 1 when any file has an error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkScenarioSource, type CheckReport } from './check.js';
import { formatDiagnostic } from '../engine/diagnostics.js';

const SCENARIO_DIR = 'scenarios';

function defaultFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(SCENARIO_DIR, f));
}

function readReport(file: string): CheckReport {
  const name = relative(process.cwd(), file) || file;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return {
      file: name,
      ok: false,
      readError: `cannot read the file (${reason})`,
      diagnostics: [],
      summary: null,
    };
  }
  return checkScenarioSource(source, name);
}

function printText(report: CheckReport): void {
  if (report.readError) console.log(`${report.file}: error ${report.readError}`);
  for (const d of report.diagnostics) console.log(formatDiagnostic(d));
  const s = report.summary;
  if (!s) {
    if (!report.ok && !report.readError) console.log(`${report.file}: not loaded, fix the errors above`);
    return;
  }
  const letters = Object.entries(s.opportunities)
    .map(([l, n]) => `${l}×${n}`)
    .join(' ');
  console.log(
    [
      `${report.file}: ${s.id} v${s.version} ok`,
      `  ${s.nodes} nodes, ${s.endings} endings, ${s.paths}${s.truncated ? '+' : ''} paths`,
      `  score range ${s.worst}–${s.best} (best path ends '${s.bestEnding}', worst '${s.worstEnding}')`,
      `  opportunities per letter: ${letters}${s.missingLetters.length ? `; none for ${s.missingLetters.join(' ')}` : ''}`,
    ].join('\n'),
  );
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => a !== '--json');
const reports = (files.length > 0 ? files : defaultFiles()).map(readReport);
if (json) {
  console.log(JSON.stringify(reports, null, 2));
} else {
  reports.forEach(printText);
  const failed = reports.filter((r) => !r.ok).length;
  console.log(`${reports.length} file(s) checked, ${failed} with errors`);
}
process.exitCode = reports.every((r) => r.ok) ? 0 : 1;
