/**
 * The workshop API as a table: each endpoint's method, address and the schemas of what it takes
 * and what it answers. The server registers its routes from this table and the page reads every
 * reply by it, so the two cannot drift apart.
 */
import type { z } from 'zod';
import {
  BoardSnapshot,
  Health,
  Joined,
  Library,
  LrsStatus,
  Me,
  PlayerList,
  ResultAccepted,
  RoomCreated,
  RoomInfo,
  RunStarted,
  ServerInfo,
  TeamList,
} from './replies.js';
import {
  CreateRoomBody,
  JoinBody,
  LrsConfigBody,
  PlayerParams,
  ResultBody,
  RoomCodeParams,
  SetTeamsBody,
  StartRunBody,
  StreamQuery,
  UpdateRoomBody,
} from './requests.js';
import { MapView, MapViewBody, RoomMap } from './map-replies.js';

/** Every endpoint's address starts with this. */
export const API_ROOT = '/api';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Endpoint {
  method: Method;
  /** The address after API_ROOT, with `:name` for each path parameter. */
  path: string;
  schema: {
    params?: z.ZodType;
    /** What the address's query may hold (nothing, unless said). */
    querystring?: z.ZodType;
    body?: z.ZodType;
    /** The JSON replies that are not refusals, by status code. */
    response: Readonly<Record<number, z.ZodType>>;
  };
  /**
   * What a success carries when it is not JSON: text (the CSV export), nothing (204), or a stream
   * of events whose data each fit `event`.
   */
  reply?: 'text' | 'none' | 'events';
  event?: z.ZodType;
}

export const ENDPOINTS = {
  health: { method: 'GET', path: '/health', schema: { response: { 200: Health, 503: Health } } },
  scenarios: { method: 'GET', path: '/scenarios', schema: { response: { 200: Library } } },
  info: { method: 'GET', path: '/info', schema: { response: { 200: ServerInfo } } },
  createRoom: {
    method: 'POST',
    path: '/rooms',
    schema: { body: CreateRoomBody, response: { 201: RoomCreated } },
  },
  room: {
    method: 'GET',
    path: '/rooms/:code',
    schema: { params: RoomCodeParams, response: { 200: RoomInfo } },
  },
  updateRoom: {
    method: 'PATCH',
    path: '/rooms/:code',
    schema: { params: RoomCodeParams, body: UpdateRoomBody, response: { 200: RoomInfo } },
  },
  players: {
    method: 'GET',
    path: '/rooms/:code/players',
    schema: { params: RoomCodeParams, response: { 200: PlayerList } },
  },
  join: {
    method: 'POST',
    path: '/rooms/:code/players',
    schema: { params: RoomCodeParams, body: JoinBody, response: { 201: Joined } },
  },
  removePlayer: {
    method: 'DELETE',
    path: '/rooms/:code/players/:player',
    schema: { params: PlayerParams, response: {} },
    reply: 'none',
  },
  exportCsv: {
    method: 'GET',
    path: '/rooms/:code/export.csv',
    schema: { params: RoomCodeParams, response: {} },
    reply: 'text',
  },
  board: {
    method: 'GET',
    path: '/rooms/:code/board',
    schema: { params: RoomCodeParams, response: { 200: BoardSnapshot } },
  },
  events: {
    method: 'GET',
    path: '/rooms/:code/events',
    schema: { params: RoomCodeParams, querystring: StreamQuery, response: {} },
    reply: 'events',
    event: BoardSnapshot,
  },
  lrs: {
    method: 'GET',
    path: '/rooms/:code/lrs',
    schema: { params: RoomCodeParams, response: { 200: LrsStatus } },
  },
  setLrs: {
    method: 'POST',
    path: '/rooms/:code/lrs',
    schema: { params: RoomCodeParams, body: LrsConfigBody, response: { 200: LrsStatus } },
  },
  removeLrs: {
    method: 'DELETE',
    path: '/rooms/:code/lrs',
    schema: { params: RoomCodeParams, response: { 200: LrsStatus } },
  },
  teams: {
    method: 'GET',
    path: '/rooms/:code/teams',
    schema: { params: RoomCodeParams, response: { 200: TeamList } },
  },
  setTeams: {
    method: 'POST',
    path: '/rooms/:code/teams',
    schema: { params: RoomCodeParams, body: SetTeamsBody, response: { 200: TeamList } },
  },
  // The debrief's decision map (docs/workshop.md, "The decision map").
  decisionMap: {
    method: 'GET',
    path: '/rooms/:code/map',
    schema: { params: RoomCodeParams, response: { 200: RoomMap } },
  },
  setMapView: {
    method: 'POST',
    path: '/rooms/:code/map-view',
    schema: { params: RoomCodeParams, body: MapViewBody, response: { 200: MapView } },
  },
  decisionsCsv: {
    method: 'GET',
    path: '/rooms/:code/decisions.csv',
    schema: { params: RoomCodeParams, response: {} },
    reply: 'text',
  },
  me: { method: 'GET', path: '/me', schema: { response: { 200: Me } } },
  startRun: { method: 'POST', path: '/runs', schema: { body: StartRunBody, response: { 201: RunStarted } } },
  submitResult: {
    method: 'POST',
    path: '/results',
    schema: { body: ResultBody, response: { 200: ResultAccepted, 201: ResultAccepted } },
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;

/** An endpoint's address as a pattern: each `:name` stands for one segment. */
function pattern(path: string): RegExp {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-z]+/g, '[^/?#]+');
  return new RegExp(`^${escaped}(?:[?#].*)?$`);
}

const PATTERNS: readonly [Endpoint, RegExp][] = Object.values(ENDPOINTS).map((e: Endpoint) => [
  e,
  pattern(e.path),
]);

/** The endpoint a call goes to, from its method and its address after API_ROOT (`/rooms/K7PX3M`). */
export function endpointFor(method: Method, path: string): Endpoint | undefined {
  return PATTERNS.find(([e, p]) => e.method === method && p.test(path))?.[0];
}

/** What a success of this endpoint carries, as the page reads it. */
export type ReplyOf<E extends Endpoint> = E['reply'] extends 'text'
  ? string
  : E['reply'] extends 'none'
    ? undefined
    : z.output<E['schema']['response'][keyof E['schema']['response']]>;

/** The body this endpoint takes, as the page writes it (nothing when it takes none). */
export type BodyOf<E extends Endpoint> = E['schema']['body'] extends z.ZodType
  ? z.input<E['schema']['body']>
  : undefined;

/** The endpoint's address after API_ROOT with its `:name`s filled in (`/rooms/K7PX3M/players`). */
export function pathOf(endpoint: Endpoint, params: Readonly<Record<string, string>> = {}): string {
  return endpoint.path.replace(/:([a-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
