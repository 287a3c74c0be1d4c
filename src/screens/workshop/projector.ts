/**
 * The projector (`#/screen/CODE`): the join code large and as a QR code, how the room is answered
 * (typed or picked), the live leaderboards (overall and per call) and the room's SOARING profile
 * with its weakest letter. Read from across a room: big type, high contrast, nothing to click.
 */
import { own } from '../../engine/index.js';
import type { BoardSnapshot } from '../../api/api.js';
import { el } from '../kit/dom.js';
import { enterScreen } from '../kit/screen.js';
import { plural } from '../kit/status.js';
import { boardTable, profileView } from './board-view.js';
import type { WorkshopContext } from './context.js';
import { joinAddress } from './join-address.js';
import { watchBoard, type LiveState } from './live.js';
import { ANSWERS_NAME } from './page-parts.js';
import { qrCode } from './qr-code.js';

/** The room's numbers, and its state unless it is open. */
function countsLine(board: BoardSnapshot): string {
  const state =
    board.room.status === 'open' ? '' : board.room.status === 'draft' ? ' · not open yet' : ' · closed';
  return `${plural(board.players, 'player')} · ${plural(board.results, 'call')} finished${state}`;
}

const CONNECTION: Record<LiveState, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost — reconnecting…',
};

/** Shows the room `code` (upper case) on the projector. */
export function showProjector(root: HTMLElement, context: WorkshopContext, code: string): void {
  const life = enterScreen(root);
  const qr = el('div', { className: 'qr' });
  const address = el('p', { className: 'join-address' });
  const title = el('h1', {}, 'Keep Cool');
  const state = el('p', { className: 'live-state' }, 'Connecting…');
  const boards = el('div', { className: 'screen-boards' });
  const profile = el('div', { className: 'screen-profile' });
  const counts = el('p', { className: 'counts' });
  // Typed or picked: the room's boards rank one way only, so the big screen says which.
  const answers = el('p', { className: 'answers-way' });
  joinAddress(context.api, code, (at) => {
    qr.replaceChildren(qrCode(at));
    address.textContent = at.replace(/^https?:\/\//, '');
  });
  const render = (board: BoardSnapshot) => {
    title.textContent = board.room.name;
    answers.textContent = ANSWERS_NAME[board.room.answers];
    counts.textContent = countsLine(board);
    // Everything fits one screen for the usual one to four calls: with several, each call shows
    // its podium and the overall board the first eight.
    const many = board.room.scenarios.length > 2;
    boards.replaceChildren(
      boardTable('Overall', board.overall, {
        limit: many ? 8 : 10,
        empty: 'Waiting for the first finished call…',
      }),
      ...board.room.scenarios.map((s) =>
        boardTable(s.title, own(board.byScenario, s.id) ?? [], { limit: many ? 3 : 5 }),
      ),
    );
    boards.dataset.calls = String(board.room.scenarios.length);
    profile.replaceChildren(profileView(board));
    root.dataset.revision = String(board.revision);
  };
  root.replaceChildren(
    el(
      'div',
      { className: 'screen' },
      el(
        'section',
        { className: 'screen-join' },
        el('p', { className: 'brand' }, 'Join the room'),
        el('p', { className: 'room-code', ariaLabel: `Room code ${code.split('').join(' ')}` }, code),
        qr,
        address,
        state,
      ),
      el('section', { className: 'screen-main' }, title, answers, counts, boards, profile),
    ),
  );
  life.onLeave(
    watchBoard(code, render, (s) => {
      state.textContent = CONNECTION[s];
      state.dataset.state = s;
    }),
  );
}
