/** A live board stream read the way a projector reads it, for tests on a real socket. */
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { expect } from 'vitest';
import type { BoardSnapshot } from '../../src/api/api.js';

/**
 * Reads an event stream, handing each `board` event's data to the test as it arrives; `next` gives
 * up after `timeoutMs`, an upper bound for a busy machine, not a measure of speed.
 */
export async function listen(
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
    async next(timeoutMs = 10_000) {
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

/** A response as LiveBoards sees it, with a buffer a test can pretend is full. */
export class FakeResponse extends EventEmitter {
  writableLength = 0;
  destroyed = false;
  readonly written: string[] = [];
  writeHead(): this {
    return this;
  }
  write(chunk: string): boolean {
    this.written.push(chunk);
    return true;
  }
  end(): void {
    this.emit('close');
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }
  /** How many boards were sent. */
  get boards(): number {
    return this.events('board').length;
  }
  /** The data of every event called `name`, in order. */
  events<T>(name: string): T[] {
    return this.written
      .filter((w) => w.includes(`event: ${name}\n`))
      .map((w) => JSON.parse(/^data: (.*)$/m.exec(w)?.[1] ?? 'null') as T);
  }
  as(): ServerResponse {
    return this as unknown as ServerResponse;
  }
}
