/**
 * Security headers on every answer (pages, static files, API JSON, live streams, 404s and
 * refusals), through @fastify/helmet. Helmet sets them on the raw response as the request arrives,
 * so a route that takes the response over (the live boards) and the error handlers carry them too.
 *
 * The Content-Security-Policy is strict: scripts only from this server, no inline script but the
 * loading screen's own (allowed by its hash, read from the built index.html), no eval (the page
 * tells zod to check without compiling, in that same script). What the game needs beyond 'self',
 * found in Chromium with the directive taken away, not guessed:
 * - img-src data: Phaser's own textures (the default, missing and white ones) are data: URLs;
 *   without it four violations as the stage starts.
 * - img-src blob: the stage's drawn customer is an SVG handed to Phaser as a blob: URL
 *   (src/stage/textures.ts), and Phaser's loader turns what it fetches into blob: URLs; without
 *   it the stage never draws.
 * - media-src data: not needed by the Web Audio path the tests take (Howler fetches the sound
 *   file from this server: connect-src 'self'), but Howler's HTML5 Audio fallback, for browsers
 *   without Web Audio, releases its audio elements by pointing them at a tiny data: WAV.
 * - Nothing needs blob: workers: Phaser starts none, and the answer-analysis worker is a file.
 * - The page talks to this server only (the API and the live boards): connect-src 'self'.
 * tests/e2e/csp.test.ts plays a call, runs a room and its projector, and fails on any violation.
 * The LMS packages (src/lms) are served by the LMS, not by this server: none of this applies there.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import helmet, { type HelmetOptions } from 'helmet';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';

/** Inline scripts that run (not JSON data blocks, which the CSP does not govern). */
const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi;

/** The CSP source for each inline script of `html` that a browser would run. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && type !== 'module' && !type.includes('javascript')) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
  return hashes;
}

/** The hashes of index.html's inline scripts, read again whenever the file changes (a rebuild). */
function indexScripts(root: string): () => string[] {
  const file = join(resolve(root), 'index.html');
  let seen: { mtimeMs: number; hashes: string[] } | null = null;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return []; // Not built: nothing inline to allow.
    }
    if (seen?.mtimeMs !== mtimeMs) seen = { mtimeMs, hashes: inlineScriptHashes(readFileSync(file, 'utf8')) };
    return seen.hashes;
  };
}

/** The headers for a server whose built game is in `root`. */
export function securityHeaders(root: string) {
  const scripts = indexScripts(root);
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", () => scripts().join(' ')],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'data:'],
        workerSrc: ["'self'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // The facilitator's page holds the room's secret: no other site may frame it.
        frameAncestors: ["'none'"],
        // No upgrade-insecure-requests: a workshop server is usually reached over plain http on
        // the venue's network, where an upgrade to https would break every request.
      },
    },
    // For old browsers that do not know frame-ancestors.
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Plain http on a local network is the usual case; a proxy terminating TLS sets HSTS itself.
    strictTransportSecurity: false,
  } satisfies HelmetOptions;
}

export type SecurityHeaders = ReturnType<typeof securityHeaders>;

/**
 * For Fastify's frameworkErrors: an address it cannot even route (a broken %-escape) is answered
 * before any hook runs, so its refusal is given the headers here.
 */
export function withSecurityHeaders(
  headers: SecurityHeaders,
  handler: NonNullable<FastifyServerOptions['frameworkErrors']>,
): NonNullable<FastifyServerOptions['frameworkErrors']> {
  const stamp = helmet(headers);
  return (error, request, reply) => {
    stamp(request.raw, reply.raw, () => {
      handler(error, request, reply);
    });
  };
}

async function security(app: FastifyInstance, headers: SecurityHeaders): Promise<void> {
  await app.register(fastifyHelmet, { global: true, ...headers });
}

/** The security headers, for the whole server (not only the routes registered inside it). */
export const securityPlugin = fp(security, { name: 'keep-cool-security' });
