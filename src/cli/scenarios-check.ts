/**
 * `npm run scenarios:check [--json] [--report] [files…]`: checks scenario files the way a trainer needs —
 * located diagnostics, then a summary of each good scenario's graph and score range — and the
 * translations and the course file (scenarios/course/course.yaml) against them.
 * Exits 1 when any file has an error.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkScenarioSource, type CheckReport } from './check.js';
import { BLIND_NAMES } from '../engine/blind.js';
import { loadScenarioDir } from '../scenario-files/dir.js';
import { readScenarioFile } from '../scenario-files/file.js';
import { TRANSLATIONS, loadTranslationFile, translationFiles } from '../scenario-files/translations.js';
import { formatDiagnostic } from '../engine/diagnostics.js';
import { COURSE_FILE, loadCourse } from '../engine/course-load.js';
import type { PathSummary, ScenarioReport } from '../engine/report.js';
import { LETTERS } from '../engine/vocabulary.js';

const SCENARIO_DIR = 'scenarios';

function defaultFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(SCENARIO_DIR, f));
}

/** Whether a file given to check is a translation (scenarios/translations/<language>/<id>.yaml). */
const isTranslation = (file: string) => /(^|[\\/])translations[\\/][^\\/]+[\\/][^\\/]+\.ya?ml$/.test(file);

/** Whether a file given to check is a course file (scenarios/course/<name>.yaml). */
const isCourse = (file: string) => /(^|[\\/])course[\\/][^\\/]+\.ya?ml$/.test(file);

/** Checks course files against the scenarios in scenarios/: every call, moment and answer it names. */
function courseReports(files: string[]): CheckReport[] {
  if (files.length === 0) return [];
  const { scenarios } = loadScenarioDir(SCENARIO_DIR);
  return files.map((file) => {
    const read = readScenarioFile(file);
    if (!read.ok) return { file, ok: false, readError: read.reason, diagnostics: [], summary: null };
    const loaded = loadCourse(read.source, file, scenarios);
    if (loaded.course) {
      const calls = new Set(loaded.course.chapters.flatMap((c) => c.calls)).size;
      courseLines.set(file, `${file}: course ok, ${loaded.course.chapters.length} chapters, ${calls} calls`);
    }
    return { file, ok: loaded.course !== undefined, diagnostics: loaded.diagnostics, summary: null };
  });
}
const courseLines = new Map<string, string>();

/** Checks translation files against the scenarios in scenarios/ (they must load to be translated). */
function translationReports(files: string[]): CheckReport[] {
  if (files.length === 0) return [];
  const { scenarios } = loadScenarioDir(SCENARIO_DIR);
  return files.map((file) => {
    const one = loadTranslationFile(file, scenarios);
    const ok = 'translation' in one;
    return {
      file,
      ok,
      diagnostics: one.diagnostics,
      summary: null,
      ...('error' in one && one.error ? { readError: one.error } : {}),
    };
  });
}

function readReport(file: string, withReport: boolean): CheckReport {
  // Relative to here when that is shorter to read; a path elsewhere (/dev/zero) as it was given.
  const near = relative(process.cwd(), file);
  const name = near && !near.startsWith('..') ? near : file;
  const read = readScenarioFile(file);
  if (!read.ok) return { file: name, ok: false, readError: read.reason, diagnostics: [], summary: null };
  return checkScenarioSource(read.source, name, withReport);
}

function printText(report: CheckReport): void {
  if (report.readError) console.log(`${report.file}: error ${report.readError}`);
  for (const d of report.diagnostics) console.log(formatDiagnostic(d));
  const s = report.summary;
  if (!s) {
    if (!report.ok && !report.readError) console.log(`${report.file}: not loaded, fix the errors above`);
    else if (report.ok && isTranslation(report.file)) console.log(`${report.file}: translation ok`);
    else if (report.ok && courseLines.has(report.file)) console.log(courseLines.get(report.file));
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
      `  blind strategies: ${s.blind.map((b) => `${BLIND_NAMES[b.strategy]} ${b.total}${b.plays > 1 ? ` (mean of ${b.plays})` : ''}`).join(' · ')}; a typical clean play ${s.typicalClean ?? 'none'}`,
    ].join('\n'),
  );
  if (report.report) printReport(report.report);
}

const pct = (share: number) => (share > 0 && share < 0.005 ? '<1%' : `${Math.round(share * 100)}%`);

function printReport(r: ScenarioReport): void {
  const path = (p: PathSummary | null) =>
    p ? `${p.total} → '${p.ending}': ${p.answers.join(' → ')}` : 'none';
  console.log(
    [
      `  report on ${r.sampled ? `a random sample of ${r.paths} paths (there are too many to walk them all)` : `all ${r.paths} paths`}:`,
      `    endings: ${r.endings.map((e) => `${e.id} (${e.kind}) ${pct(e.share)}`).join(' · ')}`,
      `    best path ${path(r.best)}`,
      `    worst path ${path(r.worst)}`,
      `    per letter, share of its moments a path takes (min–max): ${LETTERS.flatMap((l) => {
        const range = r.letters[l];
        return range ? [`${l} ${pct(range.min)}–${pct(range.max)}`] : [];
      }).join(' · ')}`,
      `    most often leads to escalation: ${r.escalation ? `${r.escalation.answer} (${pct(r.escalation.share)} of the ${r.escalation.paths} paths through it)` : 'nothing'}`,
      ...r.warnings.map((w) => `    warning: ${w}`),
    ].join('\n'),
  );
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const withReport = args.includes('--report');
const files = args.filter((a) => a !== '--json' && a !== '--report');
const course = join(SCENARIO_DIR, COURSE_FILE);
const given =
  files.length > 0
    ? files
    : [
        ...defaultFiles(),
        ...translationFiles(join(SCENARIO_DIR, TRANSLATIONS)),
        ...(existsSync(course) ? [course] : []),
      ];
const reports = [
  ...given.filter((f) => !isTranslation(f) && !isCourse(f)).map((f) => readReport(f, withReport)),
  ...translationReports(given.filter(isTranslation)),
  ...courseReports(given.filter(isCourse)),
];
if (json) {
  console.log(JSON.stringify(reports, null, 2));
} else {
  reports.forEach(printText);
  const failed = reports.filter((r) => !r.ok).length;
  console.log(`${reports.length} file(s) checked, ${failed} with errors`);
}
process.exitCode = reports.every((r) => r.ok) ? 0 : 1;
