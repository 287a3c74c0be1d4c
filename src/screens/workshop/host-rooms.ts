/**
 * The facilitator's start (`#/host`): the rooms this device runs, and a form to create one, named,
 * with its calls picked and how attendees answer (picking written answers or typing their own).
 * The room's secret stays on this device; without it nobody can run it.
 */
import type { AnswerWay } from '../../engine/index.js';
import { workshopStore } from '../../device/workshop-store.js';
import { ROOM_NAME_MAX } from '../../api/shown-text.js';
import { ENDPOINTS } from '../../api/api.js';
import { send } from './api-client.js';
import { el } from '../kit/dom.js';
import { enterScreen } from '../kit/screen.js';
import { segmented } from '../settings-panel.js';
import { FLAGSHIP, fillPicks, picked, withLibrary } from './call-picks.js';
import type { WorkshopContext } from './context.js';
import { keepHosted } from './hosted.js';
import { refusalWords } from './host-refusal.js';
import { facilitatorHeader, formError } from './page-parts.js';
import { hostRoomHref } from './routes.js';
import { t } from '../i18n/index.js';

export function showHostRooms(root: HTMLElement, context: WorkshopContext): void {
  enterScreen(root);
  const hosted = workshopStore(context.storage).load().value.hosted;
  const error = formError();
  const name = el('input', {
    id: 'room-name',
    value: t('host.rooms.defaultName'),
    maxLength: ROOM_NAME_MAX,
    required: true,
  });
  const picks = el('fieldset', { className: 'picks' }, el('legend', {}, t('host.calls.legend')));
  // Typed and picked calls are ranked apart, so a room is answered one way for its whole life.
  let answers: AnswerWay = 'pick';
  const answersChoice = segmented<AnswerWay>(
    t('host.rooms.answers'),
    'room-answers',
    [
      { value: 'pick', label: t('settings.pick'), note: t('host.rooms.pick.note') },
      { value: 'type', label: t('settings.type'), note: t('host.rooms.type.note') },
    ],
    answers,
    (way) => {
      answers = way;
    },
  );
  answersChoice.classList.add('room-answers-choice');
  const create = el('button', { className: 'primary', type: 'submit' }, t('host.rooms.create'));
  const form = el(
    'form',
    { className: 'card' },
    el('h2', {}, t('host.rooms.new')),
    el('label', { htmlFor: 'room-name' }, t('host.rooms.name')),
    name,
    picks,
    answersChoice,
    el('p', { className: 'muted small' }, t('host.rooms.apart')),
    error,
    create,
  );
  form.noValidate = true;
  withLibrary(
    context,
    (library) => {
      // The flagship is ticked to start with (or the first call, if this server lacks it).
      const start = library.some((s) => s.id === FLAGSHIP) ? FLAGSHIP : library[0]?.id;
      fillPicks(context, picks, library, (id) => id === start);
    },
    (message) => {
      error.textContent = message;
    },
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const scenarios = picked(picks);
    if (scenarios.length === 0) {
      error.textContent = t('host.calls.none');
      return;
    }
    if (!name.value.trim()) {
      error.textContent = t('host.rooms.noName');
      name.focus();
      return;
    }
    create.disabled = true;
    void send(context.api, ENDPOINTS.createRoom, {
      body: { name: name.value.trim(), scenarios, answers },
    }).then((reply) => {
      create.disabled = false;
      if (!reply.ok) {
        error.textContent = refusalWords(reply);
        return;
      }
      keepHosted(context, reply.data.room, reply.data.secret);
      window.location.hash = hostRoomHref(reply.data.room.code);
    });
  });
  root.replaceChildren(
    facilitatorHeader(t('host.rooms.title'), { href: '#/', label: t('history.back') }),
    el('p', { className: 'summary' }, t('host.rooms.about')),
    hosted.length
      ? el(
          'section',
          { className: 'card' },
          el('h2', {}, t('host.rooms.yours')),
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
                  h.answers === 'type' ? t('host.rooms.typed') : '',
                ),
              ),
          ),
        )
      : '',
    form,
  );
  name.focus();
}
