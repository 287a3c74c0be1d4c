/**
 * Scenario files that could not be loaded. The menu lists them; a call's own address, while its
 * file is broken (a trainer's save with a typo, under `npm run dev`), shows what is wrong with it in
 * place of the call, and the call comes back to the same address once the file is fixed.
 */
import { brokenFileLines } from '../engine/index.js';
import type { AppOptions } from './app-options.js';
import { el } from './kit/dom.js';
import { enterScreen } from './kit/screen.js';
import { t } from './i18n/index.js';

type Broken = AppOptions['broken'][number];

/** Each file's problems, one a line, as the checker prints them. */
export function brokenLines(broken: readonly Broken[]): string {
  return brokenFileLines(broken).join('\n');
}

/** The broken file that holds scenario `id`, by the folder's rule that a file is named after its id. */
export function brokenFileOf(broken: readonly Broken[], id: string): Broken | undefined {
  return broken.find((b) => /([^/\\]+?)\.ya?ml$/.exec(b.file)?.[1] === id);
}

export function showBrokenScenario(root: HTMLElement, file: Broken, menuHref: string): void {
  enterScreen(root);
  const heading = el('h1', {}, t('broken.title'));
  heading.tabIndex = -1;
  root.replaceChildren(
    el('a', { className: 'back', href: menuHref }, t('history.back')),
    heading,
    el('p', { role: 'alert' }, t('broken.problem', { file: file.file })),
    el('pre', { className: 'card broken-file' }, brokenLines([file])),
  );
  heading.focus();
}
