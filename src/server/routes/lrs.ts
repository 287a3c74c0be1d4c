/**
 * The room's Learning Record Store, for its facilitator: where results go as xAPI, set, read and
 * removed with the room's secret. Replies name the endpoint and never the credentials.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { ENDPOINTS } from '../../api/endpoints.js';
import { at, type RouteOptions } from './route.js';

export const lrsRoutes: FastifyPluginCallbackZod<RouteOptions> = (app, { workshop, guard }, done) => {
  app.route({
    ...at(ENDPOINTS.lrs),
    handler: async (request) => {
      const { code } = request.params;
      await guard.facilitator(request, code, 'facilitatorRead');
      return workshop.lrsStatus(code);
    },
  });

  app.route({
    ...at(ENDPOINTS.setLrs),
    handler: async (request) => {
      const { code } = request.params;
      await guard.facilitator(request, code);
      const status = await workshop.setLrs(code, request.body);
      request.log.info({ room: code, endpoint: status.endpoint }, 'LRS set');
      return status;
    },
  });

  app.route({
    ...at(ENDPOINTS.removeLrs),
    handler: async (request) => {
      const { code } = request.params;
      await guard.facilitator(request, code);
      const status = await workshop.removeLrs(code);
      request.log.info({ room: code }, 'LRS removed');
      return status;
    },
  });
  done();
};
