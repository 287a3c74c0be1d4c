/** The device's stores with a scenario called `constructor`: ids are data there too. */
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { startCall } from '../../src/engine/index.js';
import { bestScore, emptyProgress, progressStore, withAttempt } from '../../src/device/progress.js';
import { paletteFor } from '../../src/stage/portrait.js';
import { cuesForRecord } from '../../src/sound/cues.js';
import type { KeyValueStorage } from '../../src/device/store.js';
import { WORKSHOP_KEY, emptyWorkshop, runFor, workshopStore } from '../../src/device/workshop-store.js';
import { loadFile } from '../support/scenarios.js';

const ids = loadFile('tests/fixtures/scenarios/prototype-ids.yaml');
const endingIds = loadFile('tests/fixtures/scenarios/constructor-ending.yaml');

function memory(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('device stores and a scenario called constructor', () => {
  it('keeps its attempts and its best score, and knows when it has none', () => {
    const storage = memory();
    const store = progressStore(storage);
    expect(bestScore(emptyProgress(), 'constructor')).toBeNull();
    const clock = new SimulatedClock();
    const call = startCall(ids, { clock, mode: 'assessment' });
    clock.increment(4735);
    call.choose('constructor');
    clock.increment(3300);
    call.choose('constructor');
    expect(call.ended).toBe(true);
    store.save(withAttempt(emptyProgress(), call.transcript(), call.result(), new Date(0)));
    const loaded = progressStore(storage).load();
    expect(loaded.notice).toBeUndefined();
    expect(bestScore(loaded.value, 'constructor')).toBe(call.result().total);
    call.stop();
  });

  it('finds the run kept for it, and no run where there is none', () => {
    const storage = memory();
    const store = workshopStore(storage);
    expect(runFor(emptyWorkshop(), 'constructor')).toBeUndefined();
    const run = { run: 'run-token-0123456789', room: 'K7PX3M', issuedAt: 1 };
    store.save({ ...emptyWorkshop(), runs: { constructor: run } });
    expect(runFor(store.load().value, 'constructor')).toEqual(run);
    expect(runFor(store.load().value, 'to-string')).toBeUndefined();
  });

  it('reads stored data with a __proto__ key without taking it as a prototype', () => {
    const storage = memory();
    const run = { run: 'run-token-0123456789', room: 'K7PX3M', issuedAt: 1 };
    storage.setItem(
      WORKSHOP_KEY,
      `{"version":1,"membership":null,"hosted":[],"runs":{"__proto__":${JSON.stringify(run)}},"outbox":[],"sent":[]}`,
    );
    const { value } = workshopStore(storage).load();
    expect(runFor(value, '__proto__')).toBeUndefined();
    expect(runFor(value, 'room')).toBeUndefined();
    expect(({} as { room?: unknown }).room).toBeUndefined();
  });

  it('draws and sounds a customer and an ending with prototype names', () => {
    expect(paletteFor('constructor')).toEqual(paletteFor('no-such-look'));
    expect(typeof paletteFor('constructor').skin).toBe('string');
    const clock = new SimulatedClock();
    const call = startCall(endingIds, { clock });
    clock.increment(3160);
    call.choose('threaten');
    const last = call.records.at(-1);
    if (!last) throw new Error('one answer was given');
    expect(last.after.ending).toBe('constructor');
    expect(cuesForRecord(endingIds, last).length).toBeGreaterThan(0);
    call.stop();
  });
});
