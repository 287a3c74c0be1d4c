/**
 * Talking to our own workshop server (and nothing else). Every call answers with data or with a
 * reason a person can read; "offline" means the server could not be reached at all, so the caller
 * keeps what it has and tries again later. Every reply is read by the endpoint table's schemas
 * (src/api/endpoints.ts), the same ones the server writes it with: a reply that does not fit is a
 * refusal with code 'bad-reply' that says so, never a crash further on.
 */
import {
  API_ROOT,
  ApiError,
  endpointFor,
  pathOf,
  type BodyOf,
  type Endpoint,
  type Method,
  type ReplyOf,
} from '../../api/api.js';

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | {
      ok: false;
      status: number;
      code: string;
      message: string;
      offline: boolean;
      retryAfterSeconds?: number;
    };

export interface ApiClient {
  /**
   * Calls `path` (after /api) with `method`. `T` names what the endpoint answers; the reply is
   * checked against the endpoint's schema before it is handed over.
   */
  call<T>(method: Method, path: string, body?: unknown, token?: string): Promise<ApiResult<T>>;
}

const OFFLINE_MESSAGE = 'The workshop server cannot be reached. Check the Wi-Fi; nothing you finish is lost.';

/** The refusal for a reply this page cannot read (a server newer or older than the page, or a bug). */
function unreadable(status: number, why: string): ApiResult<never> {
  return {
    ok: false,
    status,
    code: 'bad-reply',
    message: `The workshop server’s answer could not be read (${why}). Reload the page; nothing you finished is lost.`,
    offline: false,
  };
}

/** Reads a success by its endpoint: the schema for its status, as text, or nothing. */
function readSuccess(endpoint: Endpoint, status: number, text: string): ApiResult<unknown> {
  if (endpoint.reply === 'none') return { ok: true, status, data: undefined };
  if (endpoint.reply === 'text' || endpoint.reply === 'events') return { ok: true, status, data: text };
  const schema = endpoint.schema.response[status];
  if (!schema) return unreadable(status, `status ${status} was not expected`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return unreadable(status, 'it is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, status, data: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.map(String).join('.') || 'the reply';
  return unreadable(status, `${where}: ${issue?.message ?? 'not as expected'}`);
}

/** The refusal in an error reply, if the reply is one of ours. */
function refusalIn(text: string): ApiError['error'] | undefined {
  try {
    const parsed = ApiError.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.error : undefined;
  } catch {
    return undefined;
  }
}

export function apiClient(base = '', fetcher: typeof fetch = (...args) => fetch(...args)): ApiClient {
  return {
    async call<T>(method: Method, path: string, body?: unknown, token?: string): Promise<ApiResult<T>> {
      const endpoint = endpointFor(method, path);
      if (!endpoint) return unreadable(0, `${method} ${path} is not part of the workshop API`);
      let response: Response;
      try {
        response = await fetcher(`${base}${API_ROOT}${path}`, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch {
        return { ok: false, status: 0, code: 'offline', message: OFFLINE_MESSAGE, offline: true };
      }
      const text = await response.text().catch(() => '');
      // The schema is the endpoint's own: what it gives back is that endpoint's reply, T.
      if (response.ok) return readSuccess(endpoint, response.status, text) as ApiResult<T>;
      const error = refusalIn(text);
      // A proxy's or a restarting server's error page is not a refusal of what we sent.
      const unreachable = !error && (response.status >= 500 || response.status === 404);
      const retryAfter = Number(response.headers.get('retry-after'));
      return {
        ok: false,
        status: response.status,
        code: error?.code ?? (unreachable ? 'offline' : 'http'),
        message:
          error?.message ?? (unreachable ? OFFLINE_MESSAGE : `The server answered ${response.status}.`),
        offline: unreachable,
        ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
      };
    },
  };
}

/**
 * Calls an endpoint of the table with its parameters filled in; the reply's type comes from the
 * table, so nothing is named twice (`send(api, ENDPOINTS.join, { params: { code }, body })`).
 */
export function send<const E extends Endpoint>(
  api: ApiClient,
  endpoint: E,
  request: { params?: Readonly<Record<string, string>>; body?: BodyOf<E>; token?: string } = {},
): Promise<ApiResult<ReplyOf<E>>> {
  return api.call<ReplyOf<E>>(endpoint.method, pathOf(endpoint, request.params), request.body, request.token);
}

/**
 * Worth trying again later: no answer, too many requests, the server failing for now, or an answer
 * this page could not read (after a reload it can; a result sent again counts once).
 */
export function isTransient(result: { ok: false; status: number; offline: boolean; code: string }): boolean {
  return result.offline || result.status === 429 || result.status >= 500 || result.code === 'bad-reply';
}
