// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * What each folder of src/ may import; docs/architecture.md draws the same table. A folder may
 * always import its own files; importing any other src/ folder not in `may` fails `npm run lint`.
 * `packages` are the npm packages and Node built-ins the folder must not use.
 */
const NODE = ['node:*', 'fs', 'path', 'better-sqlite3', 'fastify', '@fastify/*', 'kysely', 'vite'];
const LAYERS = {
  // Pure rules: runs in Node, the browser and the server alike.
  engine: { may: [], packages: ['phaser', 'howler', ...NODE], dom: false },
  // What the page and the server share: the API's shapes (zod), room codes, nicknames, boards.
  api: { may: ['engine'], packages: ['phaser', 'howler', ...NODE], dom: false },
  // The Phaser stage. The page talks to it through stage/view.ts and never loads Phaser itself.
  stage: { may: ['engine'], packages: ['howler', ...NODE] },
  // Sound cues and the AudioService; only sound/howler-audio.ts touches Howler.
  sound: { may: ['engine'], packages: ['phaser', ...NODE] },
  // What this device keeps in localStorage: progress, settings, shifts, workshop runs.
  device: { may: ['engine', 'api', 'sound/service.js'], packages: ['phaser', 'howler', ...NODE] },
  // The page's screens.
  screens: {
    may: ['engine', 'api', 'device', 'sound', 'stage/view.js'],
    packages: ['phaser', 'howler', ...NODE],
  },
  // A package inside an LMS: the report (pure), the SCORM and cmi5 run-times, the bridge to the game.
  lms: {
    may: ['engine', 'device', 'screens/i18n/index.js'],
    packages: ['phaser', 'howler', ...NODE],
  },
  // The workshop server.
  server: { may: ['engine', 'api', 'scenario-files', 'lms'], packages: ['phaser', 'howler', 'vite'] },
  // Reading scenario files from disk (Node): the server, the CLI and the build share it.
  'scenario-files': { may: ['engine'], packages: ['phaser', 'howler', 'fastify', 'kysely'] },
  // Command-line tools: nothing imports them.
  cli: {
    may: ['engine', 'scenario-files', 'sound/cues.js', 'lms'],
    packages: ['phaser', 'howler', 'fastify', 'kysely'],
  },
};

/** The import strings a file in `layer` may not write: other folders, less any single files it may use. */
function folderPattern(layer, may) {
  const folders = Object.keys(LAYERS).filter((f) => f !== layer && !may.includes(f));
  const files = may.filter((m) => m.includes('/'));
  const open = files.map((m) => `(?!${m.replace(/\./g, '\\.')}$)`).join('');
  return {
    regex: `^(\\.\\./)+${open}(${folders.join('|')})/`,
    message: `src/${layer} may import ${may.length ? may.map((m) => `src/${m}`).join(', ') : 'only its own files'}; see docs/architecture.md.`,
  };
}

/** One no-restricted-imports rule per folder of src/, built from LAYERS. */
function fences() {
  return Object.entries(LAYERS).flatMap(([layer, { may, packages, dom }]) => {
    const rule = (extra) => [
      'error',
      {
        patterns: [
          folderPattern(layer, may),
          {
            group: [...packages, ...extra],
            message: `src/${layer} must not use this package; see docs/architecture.md.`,
          },
        ],
      },
    ];
    const block = {
      files: [`src/${layer}/**/*.ts`],
      rules: {
        'no-restricted-imports': rule([]),
        ...(dom === false
          ? {
              'no-restricted-globals': [
                'error',
                'window',
                'document',
                'navigator',
                'localStorage',
                'HTMLElement',
              ],
            }
          : {}),
      },
    };
    if (layer !== 'sound') return [block];
    // Sound goes through the AudioService interface: only the Howler implementation imports Howler.
    return [
      block,
      {
        files: ['src/sound/**/*.ts'],
        ignores: ['src/sound/howler-audio.ts'],
        rules: { 'no-restricted-imports': rule(['howler']) },
      },
    ];
  });
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  ...fences(),
  {
    // The page's entry wires stage, sound, device and screens together; never Node code.
    files: ['src/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\./(server|cli|scenario-files)/', message: 'The page must not import Node code.' },
            { group: ['howler', ...NODE], message: 'The page must not use this package.' },
          ],
        },
      ],
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
