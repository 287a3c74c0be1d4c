/**
 * The projector (`#/screen/CODE`): the join code large and as a QR code, how the room is answered
 * (typed or picked), the live leaderboards (overall and per call) and the room's SOARING profile
 * with its weakest letter. Read from across a room: big type, high contrast, nothing to click.
 */
import { own } from '../../engine/index.js';
import type { BoardSnapshot } from '../../api/api.js';
import { el } from '../kit/dom.js';
import { enterScreen } from '../kit/screen.js';
import { boardTable, profileView, teamTable } from './board-view.js';
import { shownTitle } from './call-picks.js';
import type { WorkshopContext } from './context.js';
import { joinAddress } from './join-address.js';
import { fitBoards } from './projector-fit.js';
import { workshopStore } from '../../device/workshop-store.js';
import { watchBoard, type LiveState } from './live.js';
import { qrCode } from './qr-code.js';
import { projectorMap } from './projector-map.js';
import { t, tn, type Key } from '../i18n/index.js';

/** The room's numbers, and its state unless it is open. */
function countsLine(board: BoardSnapshot): string {
  const { status } = board.room;
  return [
    tn('host.projector.players', board.players),
    tn('host.projector.finished', board.results),
    ...(status === 'open' ? [] : [t(status === 'draft' ? 'host.projector.draft' : 'host.projector.closed')]),
  ].join(' · ');
}

const CONNECTION: Record<LiveState, Key> = {
  live: 'host.projector.live',
  connecting: 'host.projector.connecting',
  reconnecting: 'host.projector.reconnecting',
};

/** The room's secret, if this device runs the room. */
function hostedSecret(context: WorkshopContext, code: string): string | undefined {
  return workshopStore(context.storage)
    .load()
    .value.hosted.find((h) => h.code === code)?.secret;
}

/** Shows the room `code` (upper case) on the projector. */
export function showProjector(root: HTMLElement, context: WorkshopContext, code: string): void {
  const life = enterScreen(root);
  const qr = el('div', { className: 'qr' });
  const address = el('p', { className: 'join-address' });
  const title = el('h1', {}, 'Keep Cool');
  const state = el('p', { className: 'live-state' }, t(CONNECTION.connecting));
  const boards = el('div', { className: 'screen-boards' });
  boards.setAttribute('aria-label', t('host.projector.boards'));
  const profile = el('div', { className: 'screen-profile' });
  const counts = el('p', { className: 'counts' });
  // Typed or picked: the room's boards rank one way only, so the big screen says which.
  const answers = el('p', { className: 'answers-way' });
  // The debrief's decision map, in place of the boards while the facilitator has it up.
  const map = projectorMap(context, code);
  const screen = el('div', { className: 'screen' });
  joinAddress(context.api, code, (at) => {
    qr.replaceChildren(qrCode(at));
    address.textContent = at.replace(/^https?:\/\//, '');
  });
  let shown: BoardSnapshot | null = null;
  const render = (board: BoardSnapshot) => {
    shown = board;
    title.textContent = board.room.name;
    answers.textContent = t(`host.answers.${board.room.answers}`);
    counts.textContent = countsLine(board);
    // Everything fits one screen for the usual one to four calls: with several, each call shows
    // its podium and the overall board the first eight.
    const many = board.room.scenarios.length > 2;
    // The layout first (the map or the boards, the profile's room, the number of calls), then as
    // many places as fit; the rest are counted under each board (see projector-fit.ts). While the
    // map is up the boards are hidden, measure nothing and keep their usual places.
    screen.classList.toggle('mapping', map.follow(board));
    profile.replaceChildren(profileView(board));
    boards.dataset.calls = String(board.room.scenarios.length);
    boards.dataset.teams = String(board.teams.length);
    const limits = fitBoards(
      boards,
      (limit) => [
        boardTable(t('host.projector.overall'), board.overall, {
          limit: limit.overall,
          empty: t('host.projector.waiting'),
          inAll: board.onBoard.overall,
          more: (count) => tn('host.projector.more', count),
        }),
        ...board.room.scenarios.map((s) =>
          boardTable(shownTitle(context, s.id, s.title), own(board.byScenario, s.id) ?? [], {
            limit: limit.call,
            inAll: own(board.onBoard.byScenario, s.id) ?? 0,
          }),
        ),
        ...(board.teams.length > 0 ? [teamTable(t('host.projector.teams'), board.teams)] : []),
      ],
      { overall: many ? 8 : 10, call: many ? 3 : 5 },
    );
    boards.dataset.places = `${limits.overall}/${limits.call}`;
    root.dataset.revision = String(board.revision);
  };
  screen.append(
    el(
      'section',
      { className: 'screen-join' },
      el('p', { className: 'brand' }, t('host.projector.join')),
      el(
        'p',
        {
          className: 'room-code',
          ariaLabel: t('host.projector.code', { letters: code.split('').join(' ') }),
        },
        code,
      ),
      qr,
      address,
      state,
    ),
    el('section', { className: 'screen-main' }, title, answers, counts, boards, profile),
    map.element,
  );
  root.replaceChildren(screen);
  // A projector is often put full screen, or its window resized, after the room is up: the boards
  // and the map fit the new size at once, not at the next result or step. Once a frame, however
  // many resize events.
  let refit = 0;
  window.addEventListener(
    'resize',
    () => {
      cancelAnimationFrame(refit);
      refit = requestAnimationFrame(() => {
        if (shown) render(shown);
        map.refit();
      });
    },
    { signal: life.signal },
  );
  life.onLeave(() => {
    cancelAnimationFrame(refit);
  });
  life.onLeave(
    // The facilitator's browser keeps the room's secret: with it, the projector's stream is never
    // refused because of anonymous ones from the same address. A projector without it still works.
    watchBoard({ code, key: hostedSecret(context, code) }, render, (s) => {
      state.textContent = t(CONNECTION[s]);
      state.dataset.state = s;
    }),
  );
}
