/**
 * What a production build put where, read from Vite's manifest (written with `--manifest`): the
 * files the page needs before its entry runs, and their sizes on the wire.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** One chunk in Vite's build manifest (only the fields we read). */
export interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** The page's entry chunk (index.html's script). */
export function entryChunk(manifest: Manifest): ManifestChunk {
  const entry = manifest['index.html'];
  if (!entry?.isEntry) throw new Error('the manifest has no index.html entry');
  return entry;
}

/**
 * What the browser must fetch and run before the entry's code starts: the entry chunk, every chunk
 * it imports statically (all the way down) and their CSS. Dynamic imports are not on this path.
 */
export function entryPath(manifest: Manifest): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit('index.html');
  return [...files];
}

/** The chunk Phaser was bundled into. */
export function phaserChunk(manifest: Manifest): string {
  const chunk = Object.values(manifest).find((c) => c.name === 'phaser');
  if (!chunk) throw new Error('no phaser chunk in the manifest');
  return chunk.file;
}

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** The files' total size as they are, gzipped (level 9) and brotli-compressed (quality 11). */
export function sizesOf(outDir: string, files: readonly string[]): Sizes {
  const total: Sizes = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const bytes = readFileSync(join(outDir, file));
    total.raw += bytes.length;
    total.gzip += gzipSync(bytes, { level: 9 }).length;
    total.brotli += brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length;
  }
  return total;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** "1,234.5 KB raw, 300.1 KB gzip, 250.2 KB brotli". */
export function formatSizes(sizes: Sizes): string {
  return `${kb(sizes.raw)} raw, ${kb(sizes.gzip)} gzip, ${kb(sizes.brotli)} brotli`;
}
