/**
 * The built game, delivered light: a precompressed twin when the browser takes it (brotli first,
 * then gzip), hashed assets cached for good, index.html checked every time, source maps kept back.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startTestServer, type TestServer } from '../support/workshop.js';

const SCRIPT = `console.log(${JSON.stringify('Keep Cool '.repeat(200))});\n`;
const PAGE =
  '<!doctype html><title>Keep Cool</title><script type="module" src="/assets/index-C0ffee12.js"></script>';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A dist/ as the build leaves it: each file with its .br and .gz twins, and a source map. */
function writeDist(dir: string): void {
  const twins = (path: string, content: string) => {
    writeFileSync(path, content);
    writeFileSync(`${path}.br`, brotliCompressSync(content));
    writeFileSync(`${path}.gz`, gzipSync(content));
  };
  mkdirSync(join(dir, 'assets'), { recursive: true });
  twins(join(dir, 'index.html'), PAGE);
  twins(join(dir, 'assets', 'index-C0ffee12.js'), SCRIPT);
  twins(join(dir, 'assets', 'index-C0ffee12.js.map'), '{"version":3,"sources":["src/main.ts"]}');
  // A file the build did not compress: always sent as it is.
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
}

let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keep-cool-dist-'));
  writeDist(join(dir, 'dist'));
  server = await startTestServer({ dataDir: join(dir, 'data'), staticDir: join(dir, 'dist') });
});
afterAll(async () => {
  await server.close();
  removeDir(dir);
});

function get(url: string, acceptEncoding?: string) {
  return server.app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });
}

describe('precompressed files', () => {
  it('sends the brotli twin to a browser that takes brotli', async () => {
    const reply = await get('/assets/index-C0ffee12.js', 'gzip, deflate, br');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-encoding']).toBe('br');
    expect(reply.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(reply.headers.vary).toMatch(/accept-encoding/i);
    expect(reply.rawPayload.length).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(reply.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the gzip twin to a browser that takes gzip and not brotli', async () => {
    const reply = await get('/assets/index-C0ffee12.js', 'gzip');
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(reply.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the file as it is to a browser that takes neither', async () => {
    for (const accepts of [undefined, 'identity', 'deflate']) {
      const reply = await get('/assets/index-C0ffee12.js', accepts);
      expect(reply.statusCode).toBe(200);
      expect(reply.headers['content-encoding']).toBeUndefined();
      expect(reply.body).toBe(SCRIPT);
    }
  });

  it('compresses the page itself too, and sends a file without twins as it is', async () => {
    const page = await get('/', 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(PAGE);
    const icon = await get('/favicon.svg', 'br, gzip');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-encoding']).toBeUndefined();
    expect(icon.body).toContain('<svg');
  });
});

describe('caching', () => {
  it('caches hashed assets for a year, whatever the encoding', async () => {
    for (const accepts of ['br', 'gzip', undefined]) {
      expect((await get('/assets/index-C0ffee12.js', accepts)).headers['cache-control']).toBe(IMMUTABLE);
    }
  });

  it('has the browser check index.html and other unhashed files every time', async () => {
    for (const url of ['/', '/index.html', '/favicon.svg']) {
      expect((await get(url, 'br')).headers['cache-control']).toBe('no-cache');
      expect((await get(url)).headers['cache-control']).toBe('no-cache');
    }
  });
});

describe('source maps', () => {
  it('are not served, nor their compressed twins', async () => {
    for (const url of [
      '/assets/index-C0ffee12.js.map',
      '/assets/index-C0ffee12.js.map.br',
      '/assets/index-C0ffee12.js.map.gz',
    ]) {
      for (const accepts of [undefined, 'br', 'gzip']) {
        const reply = await get(url, accepts);
        expect(reply.statusCode).toBe(404);
        expect(reply.body).not.toContain('sources');
      }
    }
    // Their neighbours still are.
    expect((await get('/assets/index-C0ffee12.js')).statusCode).toBe(200);
  });
});

describe('without a build', () => {
  it('explains how to build the game', async () => {
    const bare = await startTestServer({ dataDir: join(dir, 'bare-data'), staticDir: join(dir, 'no-dist') });
    try {
      const reply = await bare.app.inject({ method: 'GET', url: '/' });
      expect(reply.statusCode).toBe(200);
      expect(reply.body).toMatch(/The game is not built yet .* npm run build/);
    } finally {
      await bare.close();
    }
  });
});
