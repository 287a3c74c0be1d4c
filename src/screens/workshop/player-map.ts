/**
 * The room's decision map on an attendee's phone (`#/room/map`): every moment the room reached,
 * with this player's own answers marked (the server marks only theirs) and the moment the projector
 * shows now pointed out. It is asked for again only when the room's results change, not at every
 * step the facilitator takes.
 */
import { workshopStore } from '../../device/workshop-store.js';
import { ENDPOINTS } from '../../api/api.js';
import type { RoomMap } from '../../api/map-replies.js';
import { el } from '../kit/dom.js';
import { enterScreen } from '../kit/screen.js';
import { noticeRegion } from '../kit/status.js';
import { send } from './api-client.js';
import type { WorkshopContext } from './context.js';
import { showJoin } from './join-page.js';
import { watchBoard } from './live.js';
import { mapSteps, momentView } from './map-view.js';
import { attendeeHeader, tell } from './page-parts.js';
import { refusalText } from './refusals.js';
import { ROOM_HREF } from './routes.js';
import { titleById } from '../scenario-language.js';
import { t } from '../i18n/index.js';

export function showPlayerMap(root: HTMLElement, context: WorkshopContext): void {
  const membership = workshopStore(context.storage).load().value.membership;
  if (!membership) {
    showJoin(root, context);
    return;
  }
  const life = enterScreen(root);
  const notice = noticeRegion();
  const list = el('div', { className: 'map-list' }, el('p', { className: 'muted' }, t('host.map.loading')));
  let map: RoomMap | null = null;
  let onScreen: string | null = null;

  const draw = () => {
    if (!map) return;
    const steps = mapSteps(map, (id, fallback) => titleById(context.scenarios, id, fallback));
    if (steps.length === 0) {
      list.replaceChildren(el('p', { className: 'muted' }, t('host.map.empty')));
      return;
    }
    list.replaceChildren(
      ...steps.map((step) => {
        const view = momentView(step, map as RoomMap, { heading: 'h3' });
        if (step.moment.key === onScreen) {
          view.classList.add('on-screen');
          view.prepend(el('p', { className: 'map-now' }, t('player.map.now')));
        }
        return view;
      }),
    );
  };
  const load = () =>
    send(context.api, ENDPOINTS.decisionMap, {
      params: { code: membership.room },
      token: membership.token,
    }).then((reply) => {
      if (life.ended) return;
      if (!reply.ok) {
        tell(notice, refusalText(reply));
        return;
      }
      map = reply.data;
      draw();
    });

  root.replaceChildren(
    attendeeHeader(t('player.map.title')),
    el('p', {}, el('a', { href: ROOM_HREF }, t('player.map.back'))),
    el('p', { className: 'muted' }, t('player.map.about')),
    notice,
    list,
  );
  void load();
  let counted = '';
  life.onLeave(
    watchBoard(
      membership.room,
      (board) => {
        const now = board.room.map?.shown ? board.room.map.moment : null;
        if (now !== onScreen) {
          onScreen = now;
          draw();
        }
        const results = `${board.players}/${board.results}`;
        if (results !== counted && counted !== '') void load();
        counted = results;
      },
      () => undefined,
    ),
  );
}
