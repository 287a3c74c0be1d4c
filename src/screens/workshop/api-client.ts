/**
 * Talking to our own workshop server (and nothing else). Every call answers with data or with a
 * reason a person can read; "offline" means the server could not be reached at all, so the caller
 * keeps what it has and tries again later.
 */
import type { ApiError } from '../../api/api.js';

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
  call<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<ApiResult<T>>;
}

const OFFLINE_MESSAGE = 'The workshop server cannot be reached. Check the Wi-Fi; nothing you finish is lost.';

export function apiClient(base = '', fetcher: typeof fetch = (...args) => fetch(...args)): ApiClient {
  return {
    async call<T>(
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      path: string,
      body?: unknown,
      token?: string,
    ): Promise<ApiResult<T>> {
      let response: Response;
      try {
        response = await fetcher(`${base}/api${path}`, {
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
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      if (response.ok) return { ok: true, status: response.status, data: (json ?? text) as T };
      const error = (json as Partial<ApiError> | null)?.error;
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

/** Worth trying again later: no answer, too many requests, or the server failing for now. */
export function isTransient(result: { ok: false; status: number; offline: boolean }): boolean {
  return result.offline || result.status === 429 || result.status >= 500;
}
