/**
 * The attendee's join form (`#/join`, or `#/join/CODE` from the projector's QR code): the room's
 * code and a nickname. A device already in a room is offered the way back to it first.
 */
import { workshopStore, type Membership } from '../../device/workshop-store.js';
import { ENDPOINTS, ROOM_CODE_LENGTH, isRoomCode, normaliseRoomCode } from '../../api/api.js';
import { NICKNAME_MAX, cleanNickname } from '../../api/nickname.js';
import { el } from '../kit/dom.js';
import { enterScreen } from '../kit/screen.js';
import { noticeRegion } from '../kit/status.js';
import { send } from './api-client.js';
import { refusalText } from './refusals.js';
import { t } from '../i18n/index.js';
import type { WorkshopContext } from './context.js';
import { attendeeHeader, formError, tell } from './page-parts.js';
import { HOST_HREF, ROOM_HREF } from './routes.js';
import { storeNotice } from '../kit/store-notice.js';
import { teamPicker } from './team-picker.js';

export function showJoin(root: HTMLElement, context: WorkshopContext, presetCode?: string): void {
  enterScreen(root);
  const store = workshopStore(context.storage);
  const { value: state, notice } = store.load();
  const status = noticeRegion();
  const stored = storeNotice(notice);
  if (stored) tell(status, stored);
  const error = formError();
  const code = el('input', {
    id: 'room-code',
    name: 'code',
    value: (presetCode ?? '').toUpperCase(),
    maxLength: ROOM_CODE_LENGTH,
    autocomplete: 'off',
    required: true,
    spellcheck: false,
  });
  code.setAttribute('autocapitalize', 'characters');
  code.setAttribute('inputmode', 'text');
  const nickname = el('input', {
    id: 'nickname',
    name: 'nickname',
    // The box counts code units, the room counts characters people see (an emoji or an accented
    // letter may be several units): room enough here, and the server cuts to NICKNAME_MAX.
    maxLength: NICKNAME_MAX * 4,
    required: true,
  });
  nickname.setAttribute('autocomplete', 'nickname');
  // In a room with teams, the attendee picks theirs from the facilitator's list.
  const team = teamPicker(context);
  code.addEventListener('input', () => {
    team.load(code.value);
  });
  team.load(code.value);
  team.element.addEventListener('change', () => {
    if (error.textContent === t('player.join.noTeam')) error.textContent = '';
  });
  const submit = el('button', { className: 'primary', type: 'submit' }, t('player.join.submit'));
  const form = el(
    'form',
    { className: 'card join-form' },
    el('label', { htmlFor: 'room-code' }, t('player.join.code')),
    code,
    el('p', { className: 'muted small' }, t('player.join.codeHint')),
    el('label', { htmlFor: 'nickname' }, t('player.join.nickname')),
    nickname,
    el('p', { className: 'muted small' }, t('player.join.nicknameHint', { max: NICKNAME_MAX })),
    team.element,
    error,
    submit,
  );
  form.noValidate = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const roomCode = normaliseRoomCode(code.value);
    const cleaned = cleanNickname(nickname.value);
    if (!isRoomCode(roomCode)) {
      error.textContent = t('player.join.badCode');
      code.focus();
      return;
    }
    if (!cleaned.ok) {
      // The one reason cleanNickname gives: nothing in it is a letter or a digit.
      error.textContent = t('player.join.blankNickname');
      nickname.focus();
      return;
    }
    const picked = team.picked();
    if (team.teams().length > 0 && picked === undefined) {
      error.textContent = t('player.join.noTeam');
      team.focus();
      return;
    }
    submit.disabled = true;
    error.textContent = '';
    tell(status, t('player.join.joining'));
    void send(context.api, ENDPOINTS.join, {
      params: { code: roomCode },
      body: { nickname: nickname.value, ...(picked === undefined ? {} : { team: picked }) },
    }).then((reply) => {
      submit.disabled = false;
      status.replaceChildren();
      if (!reply.ok) {
        error.textContent = refusalText(reply);
        if (reply.code === 'no-team') {
          // The list changed (or the room took teams on since the page asked): offer it again.
          team.load(code.value);
          team.focus();
          return;
        }
        (reply.code === 'nickname' || reply.code === 'nickname-taken' ? nickname : code).focus();
        return;
      }
      const membership: Membership = {
        room: reply.data.room.code,
        roomName: reply.data.room.name,
        player: reply.data.player.id,
        nickname: reply.data.player.nickname,
        token: reply.data.token,
        answers: reply.data.room.answers,
      };
      store.save({ ...store.load().value, membership, runs: {} });
      window.location.hash = ROOM_HREF;
    });
  });
  const current = state.membership;
  root.replaceChildren(
    attendeeHeader(t('player.join.title')),
    status,
    current
      ? el(
          'section',
          { className: 'card' },
          el('h2', {}, t('menu.workshop.inRoom', { room: current.room, nickname: current.nickname }).trim()),
          el('a', { className: 'primary', href: ROOM_HREF }, t('call.wayBack.room')),
        )
      : '',
    form,
    el(
      'p',
      { className: 'muted' },
      t('player.join.running'),
      el('a', { href: HOST_HREF }, t('player.join.setUp')),
      '.',
    ),
  );
  (presetCode ? nickname : code).focus();
}
