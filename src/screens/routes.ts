/**
 * The page's own addresses (the workshop's are in workshop/routes.ts): a scenario's call, a finished
 * call's debrief and the pages of the history.
 */
import { t } from './i18n/index.js';

export const PLAY = /^#\/play\/([a-z0-9-]+)$/;

export function playHref(id: string): string {
  return `#/play/${id}`;
}

/** Any address under `#/debrief/`: what follows is checked by readDebriefAddress, never trusted. */
export const DEBRIEF = /^#\/debrief(?:\/|$)/;

/** The debrief of a scenario's `attempt`-th finished call on this device (1 for the first). */
export function debriefHref(scenarioId: string, attempt: number): string {
  return `#/debrief/${encodeURIComponent(scenarioId)}/${attempt}`;
}

/** What a debrief address asks for, or why it cannot be read. */
export type DebriefAddress =
  { ok: true; scenario: string; attempt: number } | { ok: false; scenario: string | null; problem: string };

/** Reads `#/debrief/<scenario>/<attempt>`; anything else says what is wrong with it, in words. */
export function readDebriefAddress(hash: string): DebriefAddress {
  const parts = hash.replace(/^#\/debrief\/?/, '').split('/');
  let scenario: string;
  try {
    scenario = decodeURIComponent(parts[0] ?? '');
  } catch {
    return { ok: false, scenario: null, problem: t('address.damaged') };
  }
  if (scenario === '' || parts.length !== 2) {
    return {
      ok: false,
      scenario: scenario || null,
      problem: t('address.shape'),
    };
  }
  const number = parts[1] ?? '';
  if (!/^[1-9][0-9]{0,8}$/.test(number)) {
    return {
      ok: false,
      scenario,
      problem: t('address.number', { number: number.slice(0, 40) }),
    };
  }
  return { ok: true, scenario, attempt: Number(number) };
}

/** The course: `#/course` lists its chapters, `#/course/<chapter>` opens one. */
export const COURSE = /^#\/course(?:\/([^/]*))?$/;

export function courseHref(chapter?: string): string {
  return chapter ? `#/course/${encodeURIComponent(chapter)}` : '#/course';
}

/** The history's pages: `#/history` is the first, `#/history/2` the next (older calls). */
export const HISTORY = /^#\/history(?:\/([^/]*))?$/;

export function historyHref(page = 1): string {
  return page <= 1 ? '#/history' : `#/history/${page}`;
}

/**
 * The scenario after `current` in the library (round to the start), offered after a debrief, with
 * its title as `titleOf` shows it (the page's language).
 */
export function nextScenario<S extends { id: string; title: string }>(
  scenarios: readonly S[],
  current: S,
  titleOf: (scenario: S) => string = (scenario) => scenario.title,
): { title: string; href: string } | undefined {
  const next = scenarios[(scenarios.indexOf(current) + 1) % scenarios.length];
  return next && next !== current ? { title: titleOf(next), href: playHref(next.id) } : undefined;
}
