import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Scenario YAML files are imported as raw text and loaded by the engine at run time.
  assetsInclude: ['**/*.yaml'],
  // Our own art and sound live in assets/ and are served as they are.
  publicDir: 'assets',
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Property tests and path exploration walk thousands of calls; give them room on 2 cores.
    testTimeout: 60_000,
  },
});
