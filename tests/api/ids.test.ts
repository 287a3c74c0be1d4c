/** The small shared values, written once: room codes, tokens, the endpoint table's addresses. */
import { describe, expect, it } from 'vitest';
import {
  ENDPOINTS,
  ROOM_CODE_ALPHABET,
  RoomCode,
  TypedRoomCode,
  endpointFor,
  isRoomCode,
  isToken,
  normaliseRoomCode,
  pathOf,
} from '../../src/api/api.js';

describe('room codes', () => {
  it('are six letters and digits without look-alikes', () => {
    for (const lookAlike of ['0', 'O', '1', 'I']) expect(ROOM_CODE_ALPHABET).not.toContain(lookAlike);
    expect(isRoomCode('K7PX3M')).toBe(true);
    for (const bad of ['K7PX3', 'K7PX3MM', 'K7PX3O', 'k7px3m', ' K7PX3M', 42, null]) {
      expect(isRoomCode(bad)).toBe(false);
    }
    expect(RoomCode.safeParse('K7PX3M').success).toBe(true);
    const refused = RoomCode.safeParse('abc');
    expect(refused.error?.issues[0]?.message).toBe('a room code is six letters and digits, like K7PX3M');
  });

  it('forgive spaces and small letters where a person typed them', () => {
    expect(normaliseRoomCode('  k7px3m ')).toBe('K7PX3M');
    expect(TypedRoomCode.parse(' k7px3m')).toBe('K7PX3M');
    expect(TypedRoomCode.safeParse('k7px30').success).toBe(false);
  });
});

describe('tokens', () => {
  it('are the base64url shape the server issues, and nothing else', () => {
    expect(isToken('A'.repeat(16))).toBe(true);
    expect(isToken('abc-DEF_0123456789')).toBe(true);
    for (const bad of [
      'short',
      'x'.repeat(65),
      '<script>alert(1)</script>',
      'with space 0123456789',
      undefined,
    ]) {
      expect(isToken(bad)).toBe(false);
    }
  });
});

describe('the endpoint table', () => {
  it('finds the endpoint a call goes to by its method and address', () => {
    expect(endpointFor('GET', '/rooms/K7PX3M')).toBe(ENDPOINTS.room);
    expect(endpointFor('PATCH', '/rooms/K7PX3M')).toBe(ENDPOINTS.updateRoom);
    expect(endpointFor('GET', '/rooms/K7PX3M/players')).toBe(ENDPOINTS.players);
    expect(endpointFor('POST', '/rooms/K7PX3M/players')).toBe(ENDPOINTS.join);
    expect(endpointFor('DELETE', '/rooms/K7PX3M/players/p1234567')).toBe(ENDPOINTS.removePlayer);
    expect(endpointFor('GET', '/rooms/K7PX3M/export.csv')).toBe(ENDPOINTS.exportCsv);
    expect(endpointFor('GET', '/health?x=1')).toBe(ENDPOINTS.health);
    expect(endpointFor('GET', '/rooms/K7PX3M/exportxcsv')).toBeUndefined();
    expect(endpointFor('DELETE', '/rooms/K7PX3M')).toBeUndefined();
    expect(endpointFor('GET', '/rooms')).toBeUndefined();
  });

  it('fills an address’s parameters, escaped', () => {
    expect(pathOf(ENDPOINTS.removePlayer, { code: 'K7PX3M', player: 'a b' })).toBe(
      '/rooms/K7PX3M/players/a%20b',
    );
    expect(pathOf(ENDPOINTS.health)).toBe('/health');
  });

  it('has one endpoint per method and address', () => {
    const keys = Object.values(ENDPOINTS).map((e) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
