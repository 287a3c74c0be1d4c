/**
 * The workshop's addresses, and which screen each one shows. The screens behind them load on first
 * visit, so practice stays light.
 */
import { isRoomCode, isToken, normaliseRoomCode } from '../../api/api.js';

export const JOIN_HREF = '#/join';
export const ROOM_HREF = '#/room';
export const HOST_HREF = '#/host';

/** The join form, with the room's code filled in (the projector's QR code leads here). */
export const joinHref = (code: string): string => `${JOIN_HREF}/${code}`;
/** One of the room's calls, played for the room. */
export const roomCallHref = (scenario: string): string => `${ROOM_HREF}/play/${scenario}`;
/** A room's controls, on a device that runs it. */
export const hostRoomHref = (code: string): string => `${HOST_HREF}/${code}`;
/** A facilitator's link to run a room from another device: the room's secret rides in the fragment. */
export const handoverHref = (code: string, secret: string): string => `${hostRoomHref(code)}/key/${secret}`;
/** The facilitator's control of the room's decision map. */
export const hostMapHref = (code: string): string => `${hostRoomHref(code)}/map`;
/** The room's decision map on an attendee's phone, their own answers marked. */
export const ROOM_MAP_HREF = `${ROOM_HREF}/map`;
/** The projector's screen for a room. */
export const projectorHref = (code: string): string => `#/screen/${code}`;

export type WorkshopRoute =
  | { screen: 'join'; code: string | undefined }
  | { screen: 'lobby' }
  | { screen: 'room-call'; scenario: string }
  | { screen: 'host' }
  | { screen: 'host-room'; code: string }
  | { screen: 'handover'; code: string; secret: string }
  | { screen: 'projector'; code: string }
  | { screen: 'host-map'; code: string }
  | { screen: 'room-map' };

// A link's code for the join form is only a suggestion: the form checks it, so a link with a
// mistyped code still opens the form, with the code there to correct.
const JOIN = /^#\/join(?:\/([A-Za-z0-9]{1,12}))?$/;
const ROOM_CALL = /^#\/room\/play\/([a-z0-9-]+)$/;
const HOST_ROOM = /^#\/host\/([A-Za-z0-9]+)$/;
const HANDOVER = /^#\/host\/([A-Za-z0-9]+)\/key\/([^/]+)$/;
const PROJECTOR = /^#\/screen\/([A-Za-z0-9]+)$/;
const HOST_MAP = /^#\/host\/([A-Za-z0-9]+)\/map$/;

/** The room code in an address (typed in any case), upper case; null if it cannot be a room's. */
function roomCode(segment: string | undefined): string | null {
  const code = segment === undefined ? undefined : normaliseRoomCode(segment);
  return code !== undefined && isRoomCode(code) ? code : null;
}

/** The workshop screen an address shows, or null if it is not one of the workshop's. */
export function workshopRoute(hash: string): WorkshopRoute | null {
  if (hash === ROOM_HREF) return { screen: 'lobby' };
  if (hash === HOST_HREF) return { screen: 'host' };
  if (hash === ROOM_MAP_HREF) return { screen: 'room-map' };
  const mapCode = roomCode(HOST_MAP.exec(hash)?.[1]);
  if (mapCode) return { screen: 'host-map', code: mapCode };
  const join = JOIN.exec(hash);
  if (join) return { screen: 'join', code: join[1] };
  const scenario = ROOM_CALL.exec(hash)?.[1];
  if (scenario) return { screen: 'room-call', scenario };
  const handover = HANDOVER.exec(hash);
  const handoverCode = roomCode(handover?.[1]);
  if (handoverCode && isToken(handover?.[2]))
    return { screen: 'handover', code: handoverCode, secret: handover[2] };
  const hostCode = roomCode(HOST_ROOM.exec(hash)?.[1]);
  if (hostCode) return { screen: 'host-room', code: hostCode };
  const projectorCode = roomCode(PROJECTOR.exec(hash)?.[1]);
  if (projectorCode) return { screen: 'projector', code: projectorCode };
  return null;
}

/** Is this address one of the workshop's? */
export function isWorkshopRoute(hash: string): boolean {
  return workshopRoute(hash) !== null;
}

/** Which layout the page takes: the projector's, a plain page's (no customer to draw), or the game's. */
export function layoutOf(hash: string): 'projector' | 'page' | 'game' {
  const screen = workshopRoute(hash)?.screen;
  if (screen === 'projector') return 'projector';
  if (hash.startsWith(HOST_HREF) || screen === 'join' || screen === 'lobby' || screen === 'room-map')
    return 'page';
  return 'game';
}
