import { configDefaults, defineConfig } from 'vitest/config';
import { scenariosPlugin } from './src/scenario-files/vite-plugin.js';
import { translationsPlugin } from './src/scenario-files/translations-plugin.js';
import { coursePlugin } from './src/scenario-files/course-plugin.js';
import { preloadLaterPlugin } from './src/scenario-files/preload-later-plugin.js';
import { precompressPlugin } from './src/scenario-files/precompress-plugin.js';
import { omitFromBuildPlugin } from './src/scenario-files/omit-plugin.js';

export default defineConfig({
  // Scenario files are checked at build time and reach the page as JSON.
  // KEEP_COOL_SCENARIOS_DIR serves another folder of scenarios (tests use a scratch one).
  // The stage (and Phaser) download alongside the menu and run after it (src/main.ts). The build
  // writes .br and .gz copies for the server to send as they are.
  plugins: [
    scenariosPlugin(process.env.KEEP_COOL_SCENARIOS_DIR ?? 'scenarios'),
    // Their translations, each a chunk of its own, downloaded only in its language.
    translationsPlugin(process.env.KEEP_COOL_SCENARIOS_DIR ?? 'scenarios'),
    // The course (scenarios/course/course.yaml), checked against the library.
    coursePlugin(process.env.KEEP_COOL_SCENARIOS_DIR ?? 'scenarios'),
    preloadLaterPlugin(['src/stage/stage.ts']),
    // assets/nlu/ is training data for `npm run nlu:train`, not for the page.
    omitFromBuildPlugin(['nlu']),
    precompressPlugin(),
  ],
  // Our own art and sound live in assets/ and are served as they are.
  publicDir: 'assets',
  // In development the workshop API is the real server (`npm run serve`), reached through Vite.
  server: {
    proxy: { '/api': process.env.KEEP_COOL_API ?? 'http://127.0.0.1:4173' },
  },
  // Author mode analyses a scenario file in a module worker (src/screens/author/analysis.worker.ts).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // No source maps in production: nothing reads them (the game sends no error reports), and the
    // build is reproducible: `npx vite build --sourcemap hidden --outDir <elsewhere>` on the same
    // commit writes byte-identical files plus their maps, for reading a stack trace from the field.
    sourcemap: false,
    // Phaser is large and not tree-shakable: its own chunk caches apart from our code.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // The scenario library is content, not code: its own chunk, so it is measured (and cached) apart.
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /node_modules[\\/]phaser/ },
            { name: 'scenarios', test: /virtual:keep-cool-(scenarios|course)/ },
          ],
        },
      },
    },
  },
  test: {
    // Two projects, to run apart: `npx vitest run --project node` or `--project browser`.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**', 'tests/cluster/**'],
          environment: 'node',
        },
      },
      {
        // The server tests again, on a real PostgreSQL 15 (a throwaway cluster for the run), and
        // the tests of several instances sharing it.
        extends: true,
        test: {
          name: 'postgres',
          include: ['tests/server/**/*.test.ts', 'tests/cluster/**/*.test.ts'],
          environment: 'node',
          env: { KEEP_COOL_TEST_DB: 'postgres' },
          globalSetup: ['tests/support/postgres-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // A whole shift or workshop is one long test; on a busy machine it can take minutes. An
          // upper bound, not a wait: a test that hangs fails here.
          testTimeout: 180_000,
          // Builds the game and serves the build once, and launches the one Chromium every file
          // connects to (tests/support/browser-setup.ts); starts a PostgreSQL for the workshop on
          // several instances (tests/support/postgres-setup.ts).
          globalSetup: ['tests/support/browser-setup.ts', 'tests/support/postgres-setup.ts'],
        },
      },
    ],
    // Two files at a time, on two cores too (Vitest's default there is one): a browser test spends
    // much of its time waiting on Chromium, a separate process, so a second file overlaps it.
    maxWorkers: 2,
    // Property tests and path exploration walk thousands of calls: seconds on a quiet 2-core
    // machine, a minute when it is shared and loaded (the flagship's loader fuzz took 67 s at a load
    // of 16). An upper bound to catch a hang, not a speed check.
    testTimeout: 180_000,
    // Set-up connects to the shared Chromium, or starts a server: an upper bound, not a wait.
    hookTimeout: 60_000,
    // Browser tests wait for pages to settle; a slow 2-core machine needs more than the 1 s default
    // (Phaser's first boot). Checks that time something say their own limit.
    expect: { poll: { timeout: 10_000 } },
  },
});
