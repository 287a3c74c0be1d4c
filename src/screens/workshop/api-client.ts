/**
 * Talking to our own workshop server (and nothing else). Every call answers with data or with a
 * refusal: a stable code and a sentence (the server's, in English; the page's own in the page's
 * language), which `refusalText` (refusals.ts) words for the page. "Offline" means the server could
 * not be reached at all, so the caller keeps what it has and tries again later. Every reply is read by the endpoint table's schemas
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
import { t } from '../i18n/index.js';

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | {
      ok: false;
      status: number;
      code: string;
      message: string;
      offline: boolean;
      retryAfterSeconds?: number;
      /** Why a reply could not be read (code 'bad-reply'). */
      detail?: string;
    };

export interface ApiClient {
  /**
   * Calls `path` (after /api) with `method`. `T` names what the endpoint answers; the reply is
   * checked against the endpoint's schema before it is handed over.
   */
  call<T>(method: Method, path: string, body?: unknown, token?: string): Promise<ApiResult<T>>;
}

/** The refusal for a reply this page cannot read (a server newer or older than the page, or a bug). */
function unreadable(status: number, why: string): ApiResult<never> {
  return {
    ok: false,
    status,
    code: 'bad-reply',
    message: t('player.refusal.bad-reply', { detail: why }),
    offline: false,
    detail: why,
  };
}

/** Reads a success by its endpoint: the schema for its status, as text, or nothing. */
function readSuccess(endpoint: Endpoint, status: number, text: string): ApiResult<unknown> {
  if (endpoint.reply === 'none') return { ok: true, status, data: undefined };
  if (endpoint.reply === 'text' || endpoint.reply === 'events') return { ok: true, status, data: text };
  const schema = endpoint.schema.response[status];
  if (!schema) return unreadable(status, t('player.api.status', { status: String(status) }));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return unreadable(status, t('player.api.notJson'));
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, status, data: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.map(String).join('.') || t('player.api.theReply');
  return unreadable(status, `${where}: ${issue?.message ?? t('player.api.unexpected')}`);
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
      if (!endpoint) return unreadable(0, t('player.api.notInApi', { method, path }));
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
        return { ok: false, status: 0, code: 'offline', message: t('player.refusal.offline'), offline: true };
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
          error?.message ??
          (unreachable
            ? t('player.refusal.offline')
            : t('player.refusal.http', { status: String(response.status) })),
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
