/**
 * Pieces every workshop page shares: its header, a form's error line, a notice's message, how the
 * room is answered, a place on a board.
 */
import type { AnswerWay } from '../../engine/index.js';
import { language, t } from '../i18n/index.js';
import { el } from '../kit/dom.js';
import { pageHeader } from '../kit/status.js';
import { HOST_HREF } from './routes.js';

/** Where a page's back link leads; its label is read when the page is drawn, in the language then. */
export interface BackLink {
  href: string;
  readonly label: string;
}
export const TO_SCENARIOS: BackLink = {
  href: '#/',
  get label() {
    return t('player.parts.toScenarios');
  },
};
export const TO_ROOMS: BackLink = {
  href: HOST_HREF,
  get label() {
    return t('player.parts.toRooms');
  },
};

/** The page's header: the way back, whose side of the workshop this is, the page's title. */
function workshopHeader(brand: string, title: string, back: BackLink): HTMLElement {
  const header = pageHeader(title);
  header.prepend(
    el('a', { className: 'back', href: back.href }, back.label),
    el('p', { className: 'brand' }, brand),
  );
  return header;
}

/** An attendee's page: the way back leads to the practice scenarios. */
export function attendeeHeader(title: string): HTMLElement {
  return workshopHeader(t('player.parts.brand.attendee'), title, TO_SCENARIOS);
}

/** A facilitator's page: the way back leads to their rooms unless said otherwise. */
export function facilitatorHeader(title: string, back = TO_ROOMS): HTMLElement {
  return workshopHeader(t('player.parts.brand.facilitator'), title, back);
}

/** A form's error line, read out at once (role=alert); empty, it takes no room. */
export function formError(): HTMLElement {
  const error = el('p', { className: 'form-error' });
  error.setAttribute('role', 'alert');
  return error;
}

/** Puts one message in a notice (see noticeRegion), in place of what it said before. */
export function tell(notice: HTMLElement, message: string): void {
  notice.replaceChildren(el('p', {}, message));
}

/** How a room is answered, by its short name on every page of the room. */
export function answersName(answers: AnswerWay): string {
  return t(`player.answers.${answers}`);
}

/** The same names by way of answering, each read in the language of the moment. */
export const ANSWERS_NAME: Readonly<Record<AnswerWay, string>> = {
  get pick() {
    return answersName('pick');
  },
  get type() {
    return answersName('type');
  },
};

/** A place on a board as the language says it (3rd, 3.º); a dash for none. */
export function placeName(place: number | null): string {
  if (place === null) return '–';
  const form = new Intl.PluralRules(language(), { type: 'ordinal' }).select(place);
  const key = form === 'one' || form === 'two' || form === 'few' ? form : 'other';
  return t(`player.place.${key}`, { place });
}

/** The room's way of answering, said plainly: "Typed answers: …", for the facilitator or an attendee. */
export function answersLine(answers: AnswerWay, reader: 'facilitator' | 'attendee'): HTMLElement {
  return el(
    'p',
    { className: 'room-answers' },
    el('strong', {}, answersName(answers)),
    `: ${t(`player.answers.${reader}.${answers}`)}`,
  );
}
