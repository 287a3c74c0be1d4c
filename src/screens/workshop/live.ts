/**
 * Follows a room's board over Server-Sent Events. The browser reconnects by itself after a drop and
 * the server sends the whole board on every connect, so a client that was away is caught up at once.
 * Each board is read by the endpoint table's schema: one that does not fit is reported, not drawn.
 */
import { API_ROOT, ENDPOINTS, PlaceReport, pathOf, type BoardSnapshot } from '../../api/api.js';
import { t } from '../i18n/index.js';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** A board from the stream, read by its schema; a reason when it cannot be read. */
export function readBoard(data: string): { ok: true; board: BoardSnapshot } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, reason: t('player.live.notJson') };
  }
  const parsed = ENDPOINTS.events.event.safeParse(json);
  if (parsed.success) return { ok: true, board: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.map(String).join('.') || t('player.live.theBoard');
  const what = issue?.message ?? t('player.api.unexpected');
  return { ok: false, reason: t('player.live.unreadable', { where, issue: what }) };
}

/**
 * The room to follow, and who follows it: a player's token or the room's secret. With a key, the
 * server counts the stream on it rather than on the address the whole hall shares, so anonymous
 * streams from the same address can never crowd it out.
 */
export interface WatchedRoom {
  code: string;
  key?: string | undefined;
}

/** The stream's address: the key goes in the query string, as an EventSource sends no headers. */
export function eventsAddress({ code, key }: WatchedRoom): string {
  const path = `${API_ROOT}${pathOf(ENDPOINTS.events, { code })}`;
  return key ? `${path}?key=${encodeURIComponent(key)}` : path;
}

/**
 * Calls `onBoard` with each new board of the room and `onState` as the connection comes and goes;
 * `onUnreadable` hears of a board that could not be read (the last good one stays shown). When the
 * key is a player's token, the server sends that player's own places after each board, and
 * `onPlace` hears them (the boards stop at a cap; a player's own place is sent whatever it is).
 */
export function watchBoard(
  room: string | WatchedRoom,
  onBoard: (board: BoardSnapshot) => void,
  onState: (state: LiveState) => void,
  onUnreadable: (reason: string) => void = (reason) => {
    console.error(reason);
  },
  onPlace?: (place: PlaceReport) => void,
): () => void {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let revision = -1;
  const open = () => {
    onState('connecting');
    source = new EventSource(eventsAddress(typeof room === 'string' ? { code: room } : room));
    source.addEventListener('place', (event) => {
      let json: unknown = null;
      try {
        json = JSON.parse((event as MessageEvent<string>).data);
      } catch {
        // Unreadable: the board is still right; the next place will do.
      }
      const place = PlaceReport.safeParse(json);
      if (place.success) onPlace?.(place.data);
    });
    source.addEventListener('open', () => {
      // A new connection (perhaps to a restarted server, counting from zero again): its first
      // board is always taken.
      revision = -1;
      onState('live');
    });
    source.addEventListener('board', (event) => {
      const read = readBoard((event as MessageEvent<string>).data);
      if (!read.ok) {
        onUnreadable(read.reason);
        return;
      }
      const board = read.board;
      // Within one connection, a board already shown is not drawn again.
      if (board.revision !== revision) {
        revision = board.revision;
        onBoard(board);
      }
    });
    source.addEventListener('error', () => {
      onState('reconnecting');
      // The browser gives up on a refused stream (the server was down); try again ourselves.
      if (source?.readyState === EventSource.CLOSED && !stopped) {
        retry = setTimeout(open, 3000);
      }
    });
  };
  open();
  return () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    source?.close();
  };
}
