/**
 * Preloaded (`--import`) into a server started by server-process.ts: tells the parent over IPC
 * when a socket starts listening, so the parent waits on that and not on a polling loop.
 */
import { Server } from 'node:net';

// The channel must not keep the server alive: it exits when it is done, as it would on its own.
process.channel?.unref();
const emit = Reflect.get(Server.prototype, 'emit') as (
  this: Server,
  event: string | symbol,
  ...args: unknown[]
) => boolean;
Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
  if (event === 'listening') process.send?.({ listening: this.address() });
  return emit.call(this, event, ...args);
};
