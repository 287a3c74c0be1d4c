/**
 * Follows a room's board over Server-Sent Events. The browser reconnects by itself after a drop and
 * the server sends the whole board on every connect, so a client that was away is caught up at once.
 */
import type { BoardSnapshot } from '../../api/api.js';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

export function watchBoard(
  code: string,
  onBoard: (board: BoardSnapshot) => void,
  onState: (state: LiveState) => void,
): () => void {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let revision = -1;
  const open = () => {
    onState('connecting');
    source = new EventSource(`/api/rooms/${encodeURIComponent(code)}/events`);
    source.addEventListener('open', () => {
      // A new connection (perhaps to a restarted server, counting from zero again): its first
      // board is always taken.
      revision = -1;
      onState('live');
    });
    source.addEventListener('board', (event) => {
      const board = JSON.parse((event as MessageEvent<string>).data) as BoardSnapshot;
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
