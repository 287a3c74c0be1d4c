/** The workshop's addresses: which screen each shows, and what counts as a room code in one. */
import { describe, expect, it } from 'vitest';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../../src/api/api.js';
import { isRoomCode } from '../../src/api/api.js';
import {
  handoverHref,
  hostRoomHref,
  isWorkshopRoute,
  joinHref,
  layoutOf,
  projectorHref,
  roomCallHref,
  workshopRoute,
} from '../../src/screens/workshop/routes.js';

const SECRET = 'a1B2c3D4e5F6g7H8_-x';

describe('room codes', () => {
  it('takes six characters of the alphabet, upper case, and nothing that looks alike', () => {
    expect(isRoomCode('K7PX3M')).toBe(true);
    expect(isRoomCode(ROOM_CODE_ALPHABET.slice(0, ROOM_CODE_LENGTH))).toBe(true);
    for (const wrong of ['k7px3m', 'K7PX3', 'K7PX3MM', 'K0PX3M', 'K1PX3M', 'KOPX3M', 'KIPX3M', ' K7PX3M', ''])
      expect(isRoomCode(wrong), wrong).toBe(false);
  });
});

describe('workshop routes', () => {
  it('each address names its screen, and each screen’s address leads back to it', () => {
    expect(workshopRoute('#/join')).toEqual({ screen: 'join', code: undefined });
    expect(workshopRoute(joinHref('K7PX3M'))).toEqual({ screen: 'join', code: 'K7PX3M' });
    expect(workshopRoute('#/room')).toEqual({ screen: 'lobby' });
    expect(workshopRoute(roomCallHref('dented-shelves'))).toEqual({
      screen: 'room-call',
      scenario: 'dented-shelves',
    });
    expect(workshopRoute('#/host')).toEqual({ screen: 'host' });
    expect(workshopRoute(hostRoomHref('K7PX3M'))).toEqual({ screen: 'host-room', code: 'K7PX3M' });
    expect(workshopRoute(handoverHref('K7PX3M', SECRET))).toEqual({
      screen: 'handover',
      code: 'K7PX3M',
      secret: SECRET,
    });
    expect(workshopRoute(projectorHref('K7PX3M'))).toEqual({ screen: 'projector', code: 'K7PX3M' });
  });

  it('reads a room code in any case as upper case', () => {
    expect(workshopRoute('#/host/k7px3m')).toEqual({ screen: 'host-room', code: 'K7PX3M' });
    expect(workshopRoute('#/screen/k7Px3m')).toEqual({ screen: 'projector', code: 'K7PX3M' });
    expect(workshopRoute(`#/host/k7px3m/key/${SECRET}`)).toMatchObject({ code: 'K7PX3M' });
  });

  it('keeps a join link’s code as it came, for the form to check and correct', () => {
    expect(workshopRoute('#/join/k0px')).toEqual({ screen: 'join', code: 'k0px' });
  });

  it('is not the workshop’s when the code cannot be a room’s, or the address is something else', () => {
    for (const hash of [
      '#/host/K0PX3M',
      '#/host/K7PX3',
      '#/screen/K7PX3MM',
      '#/screen/',
      `#/host/K0PX3M/key/${SECRET}`,
      '#/host/K7PX3M/key/short',
      '#/room/play/Dented',
      '#/join/K7PX3M/more',
      '#/',
      '#/play/dented-shelves',
    ]) {
      expect(workshopRoute(hash), hash).toBeNull();
      expect(isWorkshopRoute(hash), hash).toBe(false);
    }
  });

  it('gives the projector its own layout, the workshop’s other pages the plain one, and the rest the game’s', () => {
    expect(layoutOf(projectorHref('K7PX3M'))).toBe('projector');
    for (const hash of ['#/host', hostRoomHref('K7PX3M'), handoverHref('K7PX3M', SECRET), '#/join', '#/room'])
      expect(layoutOf(hash), hash).toBe('page');
    for (const hash of ['#/', roomCallHref('dented-shelves'), '#/play/dented-shelves', '#/screen/K0PX3M'])
      expect(layoutOf(hash), hash).toBe('game');
  });
});
