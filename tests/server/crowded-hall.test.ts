/**
 * A workshop hall behind one router: every request below comes from the same address (inject's
 * 127.0.0.1). Thirty honest players and one abusive client share it. The abuser floods the API
 * and holds the live streams open; the players must still join, play, send their results and read
 * their board, and the projector of the room next door must still connect. The server's clock is
 * the test's: nothing waits on the wall clock.
 */
import type { LightMyRequestResponse as InjectResponse } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_RULES, streamLimits } from '../../src/server/limits.js';
import {
  golden,
  joinRoom,
  openRoom,
  serverSuite,
  storedResultsOf,
  type Reply,
  type TestServer,
} from '../support/workshop.js';

const BEST = golden('dented-shelves-tell-me-about-it');
const SCENARIO = { scenario: BEST.transcript.scenario.id, version: BEST.transcript.scenario.version };
const HONEST = 30;
/** A token of the right shape that the server never issued. */
const madeUp = (i: number) => `madeup${String(i).padStart(20, '0')}`;

const suite = serverSuite();

/** What the abuser was answered, by status. */
type Tally = Map<number, number>;

function tally(replies: readonly { status: number }[]): Tally {
  const counts: Tally = new Map();
  for (const { status } of replies) counts.set(status, (counts.get(status) ?? 0) + 1);
  return counts;
}

/**
 * Opens `n` live streams at `url` at once; resolves when each is either open (counted by the live
 * boards) or answered (refused). Returns the answered ones. Open ones stay open until the server
 * closes.
 */
async function openStreams(server: TestServer, url: string, n: number): Promise<InjectResponse[]> {
  const answered: InjectResponse[] = [];
  const before = server.live.clients;
  const opening = Array.from({ length: n }, () =>
    server.app.inject({ method: 'GET', url }).then((response) => {
      answered.push(response);
    }),
  );
  await vi.waitFor(
    () => {
      expect(server.live.clients - before + answered.length).toBe(n);
    },
    { timeout: 30_000, interval: 5 },
  );
  void Promise.all(opening);
  return answered;
}

/**
 * One window's worth of abuse from the shared address: tokenless board reads of room A, joins at a
 * room that does not exist, starts with the abuser's own token, and starts with made-up tokens.
 * Well over the 1,300 requests in three seconds that once locked a hall out, all at one instant.
 */
async function flood(server: TestServer, roomA: string, ownToken: string): Promise<Reply[]> {
  // One after another, so the counts below do not depend on how the requests interleave.
  const replies: Reply[] = [];
  for (let i = 0; i < DEFAULT_RULES.roomRead.limit + 300; i++)
    replies.push(await server.request('GET', `/api/rooms/${roomA}/board`));
  for (let i = 0; i < DEFAULT_RULES.join.limit + 100; i++)
    replies.push(await server.request('POST', '/api/rooms/ZZZZZZ/players', { nickname: `Bot ${i}` }));
  for (let i = 0; i < DEFAULT_RULES.player.limit + 200; i++)
    replies.push(await server.request('POST', '/api/runs', SCENARIO, ownToken));
  for (let i = 0; i < DEFAULT_RULES.badToken.limit + 100; i++)
    replies.push(await server.request('POST', '/api/runs', SCENARIO, madeUp(i)));
  return replies;
}

/** Every refusal in `replies` is a 429 that says when to come back. */
function expectLimitedWithRetryAfter(replies: readonly Reply[]): void {
  const limited = replies.filter((r) => r.status === 429);
  expect(limited.length).toBeGreaterThan(0);
  for (const reply of limited) {
    expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
    expect(reply.json.error?.code).toBe('rate-limited');
  }
}

describe('a crowded hall behind one address', () => {
  it('one abusive client floods and holds streams open; thirty honest players still join, play and read, and the next room’s projector connects', async () => {
    const server = suite.server;
    const roomA = await openRoom(server);
    const roomB = await openRoom(server);
    const abuser = await joinRoom(server, roomA.code, 'Mallory');

    // The abuser holds open every anonymous stream the address may have: half in room A, the rest
    // in room B, and more beyond, which are refused.
    const { perAddress, perRoom } = streamLimits();
    const inA = await openStreams(server, `/api/rooms/${roomA.code}/events`, perRoom + 50);
    const inB = await openStreams(server, `/api/rooms/${roomB.code}/events`, perAddress - perRoom + 50);
    for (const refused of [...inA, ...inB]) {
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('30');
      expect(refused.json<{ error: { code: string } }>().error.code).toBe('too-many-streams');
    }
    expect([inA.length, inB.length]).toEqual([50, 50]);
    expect(server.live.streamsFrom('127.0.0.1')).toBe(perAddress);

    // First wave of requests, then the hall arrives in the same window.
    const first = await flood(server, roomA.code, abuser.token);
    expect(first.length).toBeGreaterThan(2 * 1300);
    expectLimitedWithRetryAfter(first);
    const counts = tally(first);
    // The abuser's own token got its 30 calls, the made-up ones their 300 refusals; the rest 429.
    expect(counts.get(201)).toBe(DEFAULT_RULES.player.limit);
    expect(counts.get(401)).toBe(DEFAULT_RULES.badToken.limit);
    expect(counts.get(429)).toBe(300 + 100 + 200 + 100);

    const players: { token: string; run: string }[] = [];
    for (let i = 0; i < HONEST; i++) {
      const player = await joinRoom(server, roomA.code, `Player ${i + 1}`);
      const started = await server.request('POST', '/api/runs', SCENARIO, player.token);
      expect(started.status).toBe(201);
      players.push({ token: player.token, run: (started.json as { run: string }).run });
    }
    // Each phone's lobby follows the board with its token, though room A's anonymous streams are
    // all taken.
    const lobbies = await openStreams(
      server,
      `/api/rooms/${roomA.code}/events?key=${players[0]?.token ?? ''}`,
      1,
    );
    expect(lobbies).toEqual([]);

    // The calls take their time; a new window opens and the abuser floods again.
    server.clock.now += Math.max(...BEST.transcript.events.map((e) => e.at)) + 1000;
    const second = await flood(server, roomA.code, abuser.token);
    expectLimitedWithRetryAfter(second);
    // The made-up tokens are now turned away before any look-up: the address spent its refusals.
    expect(tally(second).get(401)).toBeUndefined();

    for (const { token, run } of players) {
      const sent = await server.request('POST', '/api/results', { run, transcript: BEST.transcript }, token);
      expect(sent.status).toBe(201);
      const board = await server.request('GET', `/api/rooms/${roomA.code}/board`, undefined, token);
      expect(board.status).toBe(200);
    }
    // Every honest call counted; the abuser, who never finished one, has none.
    expect(await storedResultsOf(server)).toBe(HONEST);

    // Room B's projector (the facilitator's browser, holding the room's secret) connects while the
    // address's anonymous streams are all held by the abuser.
    const projector = await openStreams(server, `/api/rooms/${roomB.code}/events?key=${roomB.secret}`, 1);
    expect(projector).toEqual([]);
    // An anonymous screen is still refused: the abuser holds the address's share.
    const anonymous = await openStreams(server, `/api/rooms/${roomB.code}/events`, 1);
    expect(anonymous[0]?.statusCode).toBe(429);
  });

  it('attendees on the facilitator’s address cannot spend the facilitator’s allowance, and stepping the map does not either', async () => {
    const server = suite.server;
    const room = await openRoom(server);
    const view = { shown: true, moment: null, names: false };
    const mapView = `/api/rooms/${room.code}/map-view`;
    // An attendee on the same address sends the facilitator's requests without the secret, or with
    // a wrong one, well past the facilitator's allowance: each is refused as it should be.
    const refused: Reply[] = [];
    for (let i = 0; i < DEFAULT_RULES.facilitator.limit + 30; i++) {
      refused.push(await server.request('POST', mapView, view));
      refused.push(await server.request('PATCH', `/api/rooms/${room.code}`, { status: 'closed' }, madeUp(i)));
    }
    expect(tally(refused).get(200)).toBeUndefined();
    expect(refused.some((r) => r.status === 401 || r.status === 403)).toBe(true);
    // The facilitator, same address, secret in hand, is not locked out of their own room.
    expect((await server.request('POST', mapView, view, room.secret)).status).toBe(200);
    expect(
      (await server.request('GET', `/api/rooms/${room.code}/export.csv`, undefined, room.secret)).status,
    ).toBe(200);

    // Stepping through the map more often than the actions' allowance (a held arrow key) leaves the
    // actions alone: the facilitator can still remove a player at once.
    const player = await joinRoom(server, room.code, 'Ana');
    for (let i = 0; i < DEFAULT_RULES.facilitator.limit + 10; i++) {
      const step = await server.request('POST', mapView, view, room.secret);
      expect(step.status).toBe(200);
    }
    const removed = await server.request(
      'DELETE',
      `/api/rooms/${room.code}/players/${player.id}`,
      undefined,
      room.secret,
    );
    expect(removed.status).toBe(204);
    // The steps have an allowance of their own, and past it, a 429 that says when to come back.
    const steps: Reply[] = [];
    for (let i = 0; i < DEFAULT_RULES.facilitatorStep.limit; i++)
      steps.push(await server.request('POST', mapView, view, room.secret));
    expectLimitedWithRetryAfter(steps);
  });
});
