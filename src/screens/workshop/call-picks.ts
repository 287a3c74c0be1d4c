/** The facilitator's ticks for the calls a room has, from the scenarios the server can score. */
import { ENDPOINTS } from '../../api/api.js';
import { send } from './api-client.js';
import { el } from '../kit/dom.js';
import type { WorkshopContext } from './context.js';
import { refusalWords } from './host-refusal.js';
import { shownText } from '../scenario-language.js';
import { t } from '../i18n/index.js';

export type Library = { id: string; title: string; version: number }[];

/**
 * A call's title as the page shows it: in the page's language where this page has the scenario
 * and its translation, else as the server wrote it.
 */
export function shownTitle(context: WorkshopContext, id: string, title: string): string {
  const scenario = context.scenarios.find((s) => s.id === id);
  return scenario ? shownText(scenario)(title) : title;
}

/** The call a new room starts with. */
export const FLAGSHIP = 'insurance-meal-receipt';

/**
 * Ticks for the calls a room can have; `selected` decides which start ticked. Filled again when the
 * server's list arrives, ticks the facilitator already set are kept.
 */
export function fillPicks(
  context: WorkshopContext,
  picks: HTMLFieldSetElement,
  library: Library,
  selected: (id: string) => boolean,
): void {
  const before = new Map(
    [...picks.querySelectorAll<HTMLInputElement>('input')].map((i) => [i.value, i.checked]),
  );
  picks.replaceChildren(
    el('legend', {}, t('host.calls.legend')),
    ...library.map((s) =>
      el(
        'label',
        { className: 'pick' },
        el('input', { type: 'checkbox', value: s.id, checked: before.get(s.id) ?? selected(s.id) }),
        ` ${shownTitle(context, s.id, s.title)}`,
      ),
    ),
  );
}

/** The ids of the ticked calls. */
export const picked = (picks: HTMLFieldSetElement): string[] =>
  [...picks.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);

/** The scenarios the server can score: its own list decides; the page's stands in until it answers. */
export function withLibrary(
  context: WorkshopContext,
  use: (library: Library) => void,
  onError: (message: string) => void,
): void {
  use(context.scenarios.map((s) => ({ id: s.id, title: s.title, version: s.version })));
  void send(context.api, ENDPOINTS.scenarios).then((reply) => {
    if (reply.ok) use(reply.data.scenarios);
    else onError(refusalWords(reply));
  });
}
