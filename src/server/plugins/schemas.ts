/**
 * The API's schemas at work: every part of every request is validated with zod (a route without a
 * schema for its params or query string accepts none), and every JSON reply is serialised through
 * its schema, refusals included, so nothing leaves the server that the page could not read.
 */
import type { FastifyPluginCallback } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { API_ROOT, ApiError, Nothing } from '../../api/api.js';

const schemas: FastifyPluginCallback = (app, _options, done) => {
  // JSON only: a form or plain text body is refused with 415 rather than half-read.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(`${API_ROOT}/`)) return;
    // A copy: the endpoint table's own objects stay as they are.
    const schema = { params: Nothing, querystring: Nothing, ...route.schema };
    const response = (schema.response ?? {}) as Record<string, unknown>;
    schema.response = { ...response, '4xx': ApiError, '5xx': ApiError };
    route.schema = schema;
  });
  done();
};

/** Zod validation and serialisation for the whole server. */
export const schemasPlugin = fp(schemas, { name: 'keep-cool-schemas' });
