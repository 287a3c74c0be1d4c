/**
 * A Vite plugin that writes a brotli (.br) and a gzip (.gz) copy next to each compressible file
 * of the build, for the server to send as they are (@fastify/static's `preCompressed`): the best
 * compression, paid once at build time instead of on every request. The output is the same for the
 * same build: zlib's gzip writes no time stamp, and brotli has no time or randomness in it.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** What is worth compressing: text formats (and WebAssembly). Images and sound are compressed already. */
export const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.wasm',
  '.txt',
  '.xml',
]);
/** Below this, the copies save less than a packet and cost a file each. */
export const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'keep-cool-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // After every file is written, public/ copies included.
    async closeBundle() {
      await precompressFolder(outDir);
    },
  };
}

/** Writes `file.br` and `file.gz` next to each compressible file under `folder` that shrinks. */
export async function precompressFolder(folder: string): Promise<void> {
  const files = (await readdir(folder, { recursive: true })).map((f) => join(folder, f));
  await Promise.all(
    files
      .filter((file) => COMPRESSIBLE.has(extname(file)))
      .map(async (file) => {
        if (!(await stat(file)).isFile()) return;
        const bytes = await readFile(file);
        if (bytes.length < MIN_BYTES) return;
        const text = extname(file) !== '.wasm';
        const [br, gz] = await Promise.all([
          brotli(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_MODE]: text
                ? constants.BROTLI_MODE_TEXT
                : constants.BROTLI_MODE_GENERIC,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
          gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }),
        ]);
        // A copy no smaller than the file would only cost the client time to unpack it.
        await Promise.all([
          br.length < bytes.length ? writeFile(`${file}.br`, br) : undefined,
          gz.length < bytes.length ? writeFile(`${file}.gz`, gz) : undefined,
        ]);
      }),
  );
}
