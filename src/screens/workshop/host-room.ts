/**
 * One room's page for the facilitator (`#/host/CODE`): how it is answered (picked or typed, set
 * when it was made), open and close it, change its calls, watch who joined (and remove anyone who
 * should not be there), open the projector, hand the room to another device, download the
 * results, send them on to an LRS. Only a device that keeps the room's secret can run it.
 */
import type { AnswerWay } from '../../engine/index.js';
import { workshopStore } from '../../device/workshop-store.js';
import { ENDPOINTS, type RoomInfo, type RoomStatus } from '../../api/api.js';
import { el } from '../kit/dom.js';
import { enterScreen } from '../kit/screen.js';
import { noticeRegion } from '../kit/status.js';
import { callsEditor } from './calls-editor.js';
import { shownTitle } from './call-picks.js';
import { send } from './api-client.js';
import type { WorkshopContext } from './context.js';
import { handoverCard } from './handover-card.js';
import { refusalWords } from './host-refusal.js';
import { joinAddress } from './join-address.js';
import { lrsCard } from './lrs-card.js';
import { watchBoard } from './live.js';
import { facilitatorHeader, tell, type BackLink } from './page-parts.js';
import { playersCard } from './player-list.js';
import { teamCard } from './team-card.js';
import { HOST_HREF, hostMapHref, projectorHref } from './routes.js';
import { mapCard } from './map-card.js';
import { t } from '../i18n/index.js';

/** What the room's state means for the facilitator. */
function stateLine(status: RoomStatus): string {
  return t(
    status === 'draft' ? 'host.room.draft' : status === 'open' ? 'host.room.open' : 'host.room.closed',
  );
}

/** The way back from a facilitator's room: the rooms this device runs. */
export const toRooms = (): BackLink => ({ href: HOST_HREF, label: t('host.back.rooms') });

/** How the room is answered, said plainly for the facilitator: "Typed answers: …". */
function answersLine(answers: AnswerWay): HTMLElement {
  return el(
    'p',
    { className: 'room-answers' },
    el('strong', {}, t(`host.answers.${answers}`)),
    t(`host.answers.${answers}.meaning`),
  );
}

export function showHostRoom(root: HTMLElement, context: WorkshopContext, code: string): void {
  const life = enterScreen(root);
  const mine = workshopStore(context.storage)
    .load()
    .value.hosted.find((h) => h.code === code);
  if (!mine) {
    root.replaceChildren(
      facilitatorHeader(t('host.room.title', { code }), toRooms()),
      el('p', { className: 'notice' }, t('host.room.notMine')),
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
  const openButton = el('button', { className: 'primary', type: 'button' }, t('host.room.openIt'));
  const closeButton = el('button', { className: 'secondary', type: 'button' }, t('host.room.closeIt'));
  const exportButton = el('button', { className: 'secondary', type: 'button' }, t('host.room.download'));
  const calls = el('ul', {});
  let current: RoomInfo | null = null;

  const render = (room: RoomInfo) => {
    current = room;
    state.textContent = stateLine(room.status);
    if (answers.dataset.answers !== room.answers) {
      answers.dataset.answers = room.answers;
      answers.replaceChildren(answersLine(room.answers));
    }
    openButton.hidden = room.status === 'open';
    openButton.textContent = t(room.status === 'closed' ? 'host.room.openAgain' : 'host.room.openIt');
    closeButton.hidden = room.status !== 'open';
    calls.replaceChildren(...room.scenarios.map((s) => el('li', {}, shownTitle(context, s.id, s.title))));
  };
  const editCalls = callsEditor(context, code, mine.secret, {
    current: () => current,
    saved: render,
    tell: say,
  });
  const players = playersCard(context, code, mine.secret, say, life);
  const lrs = lrsCard(context, code, mine.secret, say);
  const setStatus = (next: 'open' | 'closed') => {
    void send(context.api, ENDPOINTS.updateRoom, {
      params: { code },
      body: { status: next },
      token: mine.secret,
    }).then((reply) => {
      if (reply.ok) {
        render(reply.data);
        say(t(next === 'open' ? 'host.room.opened' : 'host.room.closedNow'));
      } else say(refusalWords(reply, code));
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
        say(refusalWords(reply, code));
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
    facilitatorHeader(`${mine.name} · ${code}`, toRooms()),
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
        el('a', { href: projectorHref(code), target: '_blank', rel: 'noopener' }, t('host.room.projector')),
        t('host.room.projector.after'),
        address,
        t('host.room.projector.end'),
      ),
      el('h2', {}, t('host.room.calls')),
      calls,
      editCalls,
    ),
    players.card,
    teamCard(context, code, mine.secret, say),
    handoverCard(context, code, mine.secret),
    mapCard(context, code, mine.secret, say, hostMapHref(code)),
    el(
      'section',
      { className: 'card' },
      el('h2', {}, t('host.room.results')),
      el('p', {}, t('host.room.results.about')),
      exportButton,
    ),
    lrs.card,
  );
  void send(context.api, ENDPOINTS.room, { params: { code } }).then((reply) => {
    if (reply.ok) render(reply.data);
    else say(refusalWords(reply, code));
  });
  // The player list follows the room: someone joining, a call finished.
  let seen = '';
  life.onLeave(
    watchBoard(
      { code, key: mine.secret },
      (board) => {
        render(board.room);
        const now = `${board.players}/${board.results}`;
        if (now !== seen && seen !== '') {
          players.refresh();
          lrs.refresh();
        }
        seen = now;
      },
      () => undefined,
    ),
  );
}
