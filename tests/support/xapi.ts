/** learninglocker's xAPI validator, and a stub LRS that records what reaches it. */
import { createRequire } from 'node:module';
import type { LrsFetch } from '../../src/server/xapi.js';

interface Warning {
  path?: unknown[];
  name?: string;
  message?: string;
}
type Validate = (statement: unknown) => Warning[];

const require = createRequire(import.meta.url);
// A CommonJS library without types: its default export checks one statement, listing what is wrong.
const validate = (require('@learninglocker/xapi-validation') as { default: Validate }).default;

/** What is wrong with a statement by the xAPI 1.0.3 rules, one line per problem (none: valid). */
export function xapiProblems(statement: unknown): string[] {
  return validate(statement).map((w) =>
    `${(w.path ?? []).map(String).join('.')}: ${w.name ?? 'warning'} ${w.message ?? ''}`.trim(),
  );
}

export interface LrsRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string;
  /** What the stub answered: a status, or 'down' when the connection failed. */
  status?: number | 'down' | 'hung';
}

/** How a request is answered instead of the LRS's own rules. */
export type Forced = number | Response | 'down' | 'hang' | 'lose-reply';

/**
 * An LRS behind an injected fetch: it keeps one statement per id (PUT /statements?statementId=…),
 * answers 204 to a statement it takes or already has (with the same content), and records every
 * request. `answer` can take over a request: a status or a reply to give, 'down' for no
 * connection, 'hang' for a reply that never comes (until the sender gives up on it), or
 * 'lose-reply' to keep the statement and lose the reply on the way back.
 */
export class StubLrs {
  readonly requests: LrsRequest[] = [];
  /** Statements kept, by id, in the order they first arrived. */
  readonly stored = new Map<string, Record<string, unknown>>();
  answer: (request: LrsRequest) => Forced | null = () => null;
  private waiting: ((request: LrsRequest) => void)[] = [];

  /** Resolves with the next request that reaches the LRS (a signal, not a sleep). */
  nextRequest(): Promise<LrsRequest> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  readonly fetch: LrsFetch = (url, init) => {
    const request: LrsRequest = {
      url: new URL(url),
      method: init.method,
      headers: Object.fromEntries(Object.entries(init.headers).map(([k, v]) => [k.toLowerCase(), v])),
      body: init.body,
    };
    this.requests.push(request);
    for (const tell of this.waiting.splice(0)) tell(request);
    let forced = this.answer(request);
    if (forced === 'down') {
      request.status = 'down';
      return Promise.reject(new TypeError('fetch failed: connection refused'));
    }
    if (forced === 'hang') {
      request.status = 'hung';
      return new Promise((_resolve, reject) => {
        init.signal.addEventListener('abort', () => {
          reject(new Error('aborted'));
        });
      });
    }
    if (typeof forced === 'number') forced = new Response(`forced ${forced}`, { status: forced });
    if (forced instanceof Response) {
      request.status = forced.status;
      return Promise.resolve(forced);
    }
    const reply = this.take(request);
    request.status = reply.status;
    if (forced === 'lose-reply') {
      request.status = 'down';
      return Promise.reject(new TypeError('fetch failed: socket hang up'));
    }
    return Promise.resolve(reply);
  };

  private take(request: LrsRequest): Response {
    const id = request.url.searchParams.get('statementId') ?? '';
    const statement = JSON.parse(request.body) as Record<string, unknown>;
    if (statement.id !== id) return new Response('id differs', { status: 400 });
    const held = this.stored.get(id);
    if (held && JSON.stringify(held) !== request.body) {
      return new Response('another statement has this id', { status: 409 });
    }
    if (!held) this.stored.set(id, statement);
    return new Response(null, { status: 204 });
  }

  /** The statements kept, in arrival order. */
  statements(): Record<string, unknown>[] {
    return [...this.stored.values()];
  }

  /** The PUTs that carried each statement id, counted. */
  putsById(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.requests) {
      const id = r.url.searchParams.get('statementId') ?? '';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }
}
