/** Live boards over Server-Sent Events, on a real socket. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveBoards, MAX_BUFFERED_BYTES } from '../../src/server/live.js';
import { golden, joinRoom, openRoom, playRun, serverSuite, type TestServer } from '../support/workshop.js';
import { FakeResponse, listen } from '../support/live-stream.js';

const BEST = golden('dented-shelves-tell-me-about-it');

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

    // Pushed on the open stream: nothing asks for it again.
    await playRun(server, ana.token, BEST.transcript);
    const pushed = await stream.next();
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

  it('cuts off a client too far behind, and forgets one that leaves while it connects', async () => {
    const { code } = await openRoom(server);
    const ana = await joinRoom(server, code, 'Ana');
    const live = new LiveBoards(server.workshop, 0);
    try {
      const slow = new FakeResponse();
      const fine = new FakeResponse();
      await live.connect(code, '10.0.0.1', slow.as());
      await live.connect(code, '10.0.0.2', fine.as());
      expect([slow.boards, fine.boards]).toEqual([1, 1]);
      // The slow one has not read what it was sent: rather than buffer more, it is cut off (and
      // will reconnect and be sent the whole board).
      slow.writableLength = MAX_BUFFERED_BYTES + 1;
      await playRun(server, ana.token, BEST.transcript);
      await vi.waitFor(() => {
        expect(fine.boards).toBe(2);
      });
      expect(slow.destroyed).toBe(true);
      expect(slow.boards).toBe(1);
      expect(live.clients).toBe(1);
      expect(live.streamsFrom('10.0.0.1')).toBe(0);

      // A client that hangs up while its first board is read is not kept, nor counted.
      const gone = new FakeResponse();
      const connecting = live.connect(code, '10.0.0.3', gone.as());
      expect(live.streamsFrom('10.0.0.3')).toBe(1);
      gone.destroy();
      await connecting;
      expect(gone.written).toEqual([]);
      expect(live.streamsFrom('10.0.0.3')).toBe(0);
      expect(live.clients).toBe(1);
      // One already gone when it arrives is not counted at all.
      const late = new FakeResponse();
      late.destroyed = true;
      await live.connect(code, '10.0.0.4', late.as());
      expect(live.streamsFrom('10.0.0.4')).toBe(0);
      expect(late.written).toEqual([]);
    } finally {
      live.close();
    }
  });

  it('caps the streams one address holds open, with Retry-After, and frees a place when one closes', async () => {
    server = await suite.restart({ liveThrottleMs: 50, streamsPerAddress: 2, streams: { perRoom: 2 } });
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { code } = await openRoom(server);
    const url = `${base}/api/rooms/${code}/events`;
    const first = await listen(url);
    const second = await listen(url);
    await Promise.all([first.next(), second.next()]);
    const third = await fetch(url);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('30');
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('too-many-streams');
    first.close();
    await vi.waitFor(async () => {
      const health = (await (await fetch(`${base}/api/health`)).json()) as { liveClients: number };
      expect(health.liveClients).toBe(1);
    });
    const again = await listen(url);
    expect((await again.next()).players).toBe(0);
    again.close();
    second.close();
  });
});
