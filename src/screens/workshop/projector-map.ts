/**
 * The decision map on the projector: shown while the facilitator has put it up, at the moment they
 * stepped to. Both come with the room on the live board, so the projector follows a facilitator on
 * another device; the map itself is asked for again when the board changes (the server answers
 * from its cache unless results changed).
 */
import { ENDPOINTS, type BoardSnapshot } from '../../api/api.js';
import type { RoomMap } from '../../api/map-replies.js';
import { el } from '../kit/dom.js';
import { statusRegion } from '../kit/status.js';
import { send } from './api-client.js';
import { shownTitle } from './call-picks.js';
import type { WorkshopContext } from './context.js';
import { announce, mapSteps, momentView } from './map-view.js';
import { t } from '../i18n/index.js';

export interface ProjectorMap {
  element: HTMLElement;
  /** Follows the room's board; true while the map is up. */
  follow(board: BoardSnapshot): boolean;
  /** Fits the moment shown to the screen again (after the screen changed size). */
  refit(): void;
}

export function projectorMap(context: WorkshopContext, code: string): ProjectorMap {
  const stage = el('div', { className: 'map-stage' });
  const spoken = statusRegion('map-announce sr-only');
  // Its heading (the page's h1 while the map is up) is in the page only while the map is shown.
  const parts = [el('h1', { className: 'map-title' }, t('host.map.title')), stage, spoken];
  const element = el('section', { className: 'screen-map' });
  element.hidden = true;
  let map: RoomMap | null = null;
  let asked = -1;
  let moment: string | null = null;
  let drawn = '';
  const draw = () => {
    if (!map) return;
    const steps = mapSteps(map, (id, fallback) => shownTitle(context, id, fallback));
    const step = steps.find((s) => s.moment.key === moment) ?? steps[0];
    if (!step) {
      stage.replaceChildren(el('p', { className: 'muted' }, t('host.map.empty')));
      return;
    }
    const key = `${map.revision}|${map.names}|${step.moment.key}`;
    if (key === drawn) return;
    drawn = key;
    stage.replaceChildren(momentView(step, map, { heading: 'h3' }));
    spoken.textContent = announce(step);
    element.dataset.moment = step.moment.key;
    // Measured once the screen has the map's layout (the projector sets it after `follow`).
    requestAnimationFrame(() => {
      fitToScreen(stage);
    });
  };
  return {
    element,
    follow(board) {
      const view = board.room.map;
      const shown = view?.shown === true;
      element.hidden = !shown;
      if (!shown) {
        element.replaceChildren();
        return false;
      }
      if (element.childElementCount === 0) element.append(...parts);
      moment = view.moment;
      draw();
      if (asked !== board.revision) {
        asked = board.revision;
        const revision = board.revision;
        void send(context.api, ENDPOINTS.decisionMap, { params: { code } }).then((reply) => {
          if (!reply.ok || asked !== revision) return;
          map = reply.data;
          draw();
        });
      }
      return true;
    },
    refit() {
      if (!element.hidden) fitToScreen(stage);
    },
  };
}

/** Below this share of its size the map would be hard to read from the back of a room. */
const SMALLEST_PERCENT = 70;

/**
 * A moment with a long line and many answers can stand taller than a projector's screen, which is
 * never scrolled: its text is made smaller, a step at a time, until it fits or reaches the smallest
 * size still legible. Only on a wide screen, where the projector is one screen; a phone scrolls.
 */
function fitToScreen(stage: HTMLElement): void {
  stage.style.fontSize = '';
  if (!window.matchMedia('(min-width: 1100px)').matches) return;
  const page = document.documentElement;
  const over = () => page.scrollHeight > window.innerHeight + 1;
  for (let percent = 95; over() && percent >= SMALLEST_PERCENT; percent -= 5) {
    stage.style.fontSize = `${percent}%`;
  }
}
