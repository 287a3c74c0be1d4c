/**
 * The workshop server on a real database (SQLite, and PostgreSQL in the postgres project): rooms,
 * players, scores the server computes itself, and every way a client might try to cheat or break it.
 */
import { Migrator, sql } from 'kysely';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SCORING_VERSION, type Transcript } from '../../src/engine/index.js';
import type { BoardSnapshot, Joined, Me, ResultAccepted, RoomCreated } from '../../src/api/api.js';
import { MIGRATIONS } from '../../src/server/db.js';
import { hash, newToken } from '../../src/server/secrets.js';
import { nicknameKey } from '../../src/api/nickname.js';
import {
  LIBRARY,
  typedTranscript,
  golden,
  joinRoom,
  openRoom,
  playRun,
  sendResult,
  serverSuite,
  type TestServer,
  boardOf,
  storedResultsOf,
} from '../support/workshop.js';
import { bareDatabase, columnsOf, migratorSchema } from '../support/test-db.js';

const BEST = golden('dented-shelves-tell-me-about-it');
const ARGUED = golden('dented-shelves-argued-then-listened');
/** The shipped dented-shelves version, as the golden transcripts record it. */
const VERSION = BEST.transcript.scenario.version;
const FINE_VERSION = golden('fine-whatever-observed').transcript.scenario.version;

const suite = serverSuite();
let server: TestServer;
beforeEach(() => {
  server = suite.server;
});

const board = (code: string): Promise<BoardSnapshot> => boardOf(server, code);
const storedResults = (): Promise<number> => storedResultsOf(server);

describe('scoring versions', () => {
  it('ranks only totals scored by today’s rules; older ones stay in the export, marked', async () => {
    const { code, secret } = await openRoom(server);
    const ana = await joinRoom(server, code, 'Ana');
    const ben = await joinRoom(server, code, 'Ben');
    expect((await playRun(server, ana.token, BEST.transcript)).status).toBe(201);
    expect((await playRun(server, ben.token, ARGUED.transcript)).status).toBe(201);
    const dataDir = server.dataDir;
    // Ben's result as a server with the first scoring rules stored it: a higher total, version 1.
    await server.database.db
      .updateTable('results')
      .set({ scoring_version: 1, total: 990 })
      .where('player_id', '=', ben.id)
      .execute();
    server = await suite.restart({ dataDir });
    const snapshot = await board(code);
    expect(snapshot.overall.map((e) => [e.nickname, e.total])).toEqual([['Ana', BEST.total]]);
    expect(snapshot.results).toBe(1);
    const csv = await server.request('GET', `/api/rooms/${code}/export.csv`, undefined, secret);
    const lines = csv.text.trim().split('\r\n');
    expect(lines.find((l) => l.startsWith('Ben,'))).toMatch(/^Ben,dented-shelves,\d+,990,.*,1,pick$/);
    expect(lines.find((l) => l.startsWith('Ana,'))).toMatch(new RegExp(`,${SCORING_VERSION},pick$`));
  });
});

describe('a room from start to export', () => {
  it('creates, opens, joins, scores by replay and ranks, ties to the earlier finish', async () => {
    const { code, secret } = await openRoom(server);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const ana = await joinRoom(server, code, 'Ana');
    const ben = await joinRoom(server, code, 'Ben');
    const cy = await joinRoom(server, code, 'Cy');

    const first = await playRun(server, ana.token, BEST.transcript);
    expect(first.status).toBe(201);
    const accepted = first.json as unknown as ResultAccepted;
    // The server's own replay: the golden file's total, computed on the server.
    expect(accepted.total).toBe(BEST.total);
    expect(accepted.duplicate).toBe(false);
    expect(accepted.rank).toEqual({ scenario: 1, overall: 1 });

    // Ben plays the same call later: same score, so Ana's earlier finish keeps first place.
    server.clock.now += 60_000;
    expect((await playRun(server, ben.token, BEST.transcript)).status).toBe(201);
    const worse = await playRun(server, cy.token, ARGUED.transcript);
    expect(ARGUED.total).toBeLessThan(BEST.total);
    expect((worse.json as unknown as ResultAccepted).rank.scenario).toBe(3);

    const snapshot = await board(code);
    expect(snapshot.byScenario['dented-shelves']?.map((e) => e.nickname)).toEqual(['Ana', 'Ben', 'Cy']);
    expect(snapshot.overall.map((e) => [e.nickname, e.total])).toEqual([
      ['Ana', BEST.total],
      ['Ben', BEST.total],
      ['Cy', ARGUED.total],
    ]);
    expect(snapshot.results).toBe(3);
    expect(snapshot.players).toBe(3);
    // The room's profile names the letter it did least well.
    const rated = snapshot.profile.filter((p) => p.ratio !== null);
    expect(rated.length).toBeGreaterThan(0);
    const lowest = Math.min(...rated.map((p) => p.ratio ?? 1));
    expect(snapshot.profile.find((p) => p.letter === snapshot.weakest)?.ratio).toBe(lowest);

    // A second run of the same scenario only counts if it beats the first.
    server.clock.now += 60_000;
    expect((await playRun(server, cy.token, BEST.transcript)).status).toBe(201);
    const after = await board(code);
    expect(after.byScenario['dented-shelves']?.map((e) => e.nickname)).toEqual(['Ana', 'Ben', 'Cy']);
    expect(after.byScenario['dented-shelves']?.[2]?.total).toBe(BEST.total);
    expect(after.results).toBe(4);

    const csv = await server.request('GET', `/api/rooms/${code}/export.csv`, undefined, secret);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'nickname,scenario,version,score,grade,S,O,A,R,I,N,G,ending,ending_kind,finished_at,scoring,answers',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(new RegExp(`^Ana,dented-shelves,${VERSION},${BEST.total},`));
    expect(lines[1]).toMatch(
      new RegExp(
        `,${BEST.ending},resolved,2026-11-25T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z,${SCORING_VERSION},pick$`,
      ),
    );
    // The export is the facilitator's alone.
    expect((await server.request('GET', `/api/rooms/${code}/export.csv`, undefined, ana.token)).status).toBe(
      403,
    );
  });

  it('keeps everything across a restart: the boards are rebuilt from the file', async () => {
    const { code } = await openRoom(server);
    const ana = await joinRoom(server, code, 'Ana');
    await playRun(server, ana.token, BEST.transcript);
    const before = await board(code);
    server = await suite.restart({ dataDir: server.dataDir });
    const after = await board(code);
    expect(after.overall).toEqual(before.overall);
    expect(after.profile).toEqual(before.profile);
    // The player's token still works after the restart.
    expect((await playRun(server, ana.token, ARGUED.transcript)).status).toBe(201);
  });
});

describe('scores the client cannot fake', () => {
  async function readyRun(transcript: Transcript = BEST.transcript) {
    const { code } = await openRoom(server);
    const player = await joinRoom(server, code, 'Ana');
    const { id, version } = transcript.scenario;
    const started = await server.request('POST', '/api/runs', { scenario: id, version }, player.token);
    expect(started.status).toBe(201);
    server.clock.now += 10 * 60_000;
    return { code, player, run: (started.json as { run: string }).run };
  }

  it('refuses a forged score: the client never sends one', async () => {
    const { code, player, run } = await readyRun();
    const forged = await server.request(
      'POST',
      '/api/results',
      { run, transcript: BEST.transcript, score: 1000 },
      player.token,
    );
    expect(forged.status).toBe(400);
    expect(forged.json.error?.message).toMatch(/Unknown field “score”/);
    const inside = await sendResult(server, player.token, run, { ...BEST.transcript, total: 1000 });
    expect(inside.status).toBe(400);
    expect(inside.json.error?.where).toBe('body.transcript');
    expect((await board(code)).results).toBe(0);
    // The run is still good for the honest transcript.
    const honest = await sendResult(server, player.token, run, BEST.transcript);
    expect((honest.json as unknown as ResultAccepted).total).toBe(BEST.total);
  });

  it('refuses a modified transcript, naming the step', async () => {
    const { player, run } = await readyRun();
    const events = BEST.transcript.events.map((e, i) =>
      i === 1 ? { ...e, response: 'full-refund-now' } : e,
    );
    const modified = await sendResult(server, player.token, run, { ...BEST.transcript, events });
    expect(modified.status).toBe(422);
    expect(modified.json.error?.code).toBe('illegal-transcript');
    expect(modified.json.error?.message).toMatch(/step 2/);
    // Answering at a node the call never reached.
    const skipped = await sendResult(server, player.token, run, {
      ...BEST.transcript,
      events: BEST.transcript.events.slice(1),
    });
    expect(skipped.status).toBe(422);
    // A call cut short never reached an ending: it does not count either.
    const short = await sendResult(server, player.token, run, {
      ...BEST.transcript,
      events: BEST.transcript.events.slice(0, 1),
    });
    expect(short.json.error?.code).toBe('unfinished');
    expect(await storedResults()).toBe(0);
  });

  it('acknowledges a resend once and refuses a reused token', async () => {
    const { code, player, run } = await readyRun();
    const first = await sendResult(server, player.token, run, BEST.transcript);
    expect(first.status).toBe(201);
    // The same result again (a retry after a lost reply) is acknowledged and counts once.
    const again = await sendResult(server, player.token, run, BEST.transcript);
    expect(again.status).toBe(200);
    expect((again.json as unknown as ResultAccepted).duplicate).toBe(true);
    expect((again.json as unknown as ResultAccepted).total).toBe(BEST.total);
    // The same token with another call's transcript is refused.
    const reused = await sendResult(server, player.token, run, { ...ARGUED.transcript });
    expect(reused.status).toBe(409);
    expect(reused.json.error?.code).toBe('run-used');
    expect((await board(code)).results).toBe(1);
    expect(await storedResults()).toBe(1);
    // Someone else's token cannot send it.
    const other = await joinRoom(server, code, 'Ben');
    const stolen = await sendResult(server, other.token, run, BEST.transcript);
    expect(stolen.status).toBe(403);
  });

  it('refuses coach-mode runs, other scenario versions and timings the server clock contradicts', async () => {
    const { code, player, run } = await readyRun();
    const coach = await sendResult(server, player.token, run, { ...BEST.transcript, mode: 'coach' });
    expect(coach.json.error?.code).toBe('coach-mode');
    const unversioned = await sendResult(server, player.token, run, {
      ...BEST.transcript,
      scenario: { id: 'dented-shelves', version: 7 },
    });
    expect(unversioned.json.error?.code).toBe('wrong-scenario');
    const oldPage = await server.request(
      'POST',
      '/api/runs',
      { scenario: 'dented-shelves', version: 7 },
      player.token,
    );
    expect(oldPage.status).toBe(409);
    expect(oldPage.json.error?.message).toMatch(
      new RegExp(`version ${VERSION} .* version 7\\. Reload the page`),
    );
    const notHere = await server.request(
      'POST',
      '/api/runs',
      { scenario: 'fine-whatever', version: FINE_VERSION },
      player.token,
    );
    expect(notHere.json.error?.code).toBe('not-in-room');

    // A call claiming to have lasted 20 minutes, sent 10 minutes after it started.
    const slow = BEST.transcript.events.map((e, i, all) =>
      i === all.length - 1 ? { ...e, at: 20 * 60_000 } : e,
    );
    const fast = await sendResult(server, player.token, run, { ...BEST.transcript, events: slow });
    expect(fast.status).toBe(422);
    expect(fast.json.error?.code).toBe('timing');
    expect(fast.json.error?.message).toMatch(/ran for 20 min 0 s, but it started 10 min 0 s ago/);
    expect((await board(code)).results).toBe(0);
  });

  it('breaks ties by when the result arrived, which a client cannot forge', async () => {
    const { code } = await openRoom(server);
    const ana = await joinRoom(server, code, 'Ana');
    const ben = await joinRoom(server, code, 'Ben');
    const start = async (token: string) =>
      (
        (await server.request('POST', '/api/runs', { scenario: 'dented-shelves', version: VERSION }, token))
          .json as {
          run: string;
        }
      ).run;
    // Ben starts first and plays the same call in the same time, but his result arrives last: what
    // a transcript says about time cannot move a result ahead of one that reached the server first.
    const benRun = await start(ben.token);
    server.clock.now += 60_000;
    const anaRun = await start(ana.token);
    server.clock.now += 10 * 60_000;
    expect((await sendResult(server, ana.token, anaRun, BEST.transcript)).status).toBe(201);
    server.clock.now += 1000;
    expect((await sendResult(server, ben.token, benRun, BEST.transcript)).status).toBe(201);
    const places = (await board(code)).byScenario['dented-shelves'] ?? [];
    expect(places.map((e) => [e.nickname, e.total])).toEqual([
      ['Ana', BEST.total],
      ['Ben', BEST.total],
    ]);
  });

  it('counts a result kept offline for days, and refuses one older than a week', async () => {
    const { code, player, run } = await readyRun();
    const later = await server.request(
      'POST',
      '/api/runs',
      { scenario: 'dented-shelves', version: VERSION },
      player.token,
    );
    const lateRun = (later.json as { run: string }).run;
    // Back online three days later: it counts.
    server.clock.now += 3 * 24 * 3600_000;
    expect((await sendResult(server, player.token, run, BEST.transcript)).status).toBe(201);
    // Eight days: too old to count, and the reason says what to do.
    server.clock.now += 5 * 24 * 3600_000;
    const stale = await sendResult(server, player.token, lateRun, BEST.transcript);
    expect(stale.status).toBe(410);
    expect(stale.json.error?.code).toBe('run-expired');
    expect(stale.json.error?.message).toMatch(/play the call again/);
    expect((await board(code)).results).toBe(1);
  });

  it('refuses an oversized body before reading it', async () => {
    const { code, player, run } = await readyRun();
    const huge = await server.request(
      'POST',
      '/api/results',
      JSON.stringify({ run, transcript: BEST.transcript, padding: 'x'.repeat(300 * 1024) }),
      player.token,
    );
    expect(huge.status).toBe(413);
    expect(huge.json.error?.code).toBe('too-large');
    const bigName = await server.request('POST', `/api/rooms/${code}/players`, {
      nickname: 'x'.repeat(40_000),
    });
    expect(bigName.status).toBe(413);
    const proto = await server.request(
      'POST',
      `/api/rooms/${code}/players`,
      '{"nickname":"Ana","__proto__":{"x":1}}',
    );
    expect(proto.status).toBe(400);
    const notJson = await server.app.inject({
      method: 'POST',
      url: `/api/rooms/${code}/players`,
      headers: { 'content-type': 'text/plain' },
      payload: 'nickname=Ana',
    });
    expect(notJson.statusCode).toBe(415);
  });
});

describe('nicknames', () => {
  async function nickname(
    code: string,
    raw: string,
  ): Promise<{ status: number; nickname?: string; code?: string }> {
    const joined = await server.request('POST', `/api/rooms/${code}/players`, { nickname: raw });
    const player = (joined.json as { player?: { nickname: string } }).player;
    return {
      status: joined.status,
      ...(player ? { nickname: player.nickname } : {}),
      ...(joined.json.error ? { code: joined.json.error.code } : {}),
    };
  }

  it('neutralises markup, bidi overrides and zero-width characters', async () => {
    const { code } = await openRoom(server);
    // Markup stays text: the API hands it out as a JSON string and the pages render it as text.
    expect((await nickname(code, '<b onclick=x>Bo</b>')).nickname).toBe('<b onclick=x>Bo</b>');
    // A right-to-left override would reverse everything after it on the projector.
    expect((await nickname(code, '\u202Enimda\u202C Sam')).nickname).toBe('nimda Sam');
    expect((await nickname(code, '\u2066Lee\u2069')).nickname).toBe('Lee');
    // Zero-width characters would make a second "Ana" that looks the same.
    await nickname(code, 'Ana');
    expect(await nickname(code, 'A\u200Bn\u200Da\uFEFF')).toMatchObject({
      status: 409,
      code: 'nickname-taken',
    });
    expect(await nickname(code, 'ANA')).toMatchObject({ status: 409 });
    // Full-width letters normalise to the same name.
    expect(await nickname(code, 'Ａｎａ')).toMatchObject({ status: 409 });
    // A Cyrillic А reads as a Latin A on the projector: the same name.
    expect(await nickname(code, '\u0410na')).toMatchObject({ status: 409, code: 'nickname-taken' });
    // So do look-alikes from any script (UTS #39): Cherokee, small capitals, mathematical letters.
    for (const lookAlike of ['\u13AAna', 'ᴀɴᴀ', '𝐀𝐧𝐚', 'Ａ\u0578a'])
      expect(await nickname(code, lookAlike), lookAlike).toMatchObject({
        status: 409,
        code: 'nickname-taken',
      });
    // Offensive names are refused in any spelling or European language; real names are not.
    for (const offensive of ['kcuf', 'f/u/c/k', 'phuck', 'Scheiße', 'kurwa', 'hijo de puta'])
      expect(await nickname(code, offensive), offensive).toMatchObject({ status: 422, code: 'nickname' });
    expect(await nickname(code, 'Hancock')).toMatchObject({ status: 201, nickname: 'Hancock' });
    // Control characters and runs of spaces go; the length is capped.
    expect((await nickname(code, '  Jo\u0007\n\t  Kim  ')).nickname).toBe('Jo Kim');
    expect((await nickname(code, 'Z'.repeat(60))).nickname).toBe('Z'.repeat(24));
    // Stacked accents are cut to two per letter.
    expect((await nickname(code, 'Zo\u0301\u0302\u0303\u0304e')).nickname).toBe(
      'Zo\u0301\u0302e'.normalize('NFC'),
    );
    expect(await nickname(code, '\u200B\u202E  ')).toMatchObject({ status: 422, code: 'nickname' });
    expect(await nickname(code, 'b1tch')).toMatchObject({ status: 422, code: 'nickname' });
    // Stored as cleaned: the export shows the same names, formula-looking ones made inert.
    expect((await nickname(code, '=HYPERLINK("http://x")')).status).toBe(201);
    const names = (await server.workshop.players(code)).map((p) => p.nickname);
    expect(names).toContain('nimda Sam');
    expect(names.join('')).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/);
    // A room's name is on every screen too, and cleaned the same way.
    const room = await server.request('POST', '/api/rooms', {
      name: '\u202Epohskrow\u202C  Tuesday\u200B',
      scenarios: ['dented-shelves'],
    });
    expect((room.json as { room: { name: string } }).room.name).toBe('pohskrow Tuesday');
    const blank = await server.request('POST', '/api/rooms', {
      name: '\u200B \u202E',
      scenarios: ['dented-shelves'],
    });
    expect(blank.status).toBe(400);
    expect(blank.json.error).toMatchObject({
      where: 'body.name',
      message: 'Give the room a name people will recognise.',
    });
  });

  it('lets the facilitator remove a player: off the boards, token refused, the name kept out', async () => {
    const { code, secret } = await openRoom(server);
    const troll = await joinRoom(server, code, 'Troll');
    await playRun(server, troll.token, BEST.transcript);
    expect((await board(code)).overall).toHaveLength(1);
    const notAllowed = await server.request(
      'DELETE',
      `/api/rooms/${code}/players/${troll.id}`,
      undefined,
      troll.token,
    );
    expect(notAllowed.status).toBe(403);
    const me = await server.request('GET', '/api/me', undefined, troll.token);
    expect(me.json).toMatchObject({ player: { id: troll.id, nickname: 'Troll' }, room: { code } });
    const removed = await server.request(
      'DELETE',
      `/api/rooms/${code}/players/${troll.id}`,
      undefined,
      secret,
    );
    expect(removed.status).toBe(204);
    const after = await board(code);
    expect(after.overall).toHaveLength(0);
    expect(after.players).toBe(0);
    const again = await server.request(
      'POST',
      '/api/runs',
      { scenario: 'dented-shelves', version: VERSION },
      troll.token,
    );
    expect(again.status).toBe(403);
    expect(again.json.error?.code).toBe('removed');
    expect((await server.request('GET', '/api/me', undefined, troll.token)).json.error?.code).toBe('removed');
    // The removed name stays out of the room, in any case; another name gets in.
    const back = await server.request('POST', `/api/rooms/${code}/players`, { nickname: 'troll' });
    expect(back.status).toBe(409);
    expect(back.json.error).toMatchObject({
      code: 'nickname-removed',
      message: 'The facilitator removed “troll” from this room. Pick another nickname.',
    });
    expect(
      (await server.request('POST', `/api/rooms/${code}/players`, { nickname: 'Tr0ll fan' })).status,
    ).toBe(201);
  });
});

describe('rooms', () => {
  it('only the facilitator opens and closes; closed rooms take no one new but honour calls under way', async () => {
    const created = await server.request('POST', '/api/rooms', {
      name: 'Friday',
      scenarios: ['dented-shelves'],
    });
    const { secret, room } = created.json as unknown as {
      secret: string;
      room: { code: string; status: string };
    };
    expect(room.status).toBe('draft');
    const ana = await joinRoom(server, room.code, 'Ana');
    const early = await server.request(
      'POST',
      '/api/runs',
      { scenario: 'dented-shelves', version: VERSION },
      ana.token,
    );
    expect(early.json.error?.code).toBe('room-not-open');
    const wrongSecret = await server.request(
      'PATCH',
      `/api/rooms/${room.code}`,
      { status: 'open' },
      ana.token,
    );
    expect(wrongSecret.status).toBe(403);
    expect(
      (await server.request('PATCH', `/api/rooms/${room.code}`, { status: 'open' }, secret)).json.status,
    ).toBe('open');
    const started = await server.request(
      'POST',
      '/api/runs',
      { scenario: 'dented-shelves', version: VERSION },
      ana.token,
    );
    const run = (started.json as { run: string }).run;
    expect(
      (await server.request('PATCH', `/api/rooms/${room.code}`, { status: 'closed' }, secret)).status,
    ).toBe(200);
    expect(
      (await server.request('POST', `/api/rooms/${room.code}/players`, { nickname: 'Late' })).status,
    ).toBe(403);
    const more = await server.request(
      'POST',
      '/api/runs',
      { scenario: 'dented-shelves', version: VERSION },
      ana.token,
    );
    expect(more.json.error?.code).toBe('room-closed');
    server.clock.now += 60_000;
    const finished = await sendResult(server, ana.token, run, BEST.transcript);
    expect(finished.status).toBe(201);
  });

  it('lets the facilitator change the calls; the boards follow and nothing stored is lost', async () => {
    const { code, secret } = await openRoom(server, ['dented-shelves']);
    const ana = await joinRoom(server, code, 'Ana');
    await playRun(server, ana.token, BEST.transcript);
    const changed = await server.request(
      'PATCH',
      `/api/rooms/${code}`,
      { scenarios: ['fine-whatever'] },
      secret,
    );
    expect(changed.status).toBe(200);
    let snapshot = await board(code);
    expect(Object.keys(snapshot.byScenario)).toEqual(['fine-whatever']);
    expect(snapshot.overall).toEqual([]);
    // The call's results leave the counts and the profile with it.
    expect(snapshot.results).toBe(0);
    expect(snapshot.weakest).toBeNull();
    // The old call no longer starts; putting it back brings its results back.
    const old = await server.request(
      'POST',
      '/api/runs',
      { scenario: 'dented-shelves', version: VERSION },
      ana.token,
    );
    expect(old.json.error?.code).toBe('not-in-room');
    // A call under way when it was taken out is still scored and stored, with no place to show.
    const midCall = await server.request(
      'POST',
      '/api/runs',
      { scenario: 'fine-whatever', version: FINE_VERSION },
      ana.token,
    );
    await server.request('PATCH', `/api/rooms/${code}`, { scenarios: ['dented-shelves'] }, secret);
    server.clock.now += 10 * 60_000;
    const late = await sendResult(
      server,
      ana.token,
      (midCall.json as { run: string }).run,
      golden('fine-whatever-observed').transcript,
    );
    expect(late.status).toBe(201);
    expect((late.json as unknown as ResultAccepted).rank).toEqual({ scenario: null, overall: 1 });
    expect((await board(code)).results).toBe(1);
    await server.request(
      'PATCH',
      `/api/rooms/${code}`,
      { scenarios: ['fine-whatever', 'dented-shelves'] },
      secret,
    );
    snapshot = await board(code);
    expect(snapshot.results).toBe(2);
    expect(snapshot.byScenario['fine-whatever']?.[0]?.nickname).toBe('Ana');
    expect(snapshot.byScenario['dented-shelves']?.[0]).toMatchObject({ nickname: 'Ana', total: BEST.total });
    const empty = await server.request('PATCH', `/api/rooms/${code}`, { scenarios: [] }, secret);
    expect(empty.status).toBe(400);
    const nothing = await server.request('PATCH', `/api/rooms/${code}`, {}, secret);
    expect(nothing.json.error?.message).toMatch(/say what to change/);
  });

  it('explains bad codes, unknown scenarios and unknown fields', async () => {
    expect((await server.request('GET', '/api/rooms/abc')).json.error?.message).toMatch(
      /six letters and digits/,
    );
    expect((await server.request('GET', '/api/rooms/ZZZZZZ')).status).toBe(404);
    const unknown = await server.request('POST', '/api/rooms', { name: 'X', scenarios: ['no-such-call'] });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error?.message).toMatch(/no scenario called "no-such-call"/);
    const extra = await server.request('GET', '/api/health?verbose=1');
    expect(extra.status).toBe(400);
    expect(extra.json.error?.where).toBe('querystring');
    // A token that is not the shape we issue is no token at all.
    const start = { scenario: 'dented-shelves', version: VERSION };
    for (const bad of ['<script>', 'x'.repeat(300), 'short'])
      expect((await server.request('POST', '/api/runs', start, bad)).json.error?.code).toBe('no-token');
    expect((await server.request('POST', '/api/runs', start, 'A'.repeat(32))).json.error?.code).toBe(
      'unknown-player',
    );
    const health = await server.request('GET', '/api/health');
    expect(health.json).toMatchObject({ status: 'ok', db: 'ok', scenarios: LIBRARY.length });
    // Even an address Fastify cannot route is answered in the API's shape, and a long one is cut.
    const broken = await server.request('GET', '/api/rooms/%c0%ae');
    expect(broken.status).toBe(400);
    expect(broken.json.error?.code).toBe('bad-url');
    const long = await server.request('GET', `/api/${'x'.repeat(9000)}`);
    expect(long.json.error?.code).toBe('no-route');
    expect(long.json.error?.message.length).toBeLessThan(120);
  });
});

describe('rooms answered one way', () => {
  const TYPED = typedTranscript(BEST.transcript);

  it('creates a typed room; the room, a join, the player’s own view, the board and the export say so', async () => {
    const created = await server.request('POST', '/api/rooms', {
      name: 'Typed Tuesday',
      scenarios: ['dented-shelves'],
      answers: 'type',
    });
    expect(created.status).toBe(201);
    const { secret, room } = created.json as unknown as RoomCreated;
    expect(room.answers).toBe('type');
    const code = room.code;
    expect((await server.request('GET', `/api/rooms/${code}`)).json).toMatchObject({ code, answers: 'type' });
    // Said once, when the room is made: it cannot be changed, nor be anything but pick or type.
    const change = await server.request('PATCH', `/api/rooms/${code}`, { answers: 'pick' }, secret);
    expect(change.status).toBe(400);
    expect(change.json.error?.message).toMatch(/Unknown field “answers”/);
    const spoken = await server.request('POST', '/api/rooms', {
      name: 'Spoken',
      scenarios: ['dented-shelves'],
      answers: 'speak',
    });
    expect(spoken.status).toBe(400);
    expect(spoken.json.error?.where).toBe('body.answers');
    // A room that does not say is picked, as every room was before.
    const plain = await server.request('POST', '/api/rooms', {
      name: 'Plain',
      scenarios: ['dented-shelves'],
    });
    expect((plain.json as unknown as RoomCreated).room.answers).toBe('pick');

    expect(
      (await server.request('PATCH', `/api/rooms/${code}`, { status: 'open' }, secret)).json,
    ).toMatchObject({ status: 'open', answers: 'type' });
    const joined = await server.request('POST', `/api/rooms/${code}/players`, { nickname: 'Ana' });
    const { token } = joined.json as unknown as Joined;
    expect((joined.json as unknown as Joined).room.answers).toBe('type');
    expect(
      ((await server.request('GET', '/api/me', undefined, token)).json as unknown as Me).room.answers,
    ).toBe('type');
    expect((await playRun(server, token, TYPED)).status).toBe(201);
    const snapshot = await board(code);
    expect(snapshot.room.answers).toBe('type');
    expect(snapshot.overall.map((e) => e.nickname)).toEqual(['Ana']);
    const csv = await server.request('GET', `/api/rooms/${code}/export.csv`, undefined, secret);
    expect(csv.text.trim().split('\r\n')[1]).toMatch(/^Ana,dented-shelves,.*,type$/);
  });

  it('refuses a picked call in a typed room and a typed call in a picked room; the run still counts the room’s way', async () => {
    const typedRoom = await openRoom(server, ['dented-shelves'], 'type');
    const ana = await joinRoom(server, typedRoom.code, 'Ana');
    const picked = await playRun(server, ana.token, BEST.transcript);
    expect(picked.status).toBe(422);
    expect(picked.json.error).toEqual({
      code: 'answers-mismatch',
      message:
        'This room is answered by typing, in your own words, and this call was answered by picking written answers, so it does not count here. Start the call again from the room’s page and type your answers.',
    });
    expect(await storedResults()).toBe(0);
    expect((await board(typedRoom.code)).results).toBe(0);
    // Nothing was used up: the same run counts when it is answered the room's way.
    expect((await sendResult(server, ana.token, picked.run, TYPED)).status).toBe(201);

    const pickedRoom = await openRoom(server, ['dented-shelves'], 'pick');
    const ben = await joinRoom(server, pickedRoom.code, 'Ben');
    const typed = await playRun(server, ben.token, TYPED);
    expect(typed.status).toBe(422);
    expect(typed.json.error?.code).toBe('answers-mismatch');
    expect(typed.json.error?.message).toMatch(
      /^This room is answered by picking written answers, and this call was answered by typing, so it does not count here\./,
    );
    expect((await sendResult(server, ben.token, typed.run, BEST.transcript)).status).toBe(201);
    // Each room ranks its own way only, and nothing stored earlier was lost.
    expect(await storedResults()).toBe(2);
    expect((await board(typedRoom.code)).overall.map((e) => e.nickname)).toEqual(['Ana']);
    expect((await board(pickedRoom.code)).overall.map((e) => e.nickname)).toEqual(['Ben']);
  });

  /**
   * A database as a server before rooms said how they are answered left it: migrated up to 0002,
   * with an open room and a player in it. Returns their secret and token.
   */
  async function databaseBeforeAnswers(dataDir: string): Promise<{ secret: string; token: string }> {
    const old = await bareDatabase(dataDir);
    try {
      const migrator = new Migrator({
        db: old,
        provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
        ...migratorSchema(dataDir),
      });
      expect((await migrator.migrateTo('0002-scoring-version')).error).toBeUndefined();
      const secret = newToken(32);
      const token = newToken(24);
      await sql`INSERT INTO rooms (code, name, secret_hash, status, scenarios, created_at)
        VALUES ('LASTYR', 'Last year', ${hash(secret)}, 'open', '["dented-shelves"]', 1)`.execute(old);
      await sql`INSERT INTO players (id, room_code, nickname, nickname_key, token_hash, joined_at)
        VALUES ('oldPlayer01', 'LASTYR', 'Cy', 'cy', ${hash(token)}, 2)`.execute(old);
      expect(await columnsOf(old, 'rooms')).not.toContain('answers');
      return { secret, token };
    } finally {
      await old.destroy();
    }
  }

  it('keeps the rooms of a database made before rooms said how they are answered as picked', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'keep-cool-db-'));
    const { secret, token } = await databaseBeforeAnswers(dataDir);
    // The server migrates the database as it opens it (and removes the folder after the test).
    server = await suite.restart({ dataDir });
    expect(await server.database.db.selectFrom('rooms').select(['code', 'answers']).execute()).toEqual([
      { code: 'LASTYR', answers: 'pick' },
    ]);
    expect((await server.request('GET', '/api/rooms/LASTYR')).json).toMatchObject({
      name: 'Last year',
      answers: 'pick',
    });
    // The room and its player carry on as before: picked calls count, typed ones do not.
    expect((await playRun(server, token, TYPED)).json.error?.code).toBe('answers-mismatch');
    expect((await playRun(server, token, BEST.transcript)).status).toBe(201);
    expect((await board('LASTYR')).overall.map((e) => e.nickname)).toEqual(['Cy']);
    const closed = await server.request('PATCH', '/api/rooms/LASTYR', { status: 'closed' }, secret);
    expect(closed.json).toMatchObject({ status: 'closed', answers: 'pick' });
  });
});

describe('nickname keys from before look-alikes were told apart by their skeleton', () => {
  it('works every stored key out again: look-alikes already in a room both stay, and newcomers meet them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'keep-cool-db-'));
    const old = await bareDatabase(dataDir);
    const players = [
      // id, nickname, the key the old rule stored, joined at
      ['oldPlayer01', 'Ana', 'ana', 2],
      ['oldPlayer02', 'ᴀɴᴀ', 'ᴀɴᴀ', 3],
      ['oldPlayer03', 'Ernie', 'ernie', 4],
    ] as const;
    const tokens = players.map(() => newToken(24));
    try {
      const migrator = new Migrator({
        db: old,
        provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
        ...migratorSchema(dataDir),
      });
      expect((await migrator.migrateTo('0004-xapi-outbox')).error).toBeUndefined();
      await sql`INSERT INTO rooms (code, name, secret_hash, status, scenarios, created_at, answers)
        VALUES ('KEYSAB', 'Before', ${hash(newToken(32))}, 'open', '["dented-shelves"]', 1, 'pick')`.execute(
        old,
      );
      for (const [i, [id, nickname, key, joined]] of players.entries()) {
        await sql`INSERT INTO players (id, room_code, nickname, nickname_key, token_hash, joined_at)
          VALUES (${id}, 'KEYSAB', ${nickname}, ${key}, ${hash(tokens[i] ?? '')}, ${joined})`.execute(old);
      }
    } finally {
      await old.destroy();
    }
    server = await suite.restart({ dataDir });
    const keys = await server.database.db
      .selectFrom('players')
      .select(['id', 'nickname_key'])
      .orderBy('joined_at')
      .execute();
    // The earlier Ana keeps the key; the small-capital one keeps playing under a key of its own.
    expect(keys).toEqual([
      { id: 'oldPlayer01', nickname_key: 'ana' },
      { id: 'oldPlayer02', nickname_key: 'ana #oldPlayer02' },
      { id: 'oldPlayer03', nickname_key: nicknameKey('Ernie') },
    ]);
    for (const token of tokens) expect((await playRun(server, token, BEST.transcript)).status).toBe(201);
    // A Greek-lettered Ana and a second Ernie are look-alikes of names in the room.
    for (const nickname of ['Αna', 'ERNIE']) {
      const joined = await server.request('POST', '/api/rooms/KEYSAB/players', { nickname });
      expect(joined.json.error?.code).toBe('nickname-taken');
    }
    expect((await board('KEYSAB')).players).toBe(3);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After, per player token and per address', async () => {
    server = await suite.restart({
      rules: { player: { limit: 3, windowMs: 60_000 }, address: { limit: 40, windowMs: 10_000 } },
    });
    const { code } = await openRoom(server);
    const ana = await joinRoom(server, code, 'Ana');
    const ben = await joinRoom(server, code, 'Ben');
    const start = (token: string) =>
      server.request('POST', '/api/runs', { scenario: 'dented-shelves', version: VERSION }, token);
    for (let i = 0; i < 3; i++) expect((await start(ana.token)).status).toBe(201);
    const limited = await start(ana.token);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.json.error?.code).toBe('rate-limited');
    // Ben shares Ana's address (the whole room does) and still has his own allowance.
    expect((await start(ben.token)).status).toBe(201);
    // The window passes and Ana may play again.
    server.clock.now += 60_000;
    expect((await start(ana.token)).status).toBe(201);
    // A flood of tokenless requests from one address is stopped (the players' own requests, with
    // their tokens, did not count here: the window has all its 40 places).
    let status = 0;
    for (let i = 0; i < 41 && status !== 429; i++)
      status = (await server.request('GET', '/api/rooms/ZZZZZZ')).status;
    expect(status).toBe(429);
    // Monitoring still sees the server while the flood is turned away.
    expect((await server.request('GET', '/api/health')).status).toBe(200);
  });
});
