/**
 * Opened from a facilitator's link on another device (`#/host/CODE/key/SECRET`): the secret is
 * taken out of the address bar before anything else, checked with the server, and kept on this
 * device like a room it created; then the room's page shows.
 */
import { ENDPOINTS } from '../../api/api.js';
import { send } from './api-client.js';
import { el } from '../kit/dom.js';
import { enterScreen } from '../kit/screen.js';
import type { WorkshopContext } from './context.js';
import { refusalWords } from './host-refusal.js';
import { showHostRoom, toRooms } from './host-room.js';
import { keepHosted } from './hosted.js';
import { facilitatorHeader } from './page-parts.js';
import { hostRoomHref } from './routes.js';
import { t } from '../i18n/index.js';

export function takeOverRoom(
  root: HTMLElement,
  context: WorkshopContext,
  code: string,
  secret: string,
): void {
  window.history.replaceState(
    null,
    '',
    `${window.location.pathname}${window.location.search}${hostRoomHref(code)}`,
  );
  const life = enterScreen(root);
  const header = () => facilitatorHeader(t('host.room.title', { code }), toRooms());
  root.replaceChildren(header(), el('p', {}, t('host.takeOver.checking')));
  void (async () => {
    const [room, check] = await Promise.all([
      send(context.api, ENDPOINTS.room, { params: { code } }),
      send(context.api, ENDPOINTS.players, { params: { code }, token: secret }),
    ]);
    if (!room.ok || !check.ok) {
      if (life.ended) return;
      const why = !room.ok ? refusalWords(room, code) : !check.ok ? refusalWords(check, code) : '';
      root.replaceChildren(header(), el('p', { className: 'notice' }, t('host.takeOver.broken', { why })));
      return;
    }
    keepHosted(context, room.data, secret);
    // Gone to another page meanwhile: the room is kept, and that page stays.
    if (!life.ended) showHostRoom(root, context, code);
  })();
}
