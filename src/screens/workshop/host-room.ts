/**
 * One room's page for the facilitator (`#/host/CODE`): how it is answered (picked or typed, set
 * when it was made), open and close it, change its calls, watch who joined (and remove anyone who
 * should not be there), open the projector, hand the room to another device, download the
 * results. Only a device that keeps the room's secret can run it.
 */
import { workshopStore } from '../../device/workshop-store.js';
import { ENDPOINTS, type RoomInfo, type RoomStatus } from '../../api/api.js';
import { el } from '../kit/dom.js';
import { enterScreen } from '../kit/screen.js';
import { noticeRegion } from '../kit/status.js';
import { callsEditor } from './calls-editor.js';
import { send } from './api-client.js';
import type { WorkshopContext } from './context.js';
import { handoverCard } from './handover-card.js';
import { joinAddress } from './join-address.js';
import { watchBoard } from './live.js';
import { answersLine, facilitatorHeader, tell } from './page-parts.js';
import { playersCard } from './player-list.js';
import { projectorHref } from './routes.js';

/** What the room's state means for the facilitator. */
function stateLine(status: RoomStatus): string {
  return status === 'draft'
    ? 'Not open yet: attendees can join and look around, but no call counts until you open it.'
    : status === 'open'
      ? 'Open: calls count.'
      : 'Closed: no one new can join and no new call starts. Calls already under way still count.';
}

export function showHostRoom(root: HTMLElement, context: WorkshopContext, code: string): void {
  const life = enterScreen(root);
  const mine = workshopStore(context.storage)
    .load()
    .value.hosted.find((h) => h.code === code);
  if (!mine) {
    root.replaceChildren(
      facilitatorHeader(`Room ${code}`),
      el(
        'p',
        { className: 'notice' },
        'This device did not create that room, so it cannot run it. Open it on the device that did, or open the facilitator link from that device’s room page here.',
      ),
    );
    return;
  }
  const status = noticeRegion();
  const say = (message: string) => {
    tell(status, message);
  };
  const state = el('p', { className: 'room-state' });
  // How the room is answered: set when it was made, shown once the server says.
  const answers = el('div', {});
  const openButton = el('button', { className: 'primary', type: 'button' }, 'Open the room');
  const closeButton = el('button', { className: 'secondary', type: 'button' }, 'Close the room');
  const exportButton = el('button', { className: 'secondary', type: 'button' }, 'Download results (CSV)');
  const calls = el('ul', {});
  let current: RoomInfo | null = null;

  const render = (room: RoomInfo) => {
    current = room;
    state.textContent = stateLine(room.status);
    if (answers.dataset.answers !== room.answers) {
      answers.dataset.answers = room.answers;
      answers.replaceChildren(answersLine(room.answers, 'facilitator'));
    }
    openButton.hidden = room.status === 'open';
    openButton.textContent = room.status === 'closed' ? 'Open it again' : 'Open the room';
    closeButton.hidden = room.status !== 'open';
    calls.replaceChildren(...room.scenarios.map((s) => el('li', {}, s.title)));
  };
  const editCalls = callsEditor(context, code, mine.secret, {
    current: () => current,
    saved: render,
    tell: say,
  });
  const players = playersCard(context, code, mine.secret, say, life);
  const setStatus = (next: 'open' | 'closed') => {
    void send(context.api, ENDPOINTS.updateRoom, {
      params: { code },
      body: { status: next },
      token: mine.secret,
    }).then((reply) => {
      if (reply.ok) {
        render(reply.data);
        say(next === 'open' ? 'The room is open.' : 'The room is closed.');
      } else say(reply.message);
    });
  };
  openButton.addEventListener('click', () => {
    setStatus('open');
  });
  closeButton.addEventListener('click', () => {
    setStatus('closed');
  });
  exportButton.addEventListener('click', () => {
    void send(context.api, ENDPOINTS.exportCsv, { params: { code }, token: mine.secret }).then((reply) => {
      if (!reply.ok) {
        say(reply.message);
        return;
      }
      const link = el('a', {
        href: URL.createObjectURL(new Blob([reply.data], { type: 'text/csv' })),
        download: `keep-cool-${code}.csv`,
      });
      link.click();
      URL.revokeObjectURL(link.href);
    });
  });

  const address = el('code', {});
  joinAddress(context.api, code, (at) => {
    address.textContent = at;
  });
  root.replaceChildren(
    facilitatorHeader(`${mine.name} · ${code}`),
    status,
    el(
      'section',
      { className: 'card' },
      state,
      answers,
      el('div', { className: 'actions' }, openButton, closeButton),
      el(
        'p',
        {},
        el(
          'a',
          { href: projectorHref(code), target: '_blank', rel: 'noopener' },
          'Open the projector screen',
        ),
        ' (in a new tab, for the big screen). Attendees join at ',
        address,
        '.',
      ),
      el('h2', {}, 'Calls in this room'),
      calls,
      editCalls,
    ),
    players.card,
    handoverCard(context, code, mine.secret),
    el(
      'section',
      { className: 'card' },
      el('h2', {}, 'Results'),
      el('p', {}, 'Every finished call: nickname, call, score, each SOARING letter, ending and time.'),
      exportButton,
    ),
  );
  void send(context.api, ENDPOINTS.room, { params: { code } }).then((reply) => {
    if (reply.ok) render(reply.data);
    else say(reply.message);
  });
  // The player list follows the room: someone joining, a call finished.
  let seen = '';
  life.onLeave(
    watchBoard(
      code,
      (board) => {
        render(board.room);
        const now = `${board.players}/${board.results}`;
        if (now !== seen && seen !== '') players.refresh();
        seen = now;
      },
      () => undefined,
    ),
  );
}
