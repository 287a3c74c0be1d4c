/**
 * The debrief's decision map: read by the projector, the facilitator and each player (their own
 * answers marked), stepped through by the facilitator; and every decision as CSV.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { ENDPOINTS } from '../../api/endpoints.js';
import { at, type RouteOptions } from './route.js';

export const mapRoutes: FastifyPluginCallbackZod<RouteOptions> = (app, { workshop, guard }, done) => {
  app.route({
    ...at(ENDPOINTS.decisionMap),
    handler: async (request) => {
      const { code } = request.params;
      return workshop.decisionMap(code, await guard.mapViewer(request, code));
    },
  });

  app.route({
    ...at(ENDPOINTS.setMapView),
    handler: async (request) => {
      const { code } = request.params;
      await guard.facilitator(request, code, 'facilitatorStep');
      return workshop.setMapView(code, request.body);
    },
  });

  app.route({
    ...at(ENDPOINTS.decisionsCsv),
    handler: async (request, reply) => {
      const { code } = request.params;
      await guard.facilitator(request, code);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="keep-cool-${code}-decisions.csv"`)
        .send(await workshop.decisionsCsv(code));
    },
  });
  done();
};
