/**
 * The production build, as `vite build` writes it (once, into a scratch folder): every script and
 * stylesheet has brotli and gzip copies for the server to send, no source map is published, the
 * understanding model's training data stays home, and Phaser is a chunk of its own that the menu
 * does not wait for.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_BYTES } from '../../src/scenario-files/precompress-plugin.js';
import { entryChunk, entryPath, phaserChunk, readManifest, type Manifest } from '../support/build-output.js';

let outDir = '';
let manifest: Manifest;
let files: string[] = [];

beforeAll(async () => {
  outDir = join(mkdtempSync(join(tmpdir(), 'keep-cool-build-')), 'dist');
  // The build as `npm run build` runs it, in its own process (not under the test runner's NODE_ENV).
  const env = { ...process.env };
  delete env.NODE_ENV;
  await promisify(execFile)(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--manifest',
      '--logLevel',
      'error',
    ],
    { env },
  );
  manifest = readManifest(outDir);
  files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    statSync(join(outDir, f)).isFile(),
  );
  // Building with brotli at its best on a busy 2-core machine: an upper bound, not a wait.
}, 240_000);

afterAll(() => {
  if (outDir) rmSync(join(outDir, '..'), { recursive: true, force: true });
});

const read = (file: string) => readFileSync(join(outDir, file));

describe('compressed copies', () => {
  it('every script and stylesheet has a .br and a .gz that unpack to the same bytes', () => {
    const shipped = files.filter((f) => /\.(js|css)$/.test(f));
    expect(shipped.length).toBeGreaterThanOrEqual(5);
    for (const file of shipped) {
      const bytes = read(file);
      if (bytes.length < MIN_BYTES) continue;
      expect(files, file).toContain(`${file}.br`);
      expect(files, file).toContain(`${file}.gz`);
      expect(brotliDecompressSync(read(`${file}.br`)).equals(bytes), `${file}.br`).toBe(true);
      const gz = read(`${file}.gz`);
      expect(gunzipSync(gz).equals(bytes), `${file}.gz`).toBe(true);
      // No time stamp in the gzip header (bytes 4–7): the same build gives the same copies.
      expect(gz.readUInt32LE(4), `${file}.gz`).toBe(0);
    }
  });

  it('leaves alone what is too small to gain, and what is compressed already', () => {
    const copies = files.filter((f) => /\.(br|gz)$/.test(f)).map((f) => f.replace(/\.(br|gz)$/, ''));
    for (const original of copies) {
      expect(files).toContain(original);
      expect(read(original).length, original).toBeGreaterThanOrEqual(MIN_BYTES);
    }
    expect(copies.some((f) => /\.(mp3|ogg)$/.test(f))).toBe(false);
  });
});

describe('source maps', () => {
  it('are not published: no .map file, and nothing points to one', () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(read('index.html').toString()).not.toMatch(/\.map\b/);
    for (const file of files.filter((f) => f.endsWith('.js')))
      expect(read(file).toString(), file).not.toContain('sourceMappingURL');
  });
});

describe('the understanding model', () => {
  it('is a chunk of its own, fetched only when Type mode is first used', () => {
    const model = manifest['src/engine/understand/bundled.ts'];
    if (!model) throw new Error('no chunk for the understanding model');
    const { version } = JSON.parse(readFileSync('src/engine/understand/model.json', 'utf8')) as {
      version: string;
    };
    expect(read(model.file).toString()).toContain(version);
    expect(entryPath(manifest)).not.toContain(model.file);
    for (const file of entryPath(manifest)) expect(read(file).toString(), file).not.toContain(version);
    // Nothing imports it but dynamically.
    for (const chunk of Object.values(manifest)) {
      expect(chunk.imports ?? [], chunk.file).not.toContain('src/engine/understand/bundled.ts');
    }
  });

  it('ships without its training data: assets/nlu/ is for npm run nlu:train, not the page', () => {
    expect(readdirSync('assets/nlu/corpus').length).toBeGreaterThan(0);
    expect(files.filter((f) => /(^|[\\/])nlu[\\/]|\.jsonl$/.test(f))).toEqual([]);
    // The rest of assets/ is there as it is.
    expect(files).toContain('mark.svg');
  });
});

describe('the author’s graph', () => {
  it('comes with its layout library in a chunk of its own, fetched only when author mode draws a graph', () => {
    // A message of dagre's own (graphlib's), kept by the minifier.
    const dagre = 'Cannot set a named edge when isMultigraph = false';
    const view = manifest['src/screens/author/graph-view.ts'];
    if (!view) throw new Error('no chunk for the graph view');
    const files = [view.file, ...(view.imports ?? []).map((key) => manifest[key]?.file ?? '')];
    expect(files.some((file) => read(file).toString().includes(dagre))).toBe(true);
    for (const file of entryPath(manifest)) expect(read(file).toString(), file).not.toContain(dagre);
    for (const chunk of Object.values(manifest)) {
      expect(chunk.imports ?? [], chunk.file).not.toContain('src/screens/author/graph-view.ts');
    }
  });
});

describe('Phaser', () => {
  it('is a chunk of its own, not on the path the menu waits for', () => {
    const phaser = phaserChunk(manifest);
    expect(read(phaser).toString()).toContain('phaser.io');
    const entry = entryChunk(manifest);
    expect(entryPath(manifest)).not.toContain(phaser);
    for (const file of entryPath(manifest)) expect(read(file).toString(), file).not.toContain('phaser.io');
    // The stage, which brings Phaser, is imported dynamically by the entry.
    const stage = manifest['src/stage/stage.ts'];
    expect(entry.dynamicImports).toContain('src/stage/stage.ts');
    expect(stage?.imports?.map((key) => manifest[key]?.file)).toContain(phaser);
  });

  it('is preloaded at low priority, after everything the entry needs', () => {
    const html = read('index.html').toString();
    const entry = html.indexOf(`src="/${entryChunk(manifest).file}"`);
    const preload = new RegExp(`<link rel="modulepreload"[^>]*href="/${phaserChunk(manifest)}"[^>]*>`).exec(
      html,
    );
    expect(entry).toBeGreaterThan(0);
    expect(preload?.[0]).toContain('fetchpriority="low"');
    expect(preload?.index).toBeGreaterThan(html.lastIndexOf('rel="stylesheet"'));
    expect(preload?.index).toBeGreaterThan(entry);
  });
});
