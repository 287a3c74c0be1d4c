/** A workshop's worth of traffic for the crash test and the benchmarks. */
import type { Transcript } from '../../src/engine/index.js';
import { call } from './server-process.js';
import { golden } from './workshop.js';

/** The dented-shelves call played briskly (5 ms between answers), so a run can end at once. */
export function briskTranscript(): Transcript {
  const { transcript } = golden('dented-shelves-tell-me-about-it');
  return { ...transcript, events: transcript.events.map((e, i) => ({ ...e, at: (i + 1) * 5 })) };
}

export interface LoadRoom {
  code: string;
  secret: string;
  tokens: string[];
}

/** Creates and opens a room with the dented-shelves call and joins `players` players to it. */
export async function setUpRoom(url: string, players: number): Promise<LoadRoom> {
  const created = await call(url, 'POST', '/rooms', {
    name: 'Load',
    scenarios: ['dented-shelves'],
  });
  if (created.status !== 201) throw new Error(`room not created: ${JSON.stringify(created.data)}`);
  const { secret, room } = created.data as { secret: string; room: { code: string } };
  await call(url, 'PATCH', `/rooms/${room.code}`, { status: 'open' }, secret);
  const tokens: string[] = [];
  for (let i = 0; i < players; i++) {
    const joined = await call(url, 'POST', `/rooms/${room.code}/players`, {
      nickname: `Player ${i + 1}`,
    });
    if (joined.status !== 201) throw new Error(`join refused: ${JSON.stringify(joined.data)}`);
    tokens.push((joined.data as { token: string }).token);
  }
  return { code: room.code, secret, tokens };
}

/** Starts a run for the player; returns its token. */
export async function startRun(url: string, token: string): Promise<string> {
  const { version } = golden('dented-shelves-tell-me-about-it').transcript.scenario;
  const started = await call(url, 'POST', '/runs', { scenario: 'dented-shelves', version }, token);
  if (started.status !== 201) throw new Error(`run refused: ${JSON.stringify(started.data)}`);
  return (started.data as { run: string }).run;
}

/** Sends the run's transcript; the status says whether it was stored (201). */
export async function submit(
  url: string,
  token: string,
  run: string,
  transcript: Transcript,
): Promise<number> {
  return (await call(url, 'POST', '/results', { run, transcript }, token)).status;
}
