/** Teams: anyone reads a room's list (the join page offers it); its facilitator sets it. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { ENDPOINTS } from '../../api/endpoints.js';
import { at, type RouteOptions } from './route.js';

export const teamRoutes: FastifyPluginCallbackZod<RouteOptions> = (app, { workshop, guard }, done) => {
  app.route({
    ...at(ENDPOINTS.teams),
    handler: async (request) => {
      const { code } = request.params;
      // Read by every join page, like the room's info: limited per address and room the same way.
      guard.roomRead(request, code);
      return { teams: await workshop.teams(code) };
    },
  });

  app.route({
    ...at(ENDPOINTS.setTeams),
    handler: async (request) => {
      const { code } = request.params;
      await guard.facilitator(request, code);
      const teams = await workshop.setTeams(code, request.body.teams);
      request.log.info({ room: code, teams: teams.length }, 'teams set');
      return { teams };
    },
  });
  done();
};
