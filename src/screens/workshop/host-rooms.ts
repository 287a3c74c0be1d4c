/**
 * The facilitator's start (`#/host`): the rooms this device runs, and a form to create one, named,
 * with its calls picked and how attendees answer (picking written answers or typing their own).
 * The room's secret stays on this device; without it nobody can run it.
 */
import type { AnswerWay } from '../../engine/index.js';
import { workshopStore } from '../../device/workshop-store.js';
import { ROOM_NAME_MAX } from '../../api/nickname.js';
import { ENDPOINTS } from '../../api/api.js';
import { send } from './api-client.js';
import { el } from '../kit/dom.js';
import { enterScreen } from '../kit/screen.js';
import { segmented } from '../settings-panel.js';
import { FLAGSHIP, fillPicks, picked, withLibrary } from './call-picks.js';
import type { WorkshopContext } from './context.js';
import { keepHosted } from './hosted.js';
import { TO_SCENARIOS, facilitatorHeader, formError } from './page-parts.js';
import { hostRoomHref } from './routes.js';
import { t } from '../i18n/index.js';

export function showHostRooms(root: HTMLElement, context: WorkshopContext): void {
  enterScreen(root);
  const hosted = workshopStore(context.storage).load().value.hosted;
  const error = formError();
  const name = el('input', {
    id: 'room-name',
    value: 'Keep Cool workshop',
    maxLength: ROOM_NAME_MAX,
    required: true,
  });
  const picks = el('fieldset', { className: 'picks' }, el('legend', {}, 'Calls to play'));
  // Typed and picked calls are ranked apart, so a room is answered one way for its whole life.
  let answers: AnswerWay = 'pick';
  const answersChoice = segmented<AnswerWay>(
    'How attendees answer',
    'room-answers',
    [
      { value: 'pick', label: 'Pick', note: 'choose written answers' },
      { value: 'type', label: 'Type', note: 'in their own words' },
    ],
    answers,
    (way) => {
      answers = way;
    },
  );
  answersChoice.classList.add('room-answers-choice');
  const create = el('button', { className: 'primary', type: 'submit' }, 'Create the room');
  const form = el(
    'form',
    { className: 'card' },
    el('h2', {}, t('host.rooms.new')),
    el('label', { htmlFor: 'room-name' }, 'Name (shown on the projector)'),
    name,
    picks,
    answersChoice,
    el(
      'p',
      { className: 'muted small' },
      'Typed and picked calls are ranked apart: the room takes one way for its whole life.',
    ),
    error,
    create,
  );
  form.noValidate = true;
  withLibrary(
    context,
    (library) => {
      // The flagship is ticked to start with (or the first call, if this server lacks it).
      const start = library.some((s) => s.id === FLAGSHIP) ? FLAGSHIP : library[0]?.id;
      fillPicks(picks, library, (id) => id === start);
    },
    (message) => {
      error.textContent = message;
    },
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const scenarios = picked(picks);
    if (scenarios.length === 0) {
      error.textContent = 'Pick at least one call for the room.';
      return;
    }
    if (!name.value.trim()) {
      error.textContent = 'Give the room a name.';
      name.focus();
      return;
    }
    create.disabled = true;
    void send(context.api, ENDPOINTS.createRoom, {
      body: { name: name.value.trim(), scenarios, answers },
    }).then((reply) => {
      create.disabled = false;
      if (!reply.ok) {
        error.textContent = reply.message;
        return;
      }
      keepHosted(context, reply.data.room, reply.data.secret);
      window.location.hash = hostRoomHref(reply.data.room.code);
    });
  });
  root.replaceChildren(
    facilitatorHeader('Run a workshop', TO_SCENARIOS),
    el(
      'p',
      { className: 'summary' },
      'Create a room, put its code on the projector, and attendees join from their phones. Scores are computed by the server from what each attendee did, so nobody can fake one.',
    ),
    hosted.length
      ? el(
          'section',
          { className: 'card' },
          el('h2', {}, 'Your rooms'),
          el(
            'ul',
            {},
            ...[...hosted]
              .reverse()
              .map((h) =>
                el(
                  'li',
                  {},
                  el('a', { href: hostRoomHref(h.code) }, `${h.name} · ${h.code}`),
                  h.answers === 'type' ? ' · typed answers' : '',
                ),
              ),
          ),
        )
      : '',
    form,
  );
  name.focus();
}
