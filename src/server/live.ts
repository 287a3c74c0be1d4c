/**
 * Live boards over Server-Sent Events. Every client gets the room's whole board when it connects
 * (so a reconnecting client catches up at once, whatever it missed), then again after each change.
 * Changes close together are sent as one, at most every `throttleMs`.
 */
import type { ServerResponse } from 'node:http';
import type { StreamLimits } from './limits.js';
import type { Workshop } from './workshop.js';

/**
 * Places sent per board on the live stream (the projector shows fewer, and says how many more
 * there are). Every change sends the whole board to every screen, so the cap keeps a frame a few
 * kilobytes whatever the room's size; a phone holding its player's token is sent its own places too.
 */
export const LIVE_PLACES = 25;
const HEARTBEAT_MS = 20_000;
/**
 * A client this far behind (a phone on a bad network, a reader that stopped reading) is cut off
 * rather than buffered without end: it reconnects and the first frame brings it up to date.
 */
export const MAX_BUFFERED_BYTES = 256 * 1024;

/** Who opens a stream: the address it comes from, and the key it holds (null: anonymous). */
export interface StreamHolder {
  address: string;
  key: string | null;
}

export class LiveBoards {
  private readonly rooms = new Map<string, Set<ServerResponse>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastSent = new Map<string, number>();
  /** Anonymous streams open, per address and per address and room. */
  private readonly byAddress = new Map<string, number>();
  private readonly byAddressRoom = new Map<string, number>();
  /** Streams with a key, oldest first, per key. */
  private readonly byKey = new Map<string, ServerResponse[]>();
  /** The player whose token holds a stream (their phone): sent their own places after each board. */
  private readonly watchers = new Map<ServerResponse, string>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly workshop: Workshop,
    private readonly throttleMs = 100,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly limits: StreamLimits = { perAddress: Infinity, perRoom: Infinity, perKey: Infinity },
  ) {
    this.unsubscribe = workshop.onChange((room) => {
      this.schedule(room);
    });
    // A comment now and then keeps proxies and phones from dropping a quiet stream.
    this.heartbeat = setInterval(() => {
      for (const clients of this.rooms.values()) for (const res of clients) send(res, ': still here\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** How many clients are listening, in all rooms. */
  get clients(): number {
    let n = 0;
    for (const set of this.rooms.values()) n += set.size;
    return n;
  }

  /** How many anonymous streams are open from one address. */
  streamsFrom(address: string): number {
    return this.byAddress.get(address) ?? 0;
  }

  /** How many streams hold `key`. */
  streamsWith(key: string): number {
    return this.byKey.get(key)?.length ?? 0;
  }

  /**
   * Whether a stream of `room` from `from` may open now (see StreamLimits). A keyed stream always
   * may; an anonymous one within its address's and room's allowance. Call `connect` in the same
   * tick, so no other stream can take the place in between.
   */
  admits(room: string, from: StreamHolder): boolean {
    if (from.key !== null) return true;
    return (
      this.streamsFrom(from.address) < this.limits.perAddress &&
      (this.byAddressRoom.get(roomKey(from.address, room)) ?? 0) < this.limits.perRoom
    );
  }

  /**
   * Starts the event stream on `res` and sends the board as it is now. The stream is counted from
   * the moment this is called (before any await), so a caller that checked `admits` in the same
   * tick cannot be overtaken.
   */
  async connect(
    room: string,
    address: string,
    res: ServerResponse,
    key: string | null = null,
    player: string | null = null,
  ): Promise<void> {
    // Gone already (while its room was looked up): its close has been and will not come again.
    if (res.destroyed) return;
    const release = this.count(room, { address, key }, res);
    let set: Set<ServerResponse> | undefined;
    const stream = { closed: false };
    // Listen for the close first: a client may leave while the board is being read.
    res.on('close', () => {
      stream.closed = true;
      release();
      this.watchers.delete(res);
      if (!set) return;
      set.delete(res);
      if (set.size === 0 && this.rooms.get(room) === set) this.rooms.delete(room);
    });
    const snapshot = await this.workshop.snapshot(room);
    if (stream.closed) return;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // Reconnect quickly after a drop; the first message after it brings the client up to date.
    res.write(`retry: 1500\n\n`);
    set = this.rooms.get(room);
    if (!set) {
      set = new Set();
      this.rooms.set(room, set);
    }
    set.add(res);
    res.write(frame(snapshot.revision, snapshot));
    if (player !== null) {
      this.watchers.set(res, player);
      const place = (await this.workshop.places(room))(player);
      // Gone while its place was read: its close has taken it out of the room.
      if (place && set.has(res)) send(res, placeFrame(place));
    }
  }

  /** Counts a new stream against its holder; returns what uncounts it when it closes. */
  private count(room: string, from: StreamHolder, res: ServerResponse): () => void {
    const { key } = from;
    if (key !== null) {
      const held = this.byKey.get(key) ?? [];
      // Past its allowance, the key's oldest stream makes way (it closes, and uncounts itself).
      while (held.length >= this.limits.perKey) held.shift()?.end();
      held.push(res);
      this.byKey.set(key, held);
      return () => {
        const left = (this.byKey.get(key) ?? []).filter((r) => r !== res);
        if (left.length > 0) this.byKey.set(key, left);
        else this.byKey.delete(key);
      };
    }
    const pair = roomKey(from.address, room);
    bump(this.byAddress, from.address, 1);
    bump(this.byAddressRoom, pair, 1);
    return () => {
      bump(this.byAddress, from.address, -1);
      bump(this.byAddressRoom, pair, -1);
    };
  }

  private schedule(room: string): void {
    if (!this.rooms.has(room) || this.timers.has(room)) return;
    const wait = Math.max(0, (this.lastSent.get(room) ?? 0) + this.throttleMs - Date.now());
    this.timers.set(
      room,
      setTimeout(() => {
        this.timers.delete(room);
        this.lastSent.set(room, Date.now());
        this.broadcast(room).catch(this.onError);
      }, wait),
    );
  }

  private async broadcast(room: string): Promise<void> {
    const clients = this.rooms.get(room);
    if (!clients) return;
    const snapshot = await this.workshop.snapshot(room);
    const message = frame(snapshot.revision, snapshot);
    const placeOf = await this.workshop.places(room);
    for (const res of clients) {
      send(res, message);
      const player = this.watchers.get(res);
      const place = player === undefined ? null : placeOf(player);
      if (place) send(res, placeFrame(place));
    }
  }

  /** Ends every stream (shutdown): clients will reconnect to the next server. */
  close(): void {
    this.unsubscribe();
    clearInterval(this.heartbeat);
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const set of this.rooms.values()) for (const res of set) res.end();
    this.rooms.clear();
  }
}

/** Writes to a client unless it is too far behind, in which case it is cut off to catch up later. */
function send(res: ServerResponse, message: string): void {
  if (res.writableLength > MAX_BUFFERED_BYTES) res.destroy();
  else res.write(message);
}

/** A player's own places: no id, so a reconnect still asks from the board's revision. */
function placeFrame(data: unknown): string {
  return `event: place\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Adds `by` to a count in `counts`, forgetting counts that reach zero. */
function bump(counts: Map<string, number>, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}

function roomKey(address: string, room: string): string {
  return `${room}|${address}`;
}

function frame(id: number, data: unknown): string {
  return `id: ${id}\nevent: board\ndata: ${JSON.stringify(data)}\n\n`;
}
