/**
 * Where attendees' phones open a room. On the facilitator's own laptop the page may be at
 * localhost, which a phone cannot reach: then the server's address on the network is asked for.
 */
import type { ApiClient } from './api-client.js';

/** Calls `show` with the address as the page sees it, then again if the server knows a better one. */
export function joinAddress(api: ApiClient, code: string, show: (address: string) => void): void {
  const at = (origin: string) => `${origin}${window.location.pathname}#/join/${code}`;
  show(at(window.location.origin));
  if (!/^(localhost|127\.|\[::1\])/.test(window.location.hostname)) return;
  void api.call<{ publicUrl: string | null }>('GET', '/info').then((reply) => {
    if (reply.ok && reply.data.publicUrl) show(at(reply.data.publicUrl.replace(/\/$/, '')));
  });
}
