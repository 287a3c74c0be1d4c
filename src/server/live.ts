/**
 * Live boards over Server-Sent Events. Every client gets the room's whole board when it connects
 * (so a reconnecting client catches up at once, whatever it missed), then again after each change.
 * Changes close together are sent as one, at most every `throttleMs`.
 */
import type { ServerResponse } from 'node:http';
import type { Workshop } from './workshop.js';

/**
 * Places sent per board on the live stream (the projector shows fewer, and says how many more
 * there are). Every change sends the whole board to every screen, so the cap keeps a frame a few
 * kilobytes whatever the room's size; a phone that names its player is sent its own places too.
 */
export const LIVE_PLACES = 25;
const HEARTBEAT_MS = 20_000;
/**
 * A client this far behind (a phone on a bad network, a reader that stopped reading) is cut off
 * rather than buffered without end: it reconnects and the first frame brings it up to date.
 */
export const MAX_BUFFERED_BYTES = 256 * 1024;

export class LiveBoards {
  private readonly rooms = new Map<string, Set<ServerResponse>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastSent = new Map<string, number>();
  private readonly byAddress = new Map<string, number>();
  /** The player a client watches as, when it said (its phone): sent its own places after each board. */
  private readonly watchers = new Map<ServerResponse, string>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly workshop: Workshop,
    private readonly throttleMs = 100,
    private readonly onError: (error: unknown) => void = () => undefined,
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

  /** How many streams are open from one address. */
  streamsFrom(address: string): number {
    return this.byAddress.get(address) ?? 0;
  }

  /**
   * Starts the event stream on `res` and sends the board as it is now. The stream counts against
   * `address` from the moment this is called (before any await), so a caller that checked
   * `streamsFrom` in the same tick cannot be overtaken.
   */
  async connect(room: string, address: string, res: ServerResponse, player?: string): Promise<void> {
    // Gone already (while its room was looked up): its close has been and will not come again.
    if (res.destroyed) return;
    this.byAddress.set(address, this.streamsFrom(address) + 1);
    let set: Set<ServerResponse> | undefined;
    const stream = { closed: false };
    // Listen for the close first: a client may leave while the board is being read.
    res.on('close', () => {
      stream.closed = true;
      const left = this.streamsFrom(address) - 1;
      if (left > 0) this.byAddress.set(address, left);
      else this.byAddress.delete(address);
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
    if (player !== undefined) {
      this.watchers.set(res, player);
      const place = (await this.workshop.places(room))(player);
      // Gone while its place was read: its close has taken it out of the room.
      if (place && set.has(res)) send(res, placeFrame(place));
    }
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

function frame(id: number, data: unknown): string {
  return `id: ${id}\nevent: board\ndata: ${JSON.stringify(data)}\n\n`;
}
