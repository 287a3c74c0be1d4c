/**
 * Makes an LMS package (`npm run package`): the game built for the chosen calls (or the whole
 * course), its settings written into its page, the standard's manifest, all in one zip an LMS
 * imports. No server is needed to play it: everything runs in the learner's browser and reports
 * through the LMS (src/lms/).
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { LETTERS, type Mode, type Scenario } from '../engine/index.js';
import { COURSE_FILE, loadCourse } from '../engine/course-load.js';
import { formatDiagnostic } from '../engine/diagnostics.js';
import { textHash } from '../engine/text-hash.js';
import { cmi5Manifest, scorm12Manifest, scorm2004Manifest, type ManifestInput } from '../lms/manifest.js';
import { FORMAT_NAMES, PackageConfig, type LmsFormat } from '../lms/report.js';
import { SUSPEND_LIMIT, encodeSuspend } from '../lms/suspend.js';
import { loadScenario } from '../engine/load.js';
import { loadScenarioDir } from '../scenario-files/dir.js';
import { TRANSLATIONS } from '../scenario-files/translations.js';

export interface PackageOptions {
  /** One package per format, all from one build of the game. */
  formats: readonly LmsFormat[];
  /** Scenario ids; empty for the whole course. */
  scenarios: readonly string[];
  course: boolean;
  mode: Mode;
  pass: number;
  out: string;
  title?: string;
  /** The scenarios folder (default scenarios/). */
  library?: string;
}

export interface MadePackage {
  zip: string;
  bytes: number;
  config: PackageConfig;
  files: number;
}

/** A problem with what was asked, said so the trainer can fix the command. */
export class PackageError extends Error {}

/** The chosen calls and the library the package needs (a course also needs its lessons' calls). */
export function choose(options: Pick<PackageOptions, 'scenarios' | 'course' | 'library'>): {
  assigned: string[];
  included: Scenario[];
  courseFile: string | null;
  courseTitle: string | null;
} {
  const dir = options.library ?? 'scenarios';
  const { scenarios, broken } = loadScenarioDir(dir);
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  if (options.course) {
    const file = join(dir, COURSE_FILE);
    if (!existsSync(file)) throw new PackageError(`--course: there is no course file at ${file}`);
    const { course, diagnostics } = loadCourse(readFileSync(file, 'utf8'), file, scenarios);
    if (!course) {
      throw new PackageError(
        `--course: ${file} has errors; fix them first (npm run scenarios:check):\n${diagnostics.map(formatDiagnostic).join('\n')}`,
      );
    }
    const assigned = [...new Set(course.chapters.flatMap((c) => c.calls))];
    const lessons = course.chapters.flatMap((c) => [c.lesson.watch.scenario, c.lesson.try.scenario]);
    const ids = new Set([...assigned, ...lessons]);
    return {
      assigned,
      included: scenarios.filter((s) => ids.has(s.id)),
      courseFile: file,
      courseTitle: 'The Keep Cool course',
    };
  }
  if (options.scenarios.length === 0)
    throw new PackageError('say which calls: --scenarios id,id… or --course');
  const unknown = options.scenarios.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    const brokenNote =
      broken.length > 0 ? ` (${broken.length} file(s) in ${dir} did not load: npm run scenarios:check)` : '';
    throw new PackageError(
      `--scenarios: no scenario ${unknown.map((id) => `'${id}'`).join(', ')} in ${dir}${brokenNote}. The ids are: ${[...byId.keys()].sort().join(', ')}`,
    );
  }
  const assigned = [...new Set(options.scenarios)];
  return {
    assigned,
    included: assigned.map((id) => byId.get(id)).filter((s): s is Scenario => s !== undefined),
    courseFile: null,
    courseTitle: null,
  };
}

/**
 * Whether the counted calls always fit the standard's suspend data: each assigned call kept at
 * its longest (a total of 1000, two-digit moves), with no call in progress.
 */
export function suspendFits(format: LmsFormat, assigned: readonly string[]): boolean {
  const worst = encodeSuspend(
    {
      counted: assigned.map((id) => ({
        scenario: id,
        version: 99,
        total: 1000,
        mode: 'assessment',
        moves: LETTERS.map((): [number, number] => [99, 99]),
      })),
      others: [],
      finished: 9999,
      inProgress: null,
    },
    Number.POSITIVE_INFINITY,
  );
  return worst.length <= SUSPEND_LIMIT[format];
}

/**
 * The files under `dir`, '/'-separated and sorted, without the precompressed copies (an LMS serves
 * files as they are). The build itself leaves out assets/nlu/, the training data (vite.config.ts).
 */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!/\.(br|gz)$/.test(name)) out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** The package's settings in its page, before the game's script: `<` escaped so the JSON cannot close the tag. */
export function withConfig(html: string, config: PackageConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const tag = `<script id="keep-cool-package" type="application/json">${json}</script>`;
  if (!html.includes('</head>')) throw new Error('the built index.html has no </head>');
  return html.replace('</head>', `    ${tag}\n  </head>`);
}

const MANIFESTS: Record<LmsFormat, { file: string; write: (input: ManifestInput) => string }> = {
  scorm12: { file: 'imsmanifest.xml', write: scorm12Manifest },
  scorm2004: { file: 'imsmanifest.xml', write: scorm2004Manifest },
  cmi5: { file: 'cmi5.xml', write: cmi5Manifest },
};

/** A fixed time for every entry, so the same build zips to the same bytes. */
const ZIP_TIME = new Date('2026-01-01T00:00:00Z');

export async function makePackages(
  options: PackageOptions,
  log: (line: string) => void = () => undefined,
): Promise<MadePackage[]> {
  if (!Number.isInteger(options.pass) || options.pass < 0 || options.pass > 1000) {
    throw new PackageError(
      `--pass: ${options.pass} is not a whole number from 0 to 1000 (the game's scale; 700 is a B)`,
    );
  }
  const chosen = choose(options);
  if (options.formats.length === 0)
    throw new PackageError('say which standard: --format scorm12, scorm2004 or cmi5');
  for (const format of options.formats) {
    if (!suspendFits(format, chosen.assigned)) {
      throw new PackageError(
        `${FORMAT_NAMES[format]} keeps at most ${SUSPEND_LIMIT[format]} characters of progress, too few for ${chosen.assigned.length} calls: choose fewer, or use --format scorm2004 or cmi5`,
      );
    }
  }
  const ids = chosen.assigned;
  const only = chosen.included.length === 1 ? chosen.included[0] : undefined;
  const title =
    options.title ??
    chosen.courseTitle ??
    (only ? `Keep Cool: ${only.title}` : `Keep Cool: ${ids.length} calls`);
  const configOf = (format: LmsFormat) =>
    PackageConfig.parse({
      format,
      identifier: `keep-cool-${options.course ? 'course' : 'calls'}-${textHash([...ids].sort().join(','))}`,
      title: title.slice(0, 200),
      scenarios: ids,
      course: options.course,
      mode: options.mode,
      pass: options.pass,
    });

  // The library the build reads: the chosen scenario files, their translations and the course.
  const library = options.library ?? 'scenarios';
  const work = mkdtempSync(join(tmpdir(), 'keep-cool-package-'));
  try {
    const staged = join(work, 'scenarios');
    mkdirSync(staged);
    const wanted = new Set(chosen.included.map((s) => s.id));
    for (const name of readdirSync(library)) {
      if (!/\.ya?ml$/.test(name)) continue;
      const file = join(library, name);
      const { scenario } = loadScenario(readFileSync(file, 'utf8'), file);
      if (scenario && wanted.has(scenario.id)) cpSync(file, join(staged, name));
    }
    const translations = join(library, TRANSLATIONS);
    if (existsSync(translations)) {
      for (const language of readdirSync(translations)) {
        const from = join(translations, language);
        if (!statSync(from).isDirectory()) continue;
        for (const name of readdirSync(from)) {
          if (wanted.has(name.replace(/\.ya?ml$/, ''))) {
            mkdirSync(join(staged, TRANSLATIONS, language), { recursive: true });
            cpSync(join(from, name), join(staged, TRANSLATIONS, language, name));
          }
        }
      }
    }
    if (chosen.courseFile) {
      mkdirSync(join(staged, 'course'), { recursive: true });
      cpSync(chosen.courseFile, join(staged, COURSE_FILE));
    }

    log(`building the game for ${ids.length} call(s)…`);
    const built = join(work, 'build');
    const previous = process.env.KEEP_COOL_SCENARIOS_DIR;
    process.env.KEEP_COOL_SCENARIOS_DIR = staged;
    try {
      const { build } = await import('vite');
      await build({
        base: './',
        logLevel: 'warn',
        // The bundler's own timing notes are for us, not for a trainer making a package.
        build: { outDir: built, emptyOutDir: true, rolldownOptions: { checks: { pluginTimings: false } } },
      });
    } finally {
      if (previous === undefined) delete process.env.KEEP_COOL_SCENARIOS_DIR;
      else process.env.KEEP_COOL_SCENARIOS_DIR = previous;
    }

    const page = readFileSync(join(built, 'index.html'), 'utf8');
    const list = filesUnder(built);
    const version = `1.${textHash(chosen.included.map((s) => `${s.id}@${s.version}`).join(' '))}`;
    const description = `Keep Cool calls: ${chosen.included.map((s) => s.title).join('; ')}`.slice(0, 1000);
    mkdirSync(options.out, { recursive: true });
    return options.formats.map((format) => {
      const config = configOf(format);
      const manifest = MANIFESTS[format];
      const entries: Zippable = {
        [manifest.file]: [
          new TextEncoder().encode(manifest.write({ config, description, files: list, version })),
          { mtime: ZIP_TIME },
        ],
      };
      for (const file of list) {
        const bytes =
          file === 'index.html'
            ? new TextEncoder().encode(withConfig(page, config))
            : readFileSync(join(built, file));
        entries[file] = [bytes, { mtime: ZIP_TIME }];
      }
      const zip = zipSync(entries, { level: 9 });
      const name = `keep-cool-${options.course ? 'course' : ids.length === 1 ? ids[0] : `${ids.length}-calls`}-${format}.zip`;
      const path = resolve(options.out, name);
      writeFileSync(path, zip);
      return { zip: path, bytes: zip.length, config, files: list.length + 1 };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
