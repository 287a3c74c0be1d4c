/**
 * The projector (`#/screen/CODE`): the join code large and as a QR code, the live leaderboards
 * (overall and per call) and the room's SOARING profile with its weakest letter. Read from across a
 * room: big type, high contrast, nothing to click.
 */
import { encode } from 'uqr';
import { own } from '../../engine/index.js';
import type { BoardSnapshot } from '../../api/api.js';
import { el } from '../kit/dom.js';
import type { WorkshopContext } from './attendee.js';
import { boardTable, profileView } from './board-view.js';
import { joinAddress } from './join-address.js';
import { watchBoard } from './live.js';

const SVG = 'http://www.w3.org/2000/svg';

/** The QR code as SVG squares, built as elements (no markup strings). */
function qrCode(text: string): SVGSVGElement {
  const { size, data } = encode(text, { ecc: 'M', border: 2 });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `QR code for ${text}`);
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  let d = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#1d2330');
  svg.append(background, path);
  return svg;
}

export function showProjector(root: HTMLElement, context: WorkshopContext, rawCode: string): void {
  const code = rawCode.toUpperCase();
  const qr = el('div', { className: 'qr' });
  const address = el('p', { className: 'join-address' });
  const title = el('h1', {}, 'Keep Cool');
  const state = el('p', { className: 'live-state' }, 'Connecting…');
  const boards = el('div', { className: 'screen-boards' });
  const profile = el('div', { className: 'screen-profile' });
  const counts = el('p', { className: 'counts' });
  joinAddress(context.api, code, (at) => {
    qr.replaceChildren(qrCode(at));
    address.textContent = at.replace(/^https?:\/\//, '');
  });
  const render = (board: BoardSnapshot) => {
    title.textContent = board.room.name;
    counts.textContent =
      `${board.players} player${board.players === 1 ? '' : 's'} · ${board.results} call${board.results === 1 ? '' : 's'} finished` +
      (board.room.status === 'open' ? '' : board.room.status === 'draft' ? ' · not open yet' : ' · closed');
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
      el('section', { className: 'screen-main' }, title, counts, boards, profile),
    ),
  );
  const stop = watchBoard(code, render, (s) => {
    state.textContent =
      s === 'live' ? 'Live' : s === 'connecting' ? 'Connecting…' : 'Connection lost — reconnecting…';
    state.dataset.state = s;
  });
  root.addEventListener('keep-cool:leave', stop, { once: true });
}
