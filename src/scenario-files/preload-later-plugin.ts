/**
 * A Vite plugin for modules the page imports dynamically but always needs soon after it starts
 * (the stage and Phaser): index.html preloads their chunks at low priority, after everything the
 * entry needs, so they download alongside the menu but run only when the page imports them.
 */
import { resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** `modules`: source paths, as the page's dynamic import names them (e.g. 'src/stage/stage.ts'). */
export function preloadLaterPlugin(modules: readonly string[]): Plugin {
  let base = '/';
  return {
    name: 'keep-cool-preload-later',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle) return [];
        const wanted = new Set(modules.map((m) => resolve(m)));
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
        return [...files].map((file): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, fetchpriority: 'low', href: `${base}${file}` },
          injectTo: 'head',
        }));
      },
    },
  };
}
