/**
 * The game itself, as `vite build` left it in dist/, delivered light: a file's .br or .gz twin is
 * sent to a browser that accepts it, files under /assets/ (named by their content hash) are cached
 * for good, everything else (index.html first) is checked with the server each time, and source
 * maps are not served at all.
 */
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Source maps (and their compressed twins) stay on the server: they are for our debugging. */
const SOURCE_MAP = /\.map(?:\.br|\.gz)?$/i;

export interface StaticOptions {
  /** The built game (vite build's dist/); without it, / explains how to build it. */
  root: string;
}

export async function staticPlugin(app: FastifyInstance, options: StaticOptions): Promise<void> {
  const root = resolve(options.root);
  if (!existsSync(join(root, 'index.html'))) {
    app.get('/', (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send(`The game is not built yet (no ${root}/index.html). Run: npm run build, or npm start.`),
    );
    return;
  }
  const assets = `${join(root, 'assets')}${sep}`;
  await app.register(fastifyStatic, {
    root,
    preCompressed: true,
    allowedPath: (pathname) => !SOURCE_MAP.test(pathname),
    // Our own headers below, not the plugin's max-age=0.
    cacheControl: false,
    setHeaders: (res, path) => {
      // Vite's own files carry a content hash: cache them for good; everything else is checked.
      res.setHeader('cache-control', path.startsWith(assets) ? IMMUTABLE : REVALIDATE);
      // The same address answers br, gzip or plain: a cache in between must keep them apart.
      res.setHeader('vary', 'accept-encoding');
    },
  });
}
