/**
 * The players in a room, on the facilitator's page: each with their finished calls and a button to
 * remove them. The list follows the room, but is fetched at most every few seconds: a busy room
 * changes the board ten times a second, and the facilitator's own requests must never run into the
 * rate limit because of it.
 */
import { ENDPOINTS } from '../../api/api.js';
import { send } from './api-client.js';
import { el } from '../kit/dom.js';
import type { ScreenLife } from '../kit/screen.js';
import type { WorkshopContext } from './context.js';
import { refusalWords } from './host-refusal.js';
import { t, tn } from '../i18n/index.js';

/** The facilitator's player list is fetched at most this often while the room is busy. */
const PLAYER_LIST_EVERY_MS = 3000;

interface Player {
  id: string;
  nickname: string;
  results: number;
}

export interface PlayersCard {
  card: HTMLElement;
  /** Asks for the list again: at once if it was fetched long enough ago, else as soon as it may be. */
  refresh(): void;
}

/** The card, fetching the list at once; `tell` says what went wrong or who was removed. */
export function playersCard(
  context: WorkshopContext,
  code: string,
  secret: string,
  tell: (message: string) => void,
  life: ScreenLife,
): PlayersCard {
  const heading = el('h2', {}, t('host.players.title'));
  const list = el('ul', { className: 'players' });

  const row = (p: Player) => {
    const remove = el('button', { className: 'secondary small', type: 'button' }, t('host.players.remove'));
    remove.setAttribute('aria-label', t('host.players.remove.label', { name: p.nickname }));
    remove.addEventListener('click', () => {
      if (!window.confirm(t('host.players.remove.confirm', { name: p.nickname }))) return;
      void send(context.api, ENDPOINTS.removePlayer, { params: { code, player: p.id }, token: secret }).then(
        (r) => {
          tell(r.ok ? t('host.players.removed', { name: p.nickname }) : refusalWords(r, code));
          void load();
        },
      );
    });
    return el(
      'li',
      {},
      el('span', { className: 'name' }, p.nickname),
      ` · ${tn('host.players.calls', p.results)} `,
      remove,
    );
  };
  const load = async () => {
    const reply = await send(context.api, ENDPOINTS.players, {
      params: { code },
      token: secret,
    });
    if (!reply.ok) {
      tell(refusalWords(reply, code));
      return;
    }
    heading.textContent = t('host.players.count', { count: reply.data.players.length });
    list.replaceChildren(...reply.data.players.map(row));
    if (reply.data.players.length === 0)
      list.append(el('li', { className: 'muted' }, t('host.players.none')));
  };

  let loadedAt = Date.now();
  let pending: ReturnType<typeof setTimeout> | null = null;
  life.onLeave(() => {
    if (pending) clearTimeout(pending);
  });
  void load();
  return {
    card: el('section', { className: 'card' }, heading, list),
    refresh() {
      if (pending) return;
      pending = setTimeout(
        () => {
          pending = null;
          loadedAt = Date.now();
          void load();
        },
        Math.max(0, loadedAt + PLAYER_LIST_EVERY_MS - Date.now()),
      );
    },
  };
}
