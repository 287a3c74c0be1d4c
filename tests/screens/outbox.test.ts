/** The outbox: results finished offline wait on the device and go once, in order, when the server answers. */
import { describe, expect, it, vi } from 'vitest';
import type { Transcript } from '../../src/engine/index.js';
import { workshopStore, type WorkshopState } from '../../src/device/workshop-store.js';
import type { KeyValueStorage } from '../../src/device/store.js';
import type { ApiClient, ApiResult } from '../../src/screens/workshop/api-client.js';
import { Outbox } from '../../src/screens/workshop/outbox.js';
import { refusalText } from '../../src/screens/workshop/refusals.js';

function memory(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const transcript: Transcript = {
  format: 2,
  scenario: { id: 'dented-shelves', version: 1 },
  mode: 'assessment',
  events: [{ kind: 'choice', at: 100, node: 'the-refusal', response: 'never' }],
};

/** A server that answers from a script: `reply(run)` decides each answer. */
function fakeServer(reply: (run: string) => ApiResult<unknown>): ApiClient & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    call<T>(_method: string, _path: string, body?: unknown) {
      const run = (body as { run: string }).run;
      sent.push(run);
      return Promise.resolve(reply(run) as ApiResult<T>);
    },
  };
}

const OFFLINE = { ok: false, status: 0, code: 'offline', message: 'no network', offline: true } as const;
const counted = (total: number) =>
  ({
    ok: true,
    status: 201,
    data: { total, grade: 'B', ending: 'x', rank: { scenario: 1, overall: 2 }, duplicate: false },
  }) as const;

const pending = (run: string) => ({
  run,
  room: 'K7PX3M',
  token: 'player-token-1234',
  scenario: 'dented-shelves',
  transcript,
  finishedAt: 1,
});

describe('Outbox', () => {
  it('keeps results while the server is unreachable, then sends them once, oldest first', async () => {
    const storage = memory();
    const store = workshopStore(storage);
    let online = false;
    const server = fakeServer(() => (online ? counted(700) : OFFLINE));
    const outbox = new Outbox(store, server);
    await outbox.queue(pending('run-aaaaaaaaaaaaaaaa'));
    await outbox.queue(pending('run-bbbbbbbbbbbbbbbb'));
    outbox.stop();
    expect(store.load().value.outbox.map((p) => p.run)).toEqual([
      'run-aaaaaaaaaaaaaaaa',
      'run-bbbbbbbbbbbbbbbb',
    ]);
    // Why they wait is kept as the refusal (its code and sentence), for the page to word.
    expect(outbox.status()).toEqual({
      pending: 2,
      waiting: expect.objectContaining({ code: 'offline', message: 'no network' }) as unknown,
    });
    // Offline, only the oldest is tried each time: the rest wait behind it, in order.
    expect(server.sent.every((r) => r === 'run-aaaaaaaaaaaaaaaa')).toBe(true);
    // A fresh page on the same device finds them (nothing lives only in memory).
    const reopened = new Outbox(workshopStore(storage), server);
    online = true;
    await reopened.flush();
    expect(server.sent.slice(-2)).toEqual(['run-aaaaaaaaaaaaaaaa', 'run-bbbbbbbbbbbbbbbb']);
    const state: WorkshopState = store.load().value;
    expect(state.outbox).toEqual([]);
    expect(state.sent.map((s) => [s.run, s.outcome.kind])).toEqual([
      ['run-aaaaaaaaaaaaaaaa', 'counted'],
      ['run-bbbbbbbbbbbbbbbb', 'counted'],
    ]);
    // Flushing again sends nothing.
    const before = server.sent.length;
    await reopened.flush();
    expect(server.sent.length).toBe(before);
    // Queuing a run already answered is a no-op.
    await reopened.queue(pending('run-aaaaaaaaaaaaaaaa'));
    expect(server.sent.length).toBe(before);
    reopened.stop();
  });

  it('records a refusal for good and carries on with the next result', async () => {
    const store = workshopStore(memory());
    const server = fakeServer((run) =>
      run.startsWith('bad')
        ? {
            ok: false,
            status: 409,
            code: 'run-used',
            message: 'This run has already been scored.',
            offline: false,
          }
        : counted(640),
    );
    const outbox = new Outbox(store, server);
    const settled: string[] = [];
    outbox.subscribe((_status, answered) =>
      settled.push(...answered.map((a) => `${a.run}:${a.outcome.kind}`)),
    );
    store.save({
      ...store.load().value,
      outbox: [
        { ...pending('bad-run-aaaaaaaaaaaa'), attempts: 0 },
        { ...pending('run-cccccccccccccccc'), attempts: 0 },
      ],
    });
    await outbox.flush();
    expect(settled).toEqual(['bad-run-aaaaaaaaaaaa:refused', 'run-cccccccccccccccc:counted']);
    const refused = store.load().value.sent[0];
    // Kept with its code, so the page can say it in the trainee's language.
    expect(refused?.outcome).toEqual({
      kind: 'refused',
      reason: 'This run has already been scored.',
      code: 'run-used',
    });
    outbox.stop();
  });

  it('sends a result queued while an earlier one is still on its way', async () => {
    const store = workshopStore(memory());
    const sent: string[] = [];
    let answerFirst: () => void = () => undefined;
    const server: ApiClient = {
      call<T>(_method: string, _path: string, body?: unknown) {
        const run = (body as { run: string }).run;
        sent.push(run);
        // The first answer is held back until the second result has been queued.
        if (sent.length === 1)
          return new Promise<ApiResult<T>>((resolve) => {
            answerFirst = () => {
              resolve(counted(500) as ApiResult<T>);
            };
          });
        return Promise.resolve(counted(600) as ApiResult<T>);
      },
    };
    const outbox = new Outbox(store, server);
    const first = outbox.queue(pending('run-eeeeeeeeeeeeeeee'));
    await Promise.resolve();
    const second = outbox.queue(pending('run-ffffffffffffffff'));
    answerFirst();
    await Promise.all([first, second]);
    expect(sent).toEqual(['run-eeeeeeeeeeeeeeee', 'run-ffffffffffffffff']);
    expect(store.load().value.outbox).toEqual([]);
    expect(store.load().value.sent.map((s) => s.run)).toEqual([
      'run-eeeeeeeeeeeeeeee',
      'run-ffffffffffffffff',
    ]);
    outbox.stop();
  });

  it('keeps a result whose answer could not be read, and says to reload: it may have counted', async () => {
    const store = workshopStore(memory());
    const server = fakeServer(() => ({
      ok: false,
      status: 201,
      code: 'bad-reply',
      message: 'The workshop server’s answer could not be read (total: expected number). Reload the page.',
      offline: false,
    }));
    const outbox = new Outbox(store, server);
    await outbox.queue(pending('run-gggggggggggggggg'));
    outbox.stop();
    // Sent again after a reload, a result the server already counted is acknowledged and counts once.
    expect(store.load().value.outbox.map((p) => [p.run, p.attempts])).toEqual([['run-gggggggggggggggg', 1]]);
    expect(store.load().value.sent).toEqual([]);
    const waiting = outbox.status().waiting;
    expect(waiting?.code).toBe('bad-reply');
    expect(waiting && refusalText(waiting)).toMatch(/Reload the page/);
  });

  it('waits as long as the server asks after a 429', async () => {
    const store = workshopStore(memory());
    const server = fakeServer(() => ({
      ok: false,
      status: 429,
      code: 'rate-limited',
      message: 'Too many requests; try again in 7 s.',
      offline: false,
      retryAfterSeconds: 7,
    }));
    vi.useFakeTimers();
    try {
      const outbox = new Outbox(store, server);
      await outbox.queue(pending('run-dddddddddddddddd'));
      expect(store.load().value.outbox[0]?.attempts).toBe(1);
      const waiting = outbox.status().waiting;
      expect(waiting?.retryAfterSeconds).toBe(7);
      expect(waiting && refusalText(waiting)).toMatch(/try again in 7 s/);
      await vi.advanceTimersByTimeAsync(6900);
      expect(server.sent).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(200);
      expect(server.sent).toHaveLength(2);
      outbox.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
