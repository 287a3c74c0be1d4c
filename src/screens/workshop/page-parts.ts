/**
 * Pieces every workshop page shares: its header, a form's error line, a notice's message, how the
 * room is answered.
 */
import type { AnswerWay } from '../../engine/index.js';
import { el } from '../kit/dom.js';
import { pageHeader } from '../kit/status.js';
import { HOST_HREF } from './routes.js';

/** Where a page's back link leads. */
export interface BackLink {
  href: string;
  label: string;
}
export const TO_SCENARIOS: BackLink = { href: '#/', label: '← All scenarios' };
export const TO_ROOMS: BackLink = { href: HOST_HREF, label: '← Your rooms' };

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
  return workshopHeader('Keep Cool · Workshop', title, TO_SCENARIOS);
}

/** A facilitator's page: the way back leads to their rooms unless said otherwise. */
export function facilitatorHeader(title: string, back = TO_ROOMS): HTMLElement {
  return workshopHeader('Keep Cool · Facilitator', title, back);
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
export const ANSWERS_NAME: Readonly<Record<AnswerWay, string>> = {
  pick: 'Picked answers',
  type: 'Typed answers',
};

/** What the way of answering means, for the facilitator and for an attendee. */
const ANSWERS_MEANING: Readonly<Record<'facilitator' | 'attendee', Readonly<Record<AnswerWay, string>>>> = {
  facilitator: {
    pick: 'attendees choose among written answers. Only picked calls count in this room.',
    type: 'attendees type what they would say, in their own words. Only typed calls count in this room.',
  },
  attendee: {
    pick: 'you choose among written answers.',
    type: 'you type what you would say, in your own words.',
  },
};

/** The room's way of answering, said plainly: "Typed answers: …". */
export function answersLine(answers: AnswerWay, reader: 'facilitator' | 'attendee'): HTMLElement {
  return el(
    'p',
    { className: 'room-answers' },
    el('strong', {}, ANSWERS_NAME[answers]),
    `: ${ANSWERS_MEANING[reader][answers]}`,
  );
}
