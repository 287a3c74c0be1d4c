/**
 * The attendee's side of a workshop: join a room with its code and a nickname (`#/join`, or
 * `#/join/CODE` from the projector's QR code), the room's lobby (`#/room`) with its scenarios and the
 * live board, and the room's calls (`#/room/play/<id>`), played in assessment mode and sent to the
 * server for scoring. Without a server the practice game still works; a result finished offline
 * waits in the outbox until the server can be reached.
 */
import type { Scenario } from '../../engine/index.js';
import { runFor, workshopStore, type Membership } from '../../device/workshop-store.js';
import type { KeyValueStorage } from '../../device/store.js';
import type { AudioService } from '../../sound/service.js';
import type { BoardSnapshot, Joined, RoomInfo, RunStarted } from '../../api/api.js';
import { ordinal } from '../../api/board.js';
import { NICKNAME_MAX, cleanNickname } from '../../api/nickname.js';
import { el } from '../kit/dom.js';
import { mountTextCall, type ViewListener, type WorkshopCall } from '../call/text-call.js';
import type { ApiClient } from './api-client.js';
import { boardTable } from './board-view.js';
import { watchBoard } from './live.js';
import { JOIN_HREF, ROOM_HREF } from './routes.js';
import type { Outbox } from './outbox.js';

export interface WorkshopContext {
  api: ApiClient;
  storage: KeyValueStorage;
  outbox: Outbox;
  scenarios: Scenario[];
  onView: ViewListener;
  audio?: AudioService;
}

function header(title: string, back = '#/'): HTMLElement {
  return el(
    'header',
    {},
    el('a', { className: 'back', href: back }, back === '#/' ? '← All scenarios' : '← Back to the room'),
    el('p', { className: 'brand' }, 'Keep Cool · Workshop'),
    el('h1', {}, title),
  );
}

function statusBox(): HTMLElement {
  const box = el('div', { className: 'notice' });
  box.setAttribute('role', 'status');
  return box;
}

/** The join form. A device already in a room is offered the way back to it first. */
export function showJoin(root: HTMLElement, context: WorkshopContext, presetCode?: string): void {
  const store = workshopStore(context.storage);
  const { value: state, notice } = store.load();
  const status = statusBox();
  if (notice) status.append(el('p', {}, notice));
  const error = el('p', { className: 'form-error' });
  error.setAttribute('role', 'alert');
  const code = el('input', {
    id: 'room-code',
    name: 'code',
    value: (presetCode ?? '').toUpperCase(),
    maxLength: 6,
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
  const submit = el('button', { className: 'primary', type: 'submit' }, 'Join the room');
  const form = el(
    'form',
    { className: 'card join-form' },
    el('label', { htmlFor: 'room-code' }, 'Room code'),
    code,
    el('p', { className: 'muted small' }, 'Six letters and digits, shown on the projector.'),
    el('label', { htmlFor: 'nickname' }, 'Your nickname'),
    nickname,
    el(
      'p',
      { className: 'muted small' },
      `Up to ${NICKNAME_MAX} characters. Everyone in the room will see it.`,
    ),
    error,
    submit,
  );
  form.noValidate = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const roomCode = code.value.trim().toUpperCase();
    const cleaned = cleanNickname(nickname.value);
    if (!/^[A-HJ-NP-Z2-9]{6}$/.test(roomCode)) {
      error.textContent = 'The room code is six letters and digits, like K7PX3M.';
      code.focus();
      return;
    }
    if (!cleaned.ok) {
      error.textContent = cleaned.reason;
      nickname.focus();
      return;
    }
    submit.disabled = true;
    error.textContent = '';
    status.replaceChildren(el('p', {}, 'Joining…'));
    void context.api
      .call<Joined>('POST', `/rooms/${roomCode}/players`, { nickname: nickname.value })
      .then((reply) => {
        submit.disabled = false;
        status.replaceChildren();
        if (!reply.ok) {
          error.textContent = reply.message;
          (reply.code === 'nickname' || reply.code === 'nickname-taken' ? nickname : code).focus();
          return;
        }
        const membership: Membership = {
          room: reply.data.room.code,
          roomName: reply.data.room.name,
          player: reply.data.player.id,
          nickname: reply.data.player.nickname,
          token: reply.data.token,
        };
        store.save({ ...store.load().value, membership, runs: {} });
        window.location.hash = ROOM_HREF;
      });
  });
  const current = state.membership;
  root.replaceChildren(
    header('Join a workshop room'),
    status,
    current
      ? el(
          'section',
          { className: 'card' },
          el('h2', {}, `You are in room ${current.room} as ${current.nickname}`),
          el('a', { className: 'primary', href: ROOM_HREF }, 'Back to the room'),
        )
      : '',
    form,
    el(
      'p',
      { className: 'muted' },
      'Running the workshop? ',
      el('a', { href: '#/host' }, 'Set up a room'),
      '.',
    ),
  );
  (presetCode ? nickname : code).focus();
}

/** The room's lobby: its calls, the player's results, the live board. */
export function showLobby(root: HTMLElement, context: WorkshopContext): void {
  const store = workshopStore(context.storage);
  const membership = store.load().value.membership;
  if (!membership) {
    showJoin(root, context);
    return;
  }
  const status = statusBox();
  const calls = el('ul', { className: 'scenario-list' });
  const mine = el('section', { className: 'card' });
  const boards = el('section', { className: 'card live-board' });
  const connection = el('p', { className: 'live-state muted' }, 'Connecting to the room…');
  const outboxNote = el('p', { className: 'outbox-note' });
  outboxNote.setAttribute('role', 'status');
  let room: RoomInfo | null = null;

  const renderCalls = () => {
    const sent = store.load().value.sent.filter((s) => s.room === membership.room);
    const list = removed ? [] : (room?.scenarios ?? membership.calls ?? []);
    calls.replaceChildren(
      ...list.map((s) => {
        const local = context.scenarios.find((x) => x.id === s.id);
        const results = sent.filter((r) => r.scenario === s.id && r.outcome.kind === 'counted');
        const best = Math.max(
          -1,
          ...results.map((r) => (r.outcome.kind === 'counted' ? r.outcome.total : -1)),
        );
        return el(
          'li',
          { className: 'scenario-card' },
          local
            ? el('a', { href: `#/room/play/${s.id}` }, el('h3', {}, s.title))
            : el('h3', {}, `${s.title} (not on this page: reload)`),
          el(
            'p',
            { className: 'best' },
            best < 0 ? 'Not played in this room yet' : `Your best here: ${best} / 1000`,
          ),
        );
      }),
    );
    const answered = sent.slice(-5).reverse();
    mine.replaceChildren(
      el('h2', {}, 'Your results in this room'),
      answered.length
        ? el(
            'ul',
            {},
            ...answered.map((r) =>
              el(
                'li',
                {},
                `${room?.scenarios.find((s) => s.id === r.scenario)?.title ?? r.scenario}: `,
                r.outcome.kind === 'counted'
                  ? `${r.outcome.total} / 1000 (${ordinal(r.outcome.rank.scenario)} on this call, ${ordinal(r.outcome.rank.overall)} overall)`
                  : `not counted: ${r.outcome.reason}`,
              ),
            ),
          )
        : el('p', { className: 'muted' }, 'Finish a call and your score appears here and on the projector.'),
    );
  };
  const renderOutbox = () => {
    const { pending, waiting } = context.outbox.status();
    outboxNote.textContent =
      pending === 0
        ? ''
        : `${pending} result${pending === 1 ? '' : 's'} waiting to be sent${waiting ? ` (${waiting})` : ''}. They are kept on this device and sent as soon as the server answers.`;
  };
  // Still in the room? Asked on arrival and whenever someone leaves the boards: a player the
  // facilitator removed is told so here, not only when they next start a call.
  let removed = false;
  let playersBefore = -1;
  const checkMembership = async () => {
    const reply = await context.api.call('GET', '/me', undefined, membership.token);
    if (reply.ok || reply.code !== 'removed' || removed) return;
    removed = true;
    const again = el('button', { className: 'primary', type: 'button' }, 'Join with another nickname');
    again.addEventListener('click', () => {
      store.save({ ...store.load().value, membership: null, runs: {} });
      window.location.hash = `${JOIN_HREF}/${membership.room}`;
    });
    status.replaceChildren(
      el('p', {}, 'The facilitator removed you from this room: your calls no longer count here.'),
      again,
    );
    calls.replaceChildren();
    again.focus();
  };
  const renderBoard = (board: BoardSnapshot) => {
    if (board.players < playersBefore) void checkMembership();
    playersBefore = board.players;
    if (removed) return;
    room = board.room;
    renderStatus();
    renderCalls();
    boards.replaceChildren(
      el('h2', {}, 'Leaderboard'),
      boardTable('Overall', board.overall, {
        limit: 10,
        me: membership.player,
        empty: 'No one has finished a call yet.',
      }),
    );
  };
  // The room's calls are kept with the membership: offline, the lobby still lists them.
  const remember = (info: RoomInfo) => {
    const state = store.load().value;
    if (!state.membership || JSON.stringify(state.membership.calls) === JSON.stringify(info.scenarios))
      return;
    store.save({ ...state, membership: { ...state.membership, calls: info.scenarios } });
  };
  const renderStatus = () => {
    if (room) remember(room);
    if (!room || removed) return;
    status.replaceChildren(
      el(
        'p',
        {},
        room.status === 'draft'
          ? 'The facilitator has not opened the room yet. You can look around; the calls count once it opens.'
          : room.status === 'closed'
            ? 'This room is closed: the workshop has ended. Your results are kept.'
            : 'The room is open: pick a call. It is played in assessment mode, so feedback waits for the debrief.',
      ),
    );
  };

  const leave = el('button', { className: 'secondary small', type: 'button' }, 'Leave this room');
  leave.addEventListener('click', () => {
    store.save({ ...store.load().value, membership: null, runs: {} });
    window.location.hash = JOIN_HREF;
  });
  root.replaceChildren(
    header(`${membership.roomName} · ${membership.room}`),
    el('p', { className: 'muted' }, `Playing as ${membership.nickname}`),
    status,
    outboxNote,
    el('section', {}, el('h2', {}, 'The room’s calls'), calls),
    mine,
    boards,
    connection,
    el('div', { className: 'actions' }, leave),
  );
  renderCalls();
  renderOutbox();
  void checkMembership();
  void context.api.call<RoomInfo>('GET', `/rooms/${membership.room}`).then((reply) => {
    if (reply.ok) {
      room = reply.data;
      renderStatus();
      renderCalls();
    } else if (reply.offline) {
      status.replaceChildren(
        el(
          'p',
          {},
          `${reply.message} You can still practise any call from the main menu; this device keeps your scores.`,
        ),
      );
    } else {
      status.replaceChildren(el('p', {}, reply.message));
    }
  });
  const stopWatching = watchBoard(membership.room, renderBoard, (state) => {
    // The server answers again (after a restart, or the Wi-Fi coming back): send what waits now
    // rather than when the outbox's own retry comes round.
    if (state === 'live') void context.outbox.flush();
    connection.textContent =
      state === 'live'
        ? 'Live: the board updates as calls finish.'
        : state === 'connecting'
          ? 'Connecting to the room…'
          : 'Connection lost: reconnecting…';
  });
  const unsubscribe = context.outbox.subscribe(() => {
    renderOutbox();
    renderCalls();
  });
  void context.outbox.flush();
  root.addEventListener(
    'keep-cool:leave',
    () => {
      stopWatching();
      unsubscribe();
    },
    { once: true },
  );
}

/** One of the room's calls: a run token first, assessment mode, the result sent (or queued) at the end. */
export function showRoomCall(root: HTMLElement, context: WorkshopContext, scenarioId: string): void {
  const store = workshopStore(context.storage);
  const membership = store.load().value.membership;
  const scenario = context.scenarios.find((s) => s.id === scenarioId);
  if (!membership || !scenario) {
    window.location.hash = membership ? ROOM_HREF : JOIN_HREF;
    return;
  }
  // The run this page started. Kept in memory as well as on the device: a second tab playing the
  // same call stores its own run, which must not be sent with this tab's transcript.
  let ownRun: string | null = null;
  // Whether this page has sent a run already: the call played after it (a rewind) is practice.
  let usedRun = false;
  const workshop: WorkshopCall = {
    label: `Workshop · room ${membership.room}`,
    async begin() {
      ownRun = null;
      const reply = await context.api.call<RunStarted>(
        'POST',
        '/runs',
        { scenario: scenario.id, version: scenario.version },
        membership.token,
      );
      const state = store.load().value;
      if (reply.ok) {
        store.save({
          ...state,
          runs: {
            ...state.runs,
            [scenario.id]: { run: reply.data.run, room: membership.room, issuedAt: reply.data.issuedAt },
          },
        });
        ownRun = reply.data.run;
        return { ok: true };
      }
      // No token: whatever run this scenario had is over.
      const runs = Object.fromEntries(Object.entries(state.runs).filter(([id]) => id !== scenario.id));
      store.save({ ...state, runs });
      return {
        ok: false,
        message: reply.offline
          ? `${reply.message} You can play the call now for practice; it will not count in the room.`
          : reply.message,
        playAnyway: reply.offline,
      };
    },
    finished(transcript) {
      const card = el('section', { className: 'card room-result' }, el('h2', {}, `Room ${membership.room}`));
      const line = el('p', {});
      line.setAttribute('role', 'status');
      card.append(line);
      // This page's own run; after a reload (a resumed call) the one kept on the device.
      const stored = runFor(store.load().value, scenario.id);
      const run = ownRun
        ? { run: ownRun }
        : !usedRun && stored?.room === membership.room
          ? { run: stored.run }
          : null;
      ownRun = null;
      if (!run) {
        line.textContent = usedRun
          ? 'A rewound call is practice: it does not count in the room. To count again, start the call afresh from the room.'
          : 'This call was played without a run from the server, so it does not count in the room. Your score is kept on this device.';
        return card;
      }
      usedRun = true;
      line.textContent = 'Sending your call to the room…';
      const show = () => {
        const state = store.load().value;
        const sent = state.sent.find((s) => s.run === run.run);
        if (sent?.outcome.kind === 'counted') {
          const { total, rank } = sent.outcome;
          line.textContent =
            rank.scenario === null
              ? `The server scored it ${total} / 1000, but this call has been taken off the room’s boards, so it does not show there.`
              : `Counted in the room: the server scored it ${total} / 1000. You are ${ordinal(rank.scenario)} on this call and ${ordinal(rank.overall)} overall.`;
        } else if (sent?.outcome.kind === 'refused') {
          line.textContent = `Not counted: ${sent.outcome.reason}`;
        } else if (state.outbox.some((p) => p.run === run.run)) {
          line.textContent =
            'No connection to the room right now. Your result is saved on this device and will be sent as soon as the server answers: you can carry on.';
        }
      };
      const unsubscribe = context.outbox.subscribe(show);
      root.addEventListener('keep-cool:leave', unsubscribe, { once: true });
      void context.outbox
        .queue({
          run: run.run,
          room: membership.room,
          token: membership.token,
          scenario: scenario.id,
          transcript,
          finishedAt: Date.now(),
        })
        .then(show);
      return card;
    },
  };
  mountTextCall(root, scenario, {
    onView: context.onView,
    storage: context.storage,
    menuHref: ROOM_HREF,
    workshop,
    ...(context.audio ? { audio: context.audio } : {}),
  });
}
