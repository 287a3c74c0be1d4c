/** Rooms: a facilitator creates one, anyone reads it, its facilitator opens, closes and changes it. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { ENDPOINTS } from '../../api/endpoints.js';
import { at, type RouteOptions } from './route.js';

export const roomRoutes: FastifyPluginCallbackZod<RouteOptions> = (app, { workshop, guard }, done) => {
  app.route({
    ...at(ENDPOINTS.createRoom),
    handler: async (request, reply) => {
      guard.limit(request, 'createRoom', request.ip);
      const created = await workshop.createRoom(request.body);
      request.log.info({ room: created.room.code }, 'room created');
      return reply.code(201).send(created);
    },
  });

  app.route({
    ...at(ENDPOINTS.room),
    handler: (request) => {
      const { code } = request.params;
      guard.roomRead(request, code);
      return workshop.room(code);
    },
  });

  app.route({
    ...at(ENDPOINTS.updateRoom),
    handler: async (request) => {
      const { code } = request.params;
      await guard.facilitator(request, code);
      const room = await workshop.updateRoom(code, request.body);
      request.log.info({ room: code, status: room.status }, 'room updated');
      return room;
    },
  });
  done();
};
