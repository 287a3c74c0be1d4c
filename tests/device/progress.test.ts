/** Progress and settings on the device: kept, versioned, and never a crash when damaged. */
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { SCORING_VERSION, startCall } from '../../src/engine/index.js';
import {
  PROGRESS_BUDGET,
  PROGRESS_KEY,
  TRANSCRIPTS_KEPT,
  attemptNumber,
  attemptsAt,
  bestBefore,
  bestScore,
  emptyProgress,
  fitToBudget,
  keepTranscripts,
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
    // What each call is measured against: the best of the calls before it.
    expect(bestBefore(again.value, 'late-parcel', 1)).toBeNull();
    expect(bestBefore(again.value, 'late-parcel', 2)).toBe(1000);
  });

  it('keeps totals from earlier scoring rules as they were, and does not rank them as bests', () => {
    const storage = memoryStorage();
    const poor = finishedCall('reflect', 'policy');
    const attempt = withAttempt(emptyProgress(), poor.transcript(), poor.result(), new Date()).attempts[0];
    expect(attempt?.scoring).toBe(SCORING_VERSION);
    // An attempt saved by a build before scoring versions were recorded (store version 1, which
    // kept no mode beside the transcript): no field, a higher total.
    const v1: Record<string, unknown> = { ...attempt };
    // Version 1 kept neither the mode nor the moves and don'ts beside the transcript.
    delete v1.mode;
    delete v1.moves;
    delete v1.donts;
    const old: Record<string, unknown> = { ...v1, total: 990, grade: 'A' };
    delete old.scoring;
    storage.setItem(PROGRESS_KEY, JSON.stringify({ version: 1, attempts: [old, v1], inProgress: null }));
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

  it('keeps every call, with transcripts for the newest TRANSCRIPTS_KEPT and a summary for the rest', () => {
    const call = finishedCall('reflect', 'options');
    let progress = emptyProgress();
    for (let i = 0; i < TRANSCRIPTS_KEPT + 5; i++)
      progress = withAttempt(progress, call.transcript(), call.result(), new Date(i));
    expect(progress.attempts).toHaveLength(TRANSCRIPTS_KEPT + 5);
    expect(progress.attempts[0]?.finishedAt).toBe(new Date(0).toISOString());
    expect(progress.attempts.filter((a) => a.transcript)).toHaveLength(TRANSCRIPTS_KEPT);
    // The oldest five keep what the history lists: the score, the grade, the ending and the mode.
    expect(
      progress.attempts.slice(0, 5).every((a) => !a.transcript && a.total === 1000 && a.mode === 'coach'),
    ).toBe(true);
    expect(progress.attempts[5]?.transcript).toBeDefined();
    // Numbered by scenario, oldest first: the number is the debrief's address.
    const mine = attemptsAt(progress, 'late-parcel');
    expect(mine).toHaveLength(TRANSCRIPTS_KEPT + 5);
    const third = mine[2];
    if (!third) throw new Error('no third attempt');
    expect(attemptNumber(progress, third)).toBe(3);
  });

  it('keeps progress under its budget by giving up the oldest transcripts, never a call', () => {
    const call = finishedCall('reflect', 'options');
    let progress = emptyProgress();
    for (let i = 0; i < 40; i++)
      progress = withAttempt(progress, call.transcript(), call.result(), new Date(i));
    const size = JSON.stringify(progress).length;
    expect(fitToBudget(progress, size)).toBe(progress);
    const fitted = fitToBudget(progress, size - 1000);
    expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(size - 1000);
    expect(fitted.attempts).toHaveLength(40);
    const kept = fitted.attempts.map((a) => Boolean(a.transcript));
    // The ones given up are the oldest.
    expect(kept.indexOf(true)).toBe(kept.filter((k) => !k).length);
    expect(keepTranscripts(progress, 3).attempts.filter((a) => a.transcript)).toHaveLength(3);
    expect(PROGRESS_BUDGET).toBeGreaterThan(1_000_000);
  });

  it('when the browser refuses the save, tries again with fewer transcripts before giving up', () => {
    const storage = memoryStorage();
    const limit = { chars: Infinity };
    const quota: KeyValueStorage = {
      ...storage,
      setItem: (k, v) => {
        if (v.length > limit.chars) throw new Error('QuotaExceededError');
        storage.setItem(k, v);
      },
    };
    const call = finishedCall('reflect', 'options');
    let progress = emptyProgress();
    for (let i = 0; i < 16; i++)
      progress = withAttempt(progress, call.transcript(), call.result(), new Date(i));
    const full = JSON.stringify(progress).length;
    limit.chars = full - 500;
    expect(progressStore(quota).save(progress)).toBe(true);
    const saved = progressStore(storage).load().value;
    expect(saved.attempts).toHaveLength(16);
    expect(saved.attempts.filter((a) => a.transcript).length).toBeLessThan(16);
    expect(saved.attempts.at(-1)?.transcript).toBeDefined();
    // Not even the summaries fit: the save says so, and nothing is half-written.
    limit.chars = 100;
    expect(progressStore(quota).save(progress)).toBe(false);
  });

  it('reads version 1 progress (every attempt with its transcript) as version 2, losing nothing', () => {
    const storage = memoryStorage();
    const good = finishedCall('reflect', 'options');
    const attempt = withAttempt(emptyProgress(), good.transcript(), good.result(), new Date(5)).attempts[0];
    if (!attempt?.transcript) throw new Error('no attempt');
    const v1: Partial<typeof attempt> = { ...attempt };
    delete v1.mode;
    delete v1.moves;
    delete v1.donts;
    const assessed = { ...v1, transcript: { ...attempt.transcript, mode: 'assessment' } };
    const raw = JSON.stringify({ version: 1, attempts: [v1, assessed], inProgress: null });
    storage.setItem(PROGRESS_KEY, raw);
    const loaded = progressStore(storage).load();
    expect(loaded.notice).toBeUndefined();
    expect(loaded.value.version).toBe(2);
    expect(loaded.value.attempts.map((a) => [a.total, a.mode, a.transcript?.events.length])).toEqual([
      [attempt.total, 'coach', attempt.transcript.events.length],
      [attempt.total, 'assessment', attempt.transcript.events.length],
    ]);
  });

  it.each([
    ['not JSON', '{"version": 1, "attempts": ['],
    ['a newer version', '{"version": 3, "attempts": [], "inProgress": null}'],
    [
      'a version 2 call without its mode',
      '{"version": 2, "attempts": [{"scenario": {"id": "x", "version": 1}, "finishedAt": "2026-01-01T00:00:00Z", "total": 5, "grade": "E", "ending": null, "scoring": 2}], "inProgress": null}',
    ],
    ['a wrong shape', '{"version": 1, "attempts": [{"total": "lots"}], "inProgress": null}'],
    ['a hostile key', '{"version": 1, "attempts": [], "inProgress": null, "__proto__": {"x": 1}}'],
  ])('resets %s with a notice, keeping a copy of what was there', (_, raw) => {
    const storage = memoryStorage();
    storage.setItem(PROGRESS_KEY, raw);
    const loaded = progressStore(storage).load();
    expect(loaded.value).toEqual(emptyProgress());
    expect(loaded.notice).toEqual({ kind: 'damaged', what: 'progress', backup: `${PROGRESS_KEY}:damaged` });
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
    expect(store.load().notice).toEqual({ kind: 'blocked', what: 'progress' });
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
    // Saved before Type mode: answers are picked, as they were.
    expect(loaded.value.answers).toBe('pick');
  });

  it('keeps what the player chose and resets a damaged record', () => {
    const storage = memoryStorage();
    const store = settingsStore(storage);
    const sound = { muted: true, master: 40, ambience: 0, effects: 60 };
    store.save({
      version: 1,
      textSize: 'larger',
      reducedMotion: true,
      mode: 'assessment',
      answers: 'type',
      sound,
    });
    expect(settingsStore(storage).load().value.textSize).toBe('larger');
    expect(settingsStore(storage).load().value.answers).toBe('type');
    expect(settingsStore(storage).load().value.sound).toEqual(sound);
    storage.setItem(SETTINGS_KEY, '{"version":1,"textSize":"huge"}');
    const loaded = settingsStore(storage).load();
    expect(loaded.value).toEqual(defaultSettings());
    expect(loaded.notice).toEqual({ kind: 'damaged', what: 'settings', backup: `${SETTINGS_KEY}:damaged` });
  });
});
