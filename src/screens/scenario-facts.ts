/**
 * What a call is, in a line: where it happens, how hard it is, how long it takes, and a teaser.
 * The menu's card, the "Start here" panel and the briefing all show these, from here, so the
 * card's minutes and the briefing's never disagree.
 */
import type { Scenario, Setting } from '../engine/index.js';
import { settingIcon } from './art.js';
import { el } from './kit/dom.js';
import { shownText } from './scenario-language.js';
import { t } from './i18n/index.js';

export function settingName(setting: Setting): string {
  return t(`setting.${setting}`);
}

/** "about 3 min": the scenario's own estimate, the one figure every screen shows. */
export function lengthText(scenario: Scenario): string {
  return t('facts.minutes', { minutes: scenario.minutes });
}

/** "Rosa Delgado is at the counter." */
export function waitingLine(scenario: Scenario): string {
  return t(`waiting.${scenario.setting}`, { name: scenario.customer.name });
}

/** Titles and honorifics end in a full stop that does not end the sentence. */
const ABBREVIATION = /\b(Mr|Mrs|Ms|Dr|St|Mx)\.$/;

/** The summary's first sentence: the card's one-line teaser. */
export function teaser(scenario: Scenario): string {
  const text = shownText(scenario)(scenario.summary).trim();
  const ends = /[.!?](?=\s+["'“‘(]?[A-Z])/g;
  for (let found = ends.exec(text); found; found = ends.exec(text)) {
    const sentence = text.slice(0, found.index + 1);
    if (!ABBREVIATION.test(sentence)) return sentence;
  }
  return text;
}

const DIFFICULTY_DOTS = { easy: 1, medium: 2, hard: 3 } as const;

/**
 * The facts row: setting (icon and word), difficulty (dots and word), length. A list, so a screen
 * reader hears three items; the words carry everything the drawings show.
 */
export function factsRow(scenario: Scenario): HTMLElement {
  const dots = el('span', { className: 'dots' });
  dots.setAttribute('aria-hidden', 'true');
  for (let i = 1; i <= 3; i++)
    dots.append(el('span', { className: i <= DIFFICULTY_DOTS[scenario.difficulty] ? 'dot on' : 'dot' }));
  const difficulty = t(`difficulty.${scenario.difficulty}`);
  return el(
    'ul',
    { className: 'facts' },
    el('li', { className: 'fact' }, settingIcon(scenario.setting), settingName(scenario.setting)),
    el('li', { className: `fact difficulty-${scenario.difficulty}` }, dots, difficulty),
    el('li', { className: 'fact' }, lengthText(scenario)),
  );
}
