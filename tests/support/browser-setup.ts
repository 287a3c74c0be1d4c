/**
 * Global set-up of the `browser` project, run once per test run in Vitest's own process: builds the
 * game once, serves the build once with the real workshop server (its API on a scratch database,
 * for the workshop tests), and launches one Chromium that every test file connects to. The tests
 * read the addresses with `inject` (tests/support/browser.ts does it for them).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { buildServer } from '../../src/server/app.js';
import { openDatabase } from '../../src/server/db.js';
import { launchChromiumServer } from './chromium.js';
import { SHIPPED, loadFile } from './scenarios.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built game and the workshop API, e.g. http://127.0.0.1:40123/ (with the slash). */
    appUrl: string;
    /** Where the shared Chromium listens, for `chromium.connect`. */
    chromiumEndpoint: string;
    /** The built game's folder, for tests that serve it from servers of their own. */
    distDir: string;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export default async function setUp(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'keep-cool-browser-'));
  // What has started so far, stopped in reverse order at the end or when a later step fails.
  const stops: (() => Promise<void> | void)[] = [
    () => {
      rmSync(dir, { recursive: true, force: true });
    },
  ];
  const tearDown = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const started = Date.now();
    const dist = join(dir, 'dist');
    const buildGame = () =>
      build({ root: ROOT, logLevel: 'error', build: { outDir: dist, emptyOutDir: true, sourcemap: false } });
    await buildGame();
    // In watch mode, a rerun of browser tests tests the code as it is now: a fresh build, same server.
    project.onTestsRerun(async (specs) => {
      if (specs.some((spec) => spec.project.name === project.name)) await buildGame();
    });
    const built = Date.now();

    const database = await openDatabase(join(dir, 'data'));
    stops.push(() => database.close());
    const { app } = await buildServer({ db: database.db, scenarios: SHIPPED.map(loadFile), staticDir: dist });
    stops.push(() => app.close());
    const address = await app.listen({ port: 0, host: '127.0.0.1' });

    const chromium = await launchChromiumServer();
    stops.push(() => chromium.close());

    project.provide('appUrl', `${address}/`);
    project.provide('distDir', dist);
    project.provide('chromiumEndpoint', chromium.wsEndpoint());
    console.log(
      `browser tests: game built in ${((built - started) / 1000).toFixed(1)} s, ` +
        `served at ${address}, Chromium up ${((Date.now() - built) / 1000).toFixed(1)} s later`,
    );
  } catch (error) {
    await tearDown();
    throw error;
  }
  return tearDown;
}
