/**
 * Security headers on every answer the server gives: a page, a static file, API JSON, a refusal,
 * a 404, a URL it cannot read, and a live stream. The CSP allows the page's own inline script by
 * its hash and nothing else inline.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineScriptHashes } from '../../src/server/plugins/security.js';
import { openRoom, removeDir, startTestServer, type TestServer } from '../support/workshop.js';

const BOOT = "document.getElementById('boot-bar').dataset.ready = 'yes';";
const PAGE = [
  '<!doctype html><title>Keep Cool</title>',
  `<script>${BOOT}</script>`,
  '<script type="module" src="/assets/index-C0ffee12.js"></script>',
].join('');
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keep-cool-headers-'));
  mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'index.html'), PAGE);
  writeFileSync(join(dir, 'dist', 'assets', 'index-C0ffee12.js'), 'console.log(1);\n');
  server = await startTestServer({ dataDir: join(dir, 'data'), staticDir: join(dir, 'dist') });
});
afterAll(async () => {
  await server.close();
  removeDir(dir);
});

/** The CSP's directives by name. */
function directives(csp: unknown): Map<string, string[]> {
  expect(typeof csp).toBe('string');
  return new Map(
    String(csp)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...values]) => [name, values]),
  );
}

/** What every answer carries, whatever it is. */
function expectSecurityHeaders(headers: Record<string, unknown>): void {
  const csp = directives(headers['content-security-policy']);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'", sha256(BOOT)]);
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  // Nothing inline or evaluated, and no upgrade to https (a workshop is usually on plain http).
  expect(String(headers['content-security-policy'])).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(csp.has('upgrade-insecure-requests')).toBe(false);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
}

describe('security headers', () => {
  it('on the page and its static files', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(BOOT);
    expectSecurityHeaders(page.headers);
    const script = await server.app.inject({ method: 'GET', url: '/assets/index-C0ffee12.js' });
    expect(script.statusCode).toBe(200);
    expectSecurityHeaders(script.headers);
  });

  it('on API answers and refusals', async () => {
    const info = await server.request('GET', '/api/info');
    expect(info.status).toBe(200);
    expectSecurityHeaders(info.headers);
    const noRoom = await server.request('GET', '/api/rooms/ZZZZZZ');
    expect(noRoom.status).toBe(404);
    expectSecurityHeaders(noRoom.headers);
    const invalid = await server.request('POST', '/api/rooms', { name: 'x', scenarios: [], score: 1000 });
    expect(invalid.status).toBe(400);
    expectSecurityHeaders(invalid.headers);
    const noToken = await server.request('POST', '/api/runs', { scenario: 'dented-shelves', version: 1 });
    expect(noToken.status).toBe(401);
    expectSecurityHeaders(noToken.headers);
  });

  it('on 404s and addresses the server cannot read', async () => {
    const api = await server.request('GET', '/api/nowhere');
    expect(api.status).toBe(404);
    expectSecurityHeaders(api.headers);
    const file = await server.app.inject({ method: 'GET', url: '/nowhere.js' });
    expect(file.statusCode).toBe(404);
    expectSecurityHeaders(file.headers);
    const broken = await server.app.inject({ method: 'GET', url: '/api/rooms/%E0%A4%A' });
    expect(broken.statusCode).toBe(400);
    expectSecurityHeaders(broken.headers);
  });

  it('on a live stream', async () => {
    const { code } = await openRoom(server);
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    try {
      const stream = await fetch(`${base}/api/rooms/${code}/events`, { signal: controller.signal });
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expectSecurityHeaders(Object.fromEntries(stream.headers));
    } finally {
      controller.abort();
    }
  });
});

describe('the inline scripts the CSP allows', () => {
  it('are the page’s own runnable ones, not JSON data blocks or scripts with a src', () => {
    const html = [
      `<script>${BOOT}</script>`,
      '<script type="module">import "/x.js";</script>',
      '<script id="keep-cool-package" type="application/json">{"a":1}</script>',
      '<script type="module" src="/assets/a.js"></script>',
    ].join('\n');
    expect(inlineScriptHashes(html)).toEqual([sha256(BOOT), sha256('import "/x.js";')]);
  });
});
