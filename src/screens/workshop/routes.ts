/** The workshop's addresses. The pages behind them load on first visit, so practice stays light. */
export const JOIN_HREF = '#/join';
export const JOIN = /^#\/join(?:\/([A-Za-z0-9]{1,12}))?$/;
export const ROOM_HREF = '#/room';
export const ROOM_PLAY = /^#\/room\/play\/([a-z0-9-]+)$/;
export const HOST_HREF = '#/host';
export const HOST_ROOM = /^#\/host\/([A-Za-z0-9]{6})$/;
/** A facilitator's link to run a room from another device: the room's secret rides in the fragment. */
export const HOST_HANDOVER = /^#\/host\/([A-Za-z0-9]{6})\/key\/([A-Za-z0-9_-]{16,100})$/;
export const SCREEN = /^#\/screen\/([A-Za-z0-9]{6})$/;

/** Is this address one of the workshop's? */
export function isWorkshopRoute(hash: string): boolean {
  return (
    JOIN.test(hash) ||
    hash === ROOM_HREF ||
    ROOM_PLAY.test(hash) ||
    hash === HOST_HREF ||
    HOST_ROOM.test(hash) ||
    HOST_HANDOVER.test(hash) ||
    SCREEN.test(hash)
  );
}

/** Which layout the page takes: the projector's, a plain page's (no customer to draw), or the game's. */
export function layoutOf(hash: string): 'projector' | 'page' | 'game' {
  if (SCREEN.test(hash)) return 'projector';
  if (hash.startsWith(HOST_HREF) || JOIN.test(hash) || hash === ROOM_HREF) return 'page';
  return 'game';
}
