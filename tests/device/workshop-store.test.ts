/** The workshop details a device keeps: what older pages saved still reads, nothing is set aside. */
import { describe, expect, it } from 'vitest';
import { WORKSHOP_KEY, workshopStore } from '../../src/device/workshop-store.js';
import type { KeyValueStorage } from '../../src/device/store.js';

function memory(entries: Record<string, string> = {}): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/** A membership as a page from before rooms said how they are answered saved it. */
const OLD_MEMBERSHIP = {
  room: 'K7PX3M',
  roomName: 'Tuesday',
  player: 'player-id-1',
  nickname: 'Ana',
  token: 'player-token-1234',
  calls: [{ id: 'dented-shelves', title: 'The dented shelves', version: 2 }],
};

const saved = (membership: object) =>
  JSON.stringify({ version: 1, membership, hosted: [], runs: {}, outbox: [], sent: [] });

describe('the room a device has joined', () => {
  it('reads a membership saved before rooms said how they are answered as a picked room', () => {
    const storage = memory({ [WORKSHOP_KEY]: saved(OLD_MEMBERSHIP) });
    const loaded = workshopStore(storage).load();
    expect(loaded.notice).toBeUndefined();
    expect(loaded.value.membership).toEqual({ ...OLD_MEMBERSHIP, answers: 'pick' });
    expect(storage.map.has(`${WORKSHOP_KEY}:damaged`)).toBe(false);
  });

  it('keeps a typed room typed, and refuses a way of answering it does not know', () => {
    const typed = workshopStore(memory({ [WORKSHOP_KEY]: saved({ ...OLD_MEMBERSHIP, answers: 'type' }) }));
    expect(typed.load().value.membership?.answers).toBe('type');
    const odd = workshopStore(memory({ [WORKSHOP_KEY]: saved({ ...OLD_MEMBERSHIP, answers: 'speak' }) }));
    expect(odd.load().notice).toMatchObject({ kind: 'damaged', what: 'workshop' });
  });
});
