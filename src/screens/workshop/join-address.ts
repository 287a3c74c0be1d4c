/**
 * Where other devices open this page: attendees' phones, a co-facilitator's laptop. On the
 * facilitator's own laptop the page may be at localhost, which they cannot reach: then the
 * server's address on the network is asked for.
 */
import { ENDPOINTS } from '../../api/api.js';
import { send, type ApiClient } from './api-client.js';
import { joinHref } from './routes.js';

/**
 * Calls `show` with the page's address and `fragment` (a route, like `#/join/K7PX3M`) as the page
 * sees it, then again if the server knows a better one.
 */
export function reachableAddress(api: ApiClient, fragment: string, show: (address: string) => void): void {
  const at = (origin: string) => `${origin}${window.location.pathname}${fragment}`;
  show(at(window.location.origin));
  if (!/^(localhost|127\.|\[::1\])/.test(window.location.hostname)) return;
  void send(api, ENDPOINTS.info).then((reply) => {
    if (reply.ok && reply.data.publicUrl) show(at(reply.data.publicUrl.replace(/\/$/, '')));
  });
}

/** Where attendees join a room. */
export function joinAddress(api: ApiClient, code: string, show: (address: string) => void): void {
  reachableAddress(api, joinHref(code), show);
}
