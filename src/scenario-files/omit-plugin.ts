/**
 * A Vite plugin that keeps folders of assets/ out of the build. Vite copies all of `publicDir` into
 * the build, and assets/nlu/ holds the understanding model's training and evaluation data (read by
 * `npm run nlu:train` and `nlu:eval`, never by the page; the model itself is in the game's code):
 * 768 KB that every server would otherwise publish. Runs before the other plugins' last step, so
 * nothing is compressed only to be removed.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

export function omitFromBuildPlugin(folders: readonly string[]): Plugin {
  let outDir = '';
  return {
    name: 'keep-cool-omit-from-build',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'pre',
      sequential: true,
      async handler() {
        await Promise.all(
          folders.map((folder) => rm(join(outDir, folder), { recursive: true, force: true })),
        );
      },
    },
  };
}
