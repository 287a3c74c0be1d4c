/**
 * A Vite plugin that checks the course file (scenarios/course/course.yaml) against the library at
 * build time and hands the page JSON: `virtual:keep-cool-course` is `{ course, broken }`, the
 * course when it loads (warnings allowed), else null and what is wrong with it, so the page can say
 * so and the rest of the game goes on. No course file: no course, and nothing is wrong.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { COURSE_FILE, loadCourse } from '../engine/course-load.js';
import type { LoadedCourse } from '../engine/course.js';
import { hasErrors } from '../engine/diagnostics.js';
import { loadScenarioDir } from './dir.js';
import { reloadOnYamlChange, sayBroken } from './vite-plugin.js';

export const COURSE_MODULE = 'virtual:keep-cool-course';
const RESOLVED = `\0${COURSE_MODULE}`;

export type { LoadedCourse };

/** Reads `dir`'s course file against `dir`'s scenarios (Node only). */
export function loadCourseFile(dir: string): LoadedCourse {
  const file = join(dir, COURSE_FILE);
  if (!existsSync(file)) return { course: null, broken: [] };
  const { course, diagnostics } = loadCourse(
    readFileSync(file, 'utf8'),
    file,
    loadScenarioDir(dir).scenarios,
  );
  return course && !hasErrors(diagnostics)
    ? { course, broken: [] }
    : { course: null, broken: [{ file, diagnostics: diagnostics.filter((d) => d.severity === 'error') }] };
}

export function coursePlugin(dir = 'scenarios'): Plugin {
  let dev: ViteDevServer | undefined;
  return {
    name: 'keep-cool-course',
    configureServer(server) {
      dev = server;
      // The course follows its own file and the scenarios it names: either can change what it is.
      const folder = resolve(dir);
      reloadOnYamlChange(
        server,
        folder,
        (path) => path.startsWith(folder + sep) && !path.includes(`${sep}translations${sep}`),
        RESOLVED,
      );
    },
    resolveId(id) {
      return id === COURSE_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      // A course file added later is seen by the folder's watcher (configureServer).
      const file = resolve(dir, COURSE_FILE);
      if (existsSync(file)) this.addWatchFile(file);
      const loaded = loadCourseFile(dir);
      sayBroken(
        this,
        dev,
        loaded.broken,
        'The course file could not be loaded (the game goes on without the course):',
      );
      return `export default ${JSON.stringify(loaded)};`;
    },
  };
}
