/** What every route plugin shares: the endpoint table as Fastify route options, and its helpers. */
import { API_ROOT, type Endpoint } from '../../api/endpoints.js';
import type { LiveBoards } from '../live.js';
import type { Guard } from '../plugins/guard.js';
import type { Workshop } from '../workshop.js';

/** What the route plugins are given. */
export interface RouteOptions {
  workshop: Workshop;
  guard: Guard;
}

export interface BoardRouteOptions extends RouteOptions {
  /** The live boards, which count their streams by holder (see StreamLimits in ../live.ts). */
  live: LiveBoards;
}

/** An endpoint of the table as the start of Fastify's route options: method, URL and schemas. */
export function at<const E extends Endpoint>(
  endpoint: E,
): { method: E['method']; url: string; schema: E['schema'] } {
  return { method: endpoint.method, url: `${API_ROOT}${endpoint.path}`, schema: endpoint.schema };
}
