/**
 * A Vite plugin for modules the page imports dynamically but always needs soon after it starts
 * (the stage and Phaser): index.html preloads them at low priority, after everything the entry
 * needs, so they download alongside the menu but run only when the page imports them. The build
 * preloads their chunks; the dev server, their files and the packages they import (Chromium's
 * modulepreload fetches only the file it names, not what that file imports).
 */
import { dirname, resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin, ViteDevServer } from 'vite';

/** `modules`: source paths, as the page's dynamic import names them (e.g. 'src/stage/stage.ts'). */
export function preloadLaterPlugin(modules: readonly string[]): Plugin {
  let base = '/';
  let root = '';
  /** `path`: from the site's root, without a leading slash. */
  const preload = (path: string): HtmlTagDescriptor => ({
    tag: 'link',
    attrs: { rel: 'modulepreload', crossorigin: true, fetchpriority: 'low', href: `${base}${path}` },
    injectTo: 'head',
  });
  return {
    name: 'keep-cool-preload-later',
    configResolved(config) {
      base = config.base;
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(_html, { bundle, chunk: entry, server }) {
        if (server) {
          // A file that does not compile yet is the dynamic import's to report, not the page's.
          const urls = await servedFiles(server, modules).catch(() => []);
          return urls.map((url) => preload(url.slice(1)));
        }
        if (!bundle) return [];
        const wanted = new Set(modules.map((m) => resolve(root, m)));
        const files = new Set<string>();
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.facadeModuleId || !wanted.has(chunk.facadeModuleId)) continue;
          wanted.delete(chunk.facadeModuleId);
          // Its static imports first (Phaser), then the module itself; the entry is loaded already.
          for (const file of [...chunk.imports, chunk.fileName])
            if (file !== entry?.fileName) files.add(file);
        }
        if (wanted.size > 0)
          throw new Error(`no chunk for ${[...wanted].join(', ')}: is it imported dynamically?`);
        return [...files].map(preload);
      },
    },
  };
}

/**
 * The URLs the dev server serves for each module, the files of its own folder it reaches and the
 * packages those import. Files elsewhere in src/ are left out: the entry loads them anyway.
 */
async function servedFiles(server: ViteDevServer, modules: readonly string[]): Promise<string[]> {
  const client = server.environments.client;
  const urls = new Set<string>();
  const visit = async (url: string, folder: string): Promise<void> => {
    if (urls.has(url)) return;
    urls.add(url);
    await client.transformRequest(url);
    const node = await client.moduleGraph.getModuleByUrl(url);
    for (const imported of node?.importedModules ?? []) {
      if (imported.url.startsWith(folder)) await visit(imported.url, folder);
      else if (imported.url.includes('/node_modules/')) urls.add(imported.url);
    }
  };
  for (const module of modules) await visit(`/${module}`, `/${dirname(module)}/`);
  return [...urls];
}
