/** A player's calls for the board: the run token to start one, the transcript to end it. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { ENDPOINTS } from '../../api/endpoints.js';
import { at, type RouteOptions } from './route.js';

/** Bodies are small, but a transcript of the longest call can be bigger than other requests. */
export const RESULT_BODY_LIMIT = 128 * 1024;

export const runRoutes: FastifyPluginCallbackZod<RouteOptions> = (app, { workshop, guard }, done) => {
  app.route({
    ...at(ENDPOINTS.startRun),
    handler: async (request, reply) => {
      const who = await guard.player(request);
      return reply.code(201).send(await workshop.startRun(who, request.body));
    },
  });

  app.route({
    ...at(ENDPOINTS.submitResult),
    bodyLimit: RESULT_BODY_LIMIT,
    handler: async (request, reply) => {
      const who = await guard.player(request);
      const { run, transcript } = request.body;
      const accepted = await workshop.submit(who, run, transcript);
      if (!accepted.duplicate) request.log.info({ room: who.room, total: accepted.total }, 'result stored');
      return reply.code(accepted.duplicate ? 200 : 201).send(accepted);
    },
  });
  done();
};
