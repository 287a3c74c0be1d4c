/** A room's boards: once as JSON, or live as Server-Sent Events (see ../live.ts). */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { ENDPOINTS } from '../../api/endpoints.js';
import { WorkshopError } from '../workshop-error.js';
import { at, type BoardRouteOptions } from './route.js';

export const boardRoutes: FastifyPluginCallbackZod<BoardRouteOptions> = (
  app,
  { workshop, guard, live },
  done,
) => {
  app.route({
    ...at(ENDPOINTS.board),
    handler: (request) => {
      const { code } = request.params;
      guard.roomRead(request, code);
      return workshop.snapshot(code);
    },
  });

  app.route({
    ...at(ENDPOINTS.events),
    handler: async (request, reply) => {
      const { code } = request.params;
      await workshop.room(code);
      // The facilitator page, the projector and the lobbies say who they are (`?key=`): their
      // streams are counted on that key, never refused because of anonymous streams.
      const holder = await guard.streamHolder(request, code);
      const from = { address: request.ip, key: holder.key };
      if (!live.admits(code, from)) {
        throw new WorkshopError(
          429,
          'too-many-streams',
          'Too many live boards are open from this address; close some and try again.',
          undefined,
          { 'retry-after': '30' },
        );
      }
      reply.hijack();
      // A phone holding its player's token hears its own places too, even those off the board.
      await live.connect(code, from.address, reply.raw, from.key, holder.player);
    },
  });
  done();
};
