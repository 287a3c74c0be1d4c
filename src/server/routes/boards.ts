/** A room's boards: once as JSON, or live as Server-Sent Events (see ../live.ts). */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { ENDPOINTS } from '../../api/endpoints.js';
import { WorkshopError } from '../workshop-error.js';
import { at, type BoardRouteOptions } from './route.js';

export const boardRoutes: FastifyPluginCallbackZod<BoardRouteOptions> = (
  app,
  { workshop, live, streamsPerAddress },
  done,
) => {
  app.route({
    ...at(ENDPOINTS.board),
    handler: (request) => workshop.snapshot(request.params.code),
  });

  app.route({
    ...at(ENDPOINTS.events),
    handler: async (request, reply) => {
      const { code } = request.params;
      await workshop.room(code);
      if (live.streamsFrom(request.ip) >= streamsPerAddress) {
        throw new WorkshopError(
          429,
          'too-many-streams',
          'Too many live boards are open from this address; close some and try again.',
          undefined,
          { 'retry-after': '30' },
        );
      }
      reply.hijack();
      await live.connect(code, request.ip, reply.raw, request.query.player);
    },
  });
  done();
};
