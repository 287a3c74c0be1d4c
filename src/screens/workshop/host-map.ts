/**
 * The facilitator's control of the decision map (`#/host/CODE/map`): one moment at a time, stepped
 * with the arrow keys, the space bar or the buttons, each step announced. Every step is the room's
 * state on the server, so the projector (another tab, or another device at the back of the room)
 * follows it over its live board; whether the map is on the projector and whether nicknames are on
 * it are set here too.
 */
import { workshopStore } from '../../device/workshop-store.js';
import { ENDPOINTS, type RoomInfo } from '../../api/api.js';
import type { MapView, RoomMap } from '../../api/map-replies.js';
import { el } from '../kit/dom.js';
import { enterScreen } from '../kit/screen.js';
import { noticeRegion, statusRegion } from '../kit/status.js';
import { send } from './api-client.js';
import { shownTitle } from './call-picks.js';
import type { WorkshopContext } from './context.js';
import { refusalWords } from './host-refusal.js';
import { watchBoard } from './live.js';
import { announce, mapSteps, momentView, type MapStep } from './map-view.js';
import { facilitatorHeader, tell } from './page-parts.js';
import { hostRoomHref, projectorHref } from './routes.js';
import { t } from '../i18n/index.js';

/** Keys that step forward and back (the space bar steps forward, as a presenter's clicker does). */
const FORWARD = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const BACK = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

export function showHostMap(root: HTMLElement, context: WorkshopContext, code: string): void {
  const life = enterScreen(root);
  const back = { href: hostRoomHref(code), label: t('player.map.back') };
  const mine = workshopStore(context.storage)
    .load()
    .value.hosted.find((h) => h.code === code);
  if (!mine) {
    root.replaceChildren(
      facilitatorHeader(t('host.map.title'), back),
      el('p', { className: 'notice' }, t('host.room.notMine')),
    );
    return;
  }
  const secret = mine.secret;
  const notice = noticeRegion();
  // Read out on every step: where the room is now, and how it did there.
  const spoken = statusRegion('map-announce sr-only');
  spoken.setAttribute('aria-live', 'polite');
  const stage = el('div', { className: 'map-stage' }, el('p', { className: 'muted' }, t('host.map.loading')));
  const prev = el('button', { className: 'secondary', type: 'button' }, t('host.map.prev'));
  const next = el('button', { className: 'primary', type: 'button' }, t('host.map.next'));
  const onProjector = el('button', { className: 'secondary', type: 'button' }, t('host.map.show'));
  const names = el('input', { type: 'checkbox', id: 'map-names' });
  const projectorState = el('p', { className: 'muted' });

  let map: RoomMap | null = null;
  let steps: MapStep[] = [];
  let index = 0;
  let view: MapView = { shown: false, moment: null, names: false };

  const title = (id: string, fallback: string) => shownTitle(context, id, fallback);
  const draw = (speak: boolean) => {
    const step = steps[index];
    prev.disabled = index <= 0;
    next.disabled = index >= steps.length - 1;
    onProjector.textContent = t(view.shown ? 'host.map.hide' : 'host.map.show');
    onProjector.setAttribute('aria-pressed', String(view.shown));
    projectorState.textContent = t(view.shown ? 'host.map.shown' : 'host.map.hidden');
    names.checked = view.names;
    if (!map || !step) {
      stage.replaceChildren(el('p', { className: 'muted' }, t(map ? 'host.map.empty' : 'host.map.loading')));
      return;
    }
    stage.replaceChildren(momentView(step, map, { heading: 'h2' }));
    if (speak) spoken.textContent = announce(step);
  };
  const push = () => {
    void send(context.api, ENDPOINTS.setMapView, { params: { code }, body: view, token: secret }).then(
      (reply) => {
        if (!reply.ok) tell(notice, refusalWords(reply, code));
      },
    );
  };
  const goTo = (to: number) => {
    if (to < 0 || to >= steps.length || to === index) return;
    index = to;
    view = { ...view, moment: steps[index]?.moment.key ?? null };
    draw(true);
    push();
  };
  const placeAt = (moment: string | null) => {
    const found = steps.findIndex((s) => s.moment.key === moment);
    index = found >= 0 ? found : Math.min(index, Math.max(0, steps.length - 1));
  };
  const load = () =>
    send(context.api, ENDPOINTS.decisionMap, { params: { code }, token: secret }).then((reply) => {
      if (life.ended) return;
      if (!reply.ok) {
        tell(notice, refusalWords(reply, code));
        return;
      }
      map = reply.data;
      steps = mapSteps(map, title);
      placeAt(view.moment ?? steps[index]?.moment.key ?? null);
      draw(false);
    });
  const fromRoom = (room: RoomInfo) => {
    if (!room.map) return;
    const changed = JSON.stringify(room.map) !== JSON.stringify(view);
    view = room.map;
    if (changed && map) {
      placeAt(view.moment);
      draw(false);
    }
  };

  prev.addEventListener('click', () => {
    goTo(index - 1);
  });
  next.addEventListener('click', () => {
    goTo(index + 1);
  });
  onProjector.addEventListener('click', () => {
    view = { ...view, shown: !view.shown, moment: steps[index]?.moment.key ?? view.moment };
    draw(false);
    push();
  });
  names.addEventListener('change', () => {
    view = { ...view, names: names.checked };
    draw(false);
    push();
  });
  document.addEventListener(
    'keydown',
    (event) => {
      const target = event.target as HTMLElement | null;
      // The space bar on a focused button or box is that control's; typing in a field is the field's.
      if (event.key === ' ' && target?.closest('button, input, a, select, textarea')) return;
      if (target?.closest('input[type="text"], textarea')) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (FORWARD.has(event.key)) {
        event.preventDefault();
        goTo(index + 1);
      } else if (BACK.has(event.key)) {
        event.preventDefault();
        goTo(index - 1);
      }
    },
    { signal: life.signal },
  );

  root.replaceChildren(
    facilitatorHeader(`${t('host.map.title')} · ${code}`, back),
    notice,
    el(
      'section',
      { className: 'card map-controls' },
      el(
        'div',
        { className: 'actions' },
        prev,
        next,
        onProjector,
        el('a', { href: projectorHref(code), target: '_blank', rel: 'noopener' }, t('host.room.projector')),
      ),
      projectorState,
      el(
        'p',
        { className: 'map-names-choice' },
        names,
        ' ',
        el('label', { htmlFor: 'map-names' }, t('host.map.names')),
      ),
      el('p', { className: 'muted' }, t('host.map.names.about'), ' ', t('host.map.keys')),
      spoken,
    ),
    stage,
  );
  draw(false);
  void send(context.api, ENDPOINTS.room, { params: { code } }).then((reply) => {
    if (reply.ok) fromRoom(reply.data);
    void load();
  });
  // New results change the map; a co-facilitator's step moves this page too.
  let counted = '';
  life.onLeave(
    watchBoard(
      code,
      (board) => {
        fromRoom(board.room);
        const now = `${board.players}/${board.results}/${board.room.scenarios.map((s) => s.id).join()}`;
        if (now !== counted && counted !== '') void load();
        counted = now;
      },
      () => undefined,
    ),
  );
}
