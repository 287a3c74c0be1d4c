/**
 * Every refusal in the API's one shape, `{ error: { code, message, where? } }`: the workshop's own
 * refusals, requests that do not fit their schema (a 400 that says where and how), bodies too large
 * or not JSON, addresses with no route, and anything unexpected (a 500 that says what to do).
 */
import type {
  FastifyPluginCallback,
  FastifyReply,
  FastifySchemaValidationError,
  FastifyServerOptions,
} from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiError } from '../../api/api.js';
import { WorkshopError } from '../workshop-error.js';

/** Sends a refusal in the API's shape. */
export function refuse(reply: FastifyReply, refusal: WorkshopError): FastifyReply {
  const body: ApiError = {
    error: {
      code: refusal.code,
      message: refusal.message,
      ...(refusal.where ? { where: refusal.where } : {}),
    },
  };
  return reply.code(refusal.status).headers(refusal.headers).type('application/json').send(body);
}

/** A path as far as a message needs it: a very long one is cut. */
function shorten(path: string): string {
  return path.length > 80 ? `${path.slice(0, 80)}…` : path;
}

/**
 * A request that does not fit its schema, as a refusal: the first problem, with where it is
 * (`body.transcript.events.3`) and, for a field the request does not take, which one.
 */
function invalidRequest(issue: FastifySchemaValidationError, part: string): WorkshopError {
  const keys =
    issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)
      ? issue.params.keys.map(String)
      : null;
  const message = keys
    ? `Unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `“${k}”`).join(', ')}: this request takes no such thing.`
    : (issue.message ?? 'invalid request');
  // The type provider writes zod's path as /transcript/events/3; the API says body.transcript.events.3.
  const where = [part, ...issue.instancePath.split('/').filter((step) => step !== '')].join('.');
  return new WorkshopError(400, 'invalid-request', message, where);
}

/** For Fastify's constructor: a URL it cannot even route (a broken %-escape), in the API's shape. */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (
  error,
  _request,
  reply,
) => {
  void refuse(reply, new WorkshopError(400, 'bad-url', `The address cannot be read: ${error.message}`));
};

const errors: FastifyPluginCallback = (app, _options, done) => {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof WorkshopError) return refuse(reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const [issue] = error.validation;
      if (issue) return refuse(reply, invalidRequest(issue, error.validationContext ?? 'request'));
    }
    const failure = error as { code?: string; statusCode?: number; message?: string };
    if (failure.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return refuse(
        reply,
        new WorkshopError(413, 'too-large', 'The request body is too large for this server.'),
      );
    }
    if (failure.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return refuse(reply, new WorkshopError(415, 'json-only', 'Send the body as application/json.'));
    }
    if (failure.statusCode !== undefined && failure.statusCode >= 400 && failure.statusCode < 500) {
      return refuse(
        reply,
        new WorkshopError(failure.statusCode, 'bad-request', failure.message ?? 'bad request'),
      );
    }
    if (failure.code === 'FST_ERR_RESPONSE_SERIALIZATION') {
      // A reply that does not fit its schema is the server's bug; what was asked may have been done.
      request.log.error({ err: error }, 'reply does not fit its schema');
      return refuse(
        reply,
        new WorkshopError(
          500,
          'server-error',
          'The server could not put its answer into words. Try again; if it keeps happening, tell the facilitator.',
        ),
      );
    }
    request.log.error({ err: error }, 'request failed');
    return refuse(
      reply,
      new WorkshopError(
        500,
        'server-error',
        'Something went wrong on the server; nothing was saved. Try again.',
      ),
    );
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      return refuse(
        reply,
        new WorkshopError(
          404,
          'no-route',
          `There is no ${request.method} ${shorten(request.url.split('?')[0] ?? '')} here.`,
        ),
      );
    }
    return reply.code(404).type('text/plain').send('Not found');
  });
  done();
};

/** The error and not-found handlers, for the whole server. */
export const errorsPlugin = fp(errors, { name: 'keep-cool-errors' });
