// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
    // The engine runs in Node, the browser and the server alike: no Phaser, Howler or DOM.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['phaser', 'phaser/*', 'howler'],
              message: 'src/engine must stay free of Phaser and Howler.',
            },
            {
              group: ['node:*', 'fs', 'path'],
              message: 'src/engine must run in the browser too: no Node built-ins.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'HTMLElement'],
    },
  },
  {
    // Sound goes through the AudioService interface: only the Howler implementation imports Howler.
    files: ['src/**/*.ts'],
    ignores: ['src/engine/**/*.ts', 'src/game/sound/howler-audio.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'howler', message: 'Use the AudioService (src/game/sound/service.ts).' }] },
      ],
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
