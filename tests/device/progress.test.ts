/** Progress and settings on the device: kept, versioned, and never a crash when damaged. */
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { SCORING_VERSION, startCall } from '../../src/engine/index.js';
import {
  MAX_ATTEMPTS,
  PROGRESS_KEY,
  bestScore,
  emptyProgress,
  progressStore,
  withAttempt,
} from '../../src/device/progress.js';
import { SETTINGS_KEY, defaultSettings, settingsStore } from '../../src/device/settings.js';
import type { KeyValueStorage } from '../../src/device/store.js';
import { PARCEL, loadFile } from '../support/scenarios.js';

const parcel = loadFile(PARCEL);

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      data.set(k, v);
    },
    removeItem: (k) => {
      data.delete(k);
    },
  };
}

function finishedCall(first: string, second: string) {
  const clock = new SimulatedClock();
  const call = startCall(parcel, { clock });
  clock.increment(4000);
  call.choose(first);
  clock.increment(4000);
  call.choose(second);
  return call;
}

describe('progress', () => {
  it('starts empty and keeps attempts and best scores across loads', () => {
    const storage = memoryStorage();
    const store = progressStore(storage);
    expect(store.load()).toEqual({ value: emptyProgress() });

    const good = finishedCall('reflect', 'options');
    const poor = finishedCall('reflect', 'policy');
    let progress = withAttempt(
      emptyProgress(),
      good.transcript(),
      good.result(),
      new Date('2026-11-22T10:00:00Z'),
    );
    progress = withAttempt(progress, poor.transcript(), poor.result(), new Date('2026-11-22T10:05:00Z'));
    expect(store.save(progress)).toBe(true);

    const again = progressStore(storage).load();
    expect(again.notice).toBeUndefined();
    expect(again.value.attempts.map((a) => a.total)).toEqual([1000, poor.result().total]);
    expect(bestScore(again.value, 'late-parcel')).toBe(1000);
    expect(bestScore(again.value, 'another')).toBeNull();
  });

  it('keeps totals from earlier scoring rules as they were, and does not rank them as bests', () => {
    const storage = memoryStorage();
    const poor = finishedCall('reflect', 'policy');
    const attempt = withAttempt(emptyProgress(), poor.transcript(), poor.result(), new Date()).attempts[0];
    expect(attempt?.scoring).toBe(SCORING_VERSION);
    // An attempt saved by a build before scoring versions were recorded: no field, a higher total.
    const old: Record<string, unknown> = { ...attempt, total: 990, grade: 'A' };
    delete old.scoring;
    storage.setItem(PROGRESS_KEY, JSON.stringify({ ...emptyProgress(), attempts: [old, attempt] }));
    const loaded = progressStore(storage).load();
    expect(loaded.notice).toBeUndefined();
    expect(loaded.value.attempts.map((a) => [a.total, a.scoring])).toEqual([
      [990, 1],
      [poor.result().total, SCORING_VERSION],
    ]);
    expect(bestScore(loaded.value, 'late-parcel')).toBe(poor.result().total);
  });

  it('keeps a call in progress so a reload can resume it', () => {
    const storage = memoryStorage();
    const clock = new SimulatedClock();
    const call = startCall(parcel, { clock });
    clock.increment(4000);
    call.choose('reflect');
    progressStore(storage).save({ ...emptyProgress(), inProgress: call.persist() });

    const saved = progressStore(storage).load().value.inProgress;
    if (!saved) throw new Error('nothing saved');
    const resumed = startCall(parcel, { restore: saved, clock: new SimulatedClock() });
    expect(resumed.state).toEqual(call.state);
    resumed.stop();
  });

  it('keeps only the newest attempts', () => {
    const call = finishedCall('reflect', 'options');
    let progress = emptyProgress();
    for (let i = 0; i < MAX_ATTEMPTS + 5; i++)
      progress = withAttempt(progress, call.transcript(), call.result(), new Date(i));
    expect(progress.attempts).toHaveLength(MAX_ATTEMPTS);
    expect(progress.attempts[0]?.finishedAt).toBe(new Date(5).toISOString());
  });

  it.each([
    ['not JSON', '{"version": 1, "attempts": ['],
    ['a newer version', '{"version": 2, "attempts": [], "inProgress": null}'],
    ['a wrong shape', '{"version": 1, "attempts": [{"total": "lots"}], "inProgress": null}'],
    ['a hostile key', '{"version": 1, "attempts": [], "inProgress": null, "__proto__": {"x": 1}}'],
  ])('resets %s with a notice, keeping a copy of what was there', (_, raw) => {
    const storage = memoryStorage();
    storage.setItem(PROGRESS_KEY, raw);
    const loaded = progressStore(storage).load();
    expect(loaded.value).toEqual(emptyProgress());
    expect(loaded.notice).toMatch(/progress saved on this device could not be read/);
    expect(storage.data.get(`${PROGRESS_KEY}:damaged`)).toBe(raw);
    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
  });

  it('goes on without storage when the browser refuses it', () => {
    const refusing: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const store = progressStore(refusing);
    expect(store.load().value).toEqual(emptyProgress());
    expect(store.load().notice).toMatch(/not letting Keep Cool use its storage/);
    expect(store.save(emptyProgress())).toBe(false);
  });
});

describe('settings', () => {
  it('defaults to coach mode and follows the system’s reduced-motion preference', () => {
    expect(settingsStore(memoryStorage(), true).load().value).toEqual(defaultSettings(true));
    expect(defaultSettings(true).reducedMotion).toBe(true);
    expect(defaultSettings().mode).toBe('coach');
  });

  it('reads settings saved before sound existed, with the default volumes', () => {
    const storage = memoryStorage();
    storage.setItem(SETTINGS_KEY, '{"version":1,"textSize":"large","reducedMotion":false,"mode":"coach"}');
    const loaded = settingsStore(storage).load();
    expect(loaded.notice).toBeUndefined();
    expect(loaded.value.textSize).toBe('large');
    expect(loaded.value.sound).toEqual(defaultSettings().sound);
  });

  it('keeps what the player chose and resets a damaged record', () => {
    const storage = memoryStorage();
    const store = settingsStore(storage);
    const sound = { muted: true, master: 40, ambience: 0, effects: 60 };
    store.save({ version: 1, textSize: 'larger', reducedMotion: true, mode: 'assessment', sound });
    expect(settingsStore(storage).load().value.textSize).toBe('larger');
    expect(settingsStore(storage).load().value.sound).toEqual(sound);
    storage.setItem(SETTINGS_KEY, '{"version":1,"textSize":"huge"}');
    const loaded = settingsStore(storage).load();
    expect(loaded.value).toEqual(defaultSettings());
    expect(loaded.notice).toMatch(/settings saved on this device could not be read/);
  });
});
