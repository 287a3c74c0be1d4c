/**
 * The room's lobby (`#/room`): how the room is answered (typed or picked), its calls with the
 * player's best, the player's results, the live board. Offline it still lists the room's calls
 * (kept with the membership) and says why; a player the facilitator removed is told so here.
 */
import { workshopStore } from '../../device/workshop-store.js';
import type { BoardSnapshot, PlaceReport, RoomInfo } from '../../api/api.js';
import { ENDPOINTS } from '../../api/api.js';
import { send } from './api-client.js';
import { refusalText } from './refusals.js';
import { el } from '../kit/dom.js';
import { enterScreen } from '../kit/screen.js';
import { noticeRegion, statusRegion } from '../kit/status.js';
import { boardTable, ownOverall, teamTable } from './board-view.js';
import type { WorkshopContext } from './context.js';
import { showJoin } from './join-page.js';
import { watchBoard } from './live.js';
import { callCards, connectionLine, outboxLine, recentResults, roomStatusLine } from './lobby-parts.js';
import { answersLine, attendeeHeader, placeName, tell } from './page-parts.js';
import { JOIN_HREF, ROOM_MAP_HREF, joinHref } from './routes.js';
import { t } from '../i18n/index.js';

export function showLobby(root: HTMLElement, context: WorkshopContext): void {
  const store = workshopStore(context.storage);
  const membership = store.load().value.membership;
  if (!membership) {
    showJoin(root, context);
    return;
  }
  const life = enterScreen(root);
  const status = noticeRegion();
  const calls = el('ul', { className: 'scenario-list' });
  const mine = el('section', { className: 'card' });
  const boards = el('section', { className: 'card live-board' });
  const connection = el('p', { className: 'live-state muted' }, t('player.lobby.connecting'));
  const outboxNote = statusRegion('outbox-note');
  // How the room is answered: what this device last heard, then what the room says.
  const way = el('div', {});
  let room: RoomInfo | null = null;
  // Set once the facilitator has removed this player: the room's calls are no longer theirs.
  let removed = false;

  const renderCalls = () => {
    const sent = store.load().value.sent.filter((s) => s.room === membership.room);
    calls.replaceChildren(
      ...callCards(removed ? [] : (room?.scenarios ?? membership.calls ?? []), sent, context.scenarios),
    );
    mine.replaceChildren(...recentResults(sent, room, context.scenarios));
  };
  const renderOutbox = () => {
    outboxNote.textContent = outboxLine(context.outbox.status());
  };
  // Still in the room? Asked on arrival and whenever someone leaves the boards: a player the
  // facilitator removed is told so here, not only when they next start a call.
  let playersBefore = -1;
  const checkMembership = async () => {
    const reply = await send(context.api, ENDPOINTS.me, { token: membership.token });
    if (reply.ok || reply.code !== 'removed' || removed) return;
    removed = true;
    const again = el('button', { className: 'primary', type: 'button' }, t('player.lobby.joinAgain'));
    again.addEventListener('click', () => {
      store.save({ ...store.load().value, membership: null, runs: {} });
      window.location.hash = joinHref(membership.room);
    });
    status.replaceChildren(el('p', {}, t('player.lobby.removed')), again);
    calls.replaceChildren();
    again.focus();
  };
  // The room's calls and way of answering are kept with the membership: offline, the lobby still
  // lists the calls, and a call started from here is answered the room's way.
  const remember = (info: RoomInfo) => {
    const state = store.load().value;
    if (
      !state.membership ||
      (JSON.stringify(state.membership.calls) === JSON.stringify(info.scenarios) &&
        state.membership.answers === info.answers)
    )
      return;
    store.save({
      ...state,
      membership: { ...state.membership, calls: info.scenarios, answers: info.answers },
    });
  };
  const renderAnswers = () => {
    const answers = room?.answers ?? membership.answers;
    if (way.dataset.answers === answers) return;
    way.dataset.answers = answers;
    way.replaceChildren(answersLine(answers, 'attendee'));
  };
  const renderStatus = () => {
    if (room) remember(room);
    renderAnswers();
    if (!room || removed) return;
    tell(status, roomStatusLine(room.status));
  };
  // The player's own places, from their own stream: shown even when the board's first places
  // (all the stream sends) do not reach them.
  let place: PlaceReport | null = null;
  let lastBoard: BoardSnapshot | null = null;
  const teamLine = el('p', { className: 'muted team-line' });
  const drawBoards = () => {
    const board = lastBoard;
    if (!board || removed) return;
    const team = board.teams.find((entry) => entry.team === place?.team);
    teamLine.textContent = team ? t('player.lobby.team', { team: team.name }) : '';
    boards.replaceChildren(
      el('h2', {}, t('player.lobby.board')),
      place?.overall
        ? el(
            'p',
            { className: 'own-place-line' },
            t('player.lobby.yourPlace', { place: placeName(place.overall.rank) }),
          )
        : '',
      boardTable(t('player.lobby.overall'), board.overall, {
        limit: 10,
        me: membership.player,
        empty: t('player.lobby.noBoard'),
        inAll: board.onBoard.overall,
        mine: ownOverall(place, membership.nickname),
      }),
      ...(board.teams.length > 0
        ? [teamTable(t('player.lobby.teams'), board.teams, { mine: place?.team ?? null })]
        : []),
    );
  };
  const renderBoard = (board: BoardSnapshot) => {
    if (board.players < playersBefore) void checkMembership();
    playersBefore = board.players;
    if (removed) return;
    room = board.room;
    lastBoard = board;
    renderStatus();
    renderCalls();
    drawBoards();
  };

  const leave = el('button', { className: 'secondary small', type: 'button' }, t('player.lobby.leave'));
  leave.addEventListener('click', () => {
    store.save({ ...store.load().value, membership: null, runs: {} });
    window.location.hash = JOIN_HREF;
  });
  root.replaceChildren(
    attendeeHeader(`${membership.roomName} · ${membership.room}`),
    el('p', { className: 'muted' }, t('player.lobby.playingAs', { nickname: membership.nickname })),
    teamLine,
    way,
    status,
    outboxNote,
    el('section', {}, el('h2', {}, t('player.lobby.calls')), calls),
    mine,
    // The debrief's decision map, with this player's own answers marked.
    el('p', { className: 'map-link' }, el('a', { href: ROOM_MAP_HREF }, t('player.map.link'))),
    boards,
    connection,
    el('div', { className: 'actions' }, leave),
  );
  renderCalls();
  renderAnswers();
  renderOutbox();
  void checkMembership();
  void send(context.api, ENDPOINTS.room, { params: { code: membership.room } }).then((reply) => {
    if (reply.ok) {
      room = reply.data;
      renderStatus();
      renderCalls();
    } else if (reply.offline) {
      tell(status, t('player.lobby.offline', { reason: refusalText(reply) }));
    } else {
      tell(status, refusalText(reply));
    }
  });
  life.onLeave(
    watchBoard(
      // The player's token: the server counts the stream on it, and sends this player's own places.
      { code: membership.room, key: membership.token },
      renderBoard,
      (state) => {
        // The server answers again (after a restart, or the Wi-Fi coming back): send what waits now
        // rather than when the outbox's own retry comes round.
        if (state === 'live') void context.outbox.flush();
        connection.textContent = connectionLine(state);
      },
      undefined,
      (next) => {
        place = next;
        drawBoards();
      },
    ),
  );
  life.onLeave(
    context.outbox.subscribe(() => {
      renderOutbox();
      renderCalls();
    }),
  );
  void context.outbox.flush();
}
