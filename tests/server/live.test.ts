/** Live boards over Server-Sent Events, on a real socket. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BoardSnapshot } from '../../src/workshop/api.js';
import { golden, joinRoom, openRoom, playRun, serverSuite, type TestServer } from '../support/workshop.js';

const BEST = golden('dented-shelves-tell-me-about-it');

/** Reads an event stream, handing each `board` event's data to the test as it arrives. */
async function listen(
  url: string,
): Promise<{ next(timeoutMs?: number): Promise<BoardSnapshot>; close(): void }> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const body = response.body;
  if (!body) throw new Error('no stream');
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const events: BoardSnapshot[] = [];
  return {
    async next(timeoutMs = 1000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length === 0) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no board event within ${timeoutMs} ms`);
        let timer: NodeJS.Timeout | undefined;
        const chunk = await Promise.race([
          reader.read(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
              reject(new Error(`no board event within ${timeoutMs} ms`));
            }, left);
          }),
        ]).finally(() => {
          clearTimeout(timer);
        });
        if (chunk.done) throw new Error('the stream ended');
        buffer += chunk.value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (/^event: board$/m.test(message) && data) events.push(JSON.parse(data) as BoardSnapshot);
        }
      }
      const first = events.shift();
      if (!first) throw new Error('unreachable');
      return first;
    },
    close() {
      controller.abort();
    },
  };
}

const suite = serverSuite({ liveThrottleMs: 50 });
let server: TestServer;
let base: string;
beforeEach(async () => {
  server = suite.server;
  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
});

describe('live boards', () => {
  it('sends the board on connect, pushes each change, and catches a reconnecting client up', async () => {
    const { code } = await openRoom(server);
    const ana = await joinRoom(server, code, 'Ana');
    const stream = await listen(`${base}/api/rooms/${code}/events`);
    const first = await stream.next();
    expect(first.results).toBe(0);
    expect(first.players).toBe(1);

    const sentAt = Date.now();
    await playRun(server, ana.token, BEST.transcript);
    const pushed = await stream.next();
    expect(Date.now() - sentAt).toBeLessThan(1000);
    expect(pushed.results).toBe(1);
    expect(pushed.revision).toBeGreaterThan(first.revision);
    expect(pushed.overall[0]).toMatchObject({ nickname: 'Ana', total: BEST.total, rank: 1 });
    stream.close();

    // While this client is away, Ben joins and plays; on reconnecting it has it all at once.
    const ben = await joinRoom(server, code, 'Ben');
    await playRun(server, ben.token, BEST.transcript);
    const again = await listen(`${base}/api/rooms/${code}/events`);
    const caughtUp = await again.next();
    expect(caughtUp.results).toBe(2);
    expect(caughtUp.overall.map((e) => e.nickname)).toEqual(['Ana', 'Ben']);
    again.close();
  });

  it('sends a burst of changes as few updates, ending on the latest board', async () => {
    const { code } = await openRoom(server);
    const players = await Promise.all(
      ['Ana', 'Ben', 'Cy', 'Dee', 'Eve'].map((n) => joinRoom(server, code, n)),
    );
    const stream = await listen(`${base}/api/rooms/${code}/events`);
    await stream.next();
    await Promise.all(players.map((p) => playRun(server, p.token, BEST.transcript)));
    let latest = await stream.next();
    let updates = 1;
    while (latest.results < 5) {
      latest = await stream.next();
      updates++;
    }
    expect(latest.overall).toHaveLength(5);
    expect(updates).toBeLessThan(5);
    stream.close();
  });

  it('refuses a stream for a room that does not exist', async () => {
    const response = await fetch(`${base}/api/rooms/ZZZZZZ/events`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('no-room');
  });
});
