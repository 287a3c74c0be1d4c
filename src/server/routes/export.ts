/** The facilitator's export of every finished call in the room, as CSV for a spreadsheet. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { ENDPOINTS } from '../../api/endpoints.js';
import { at, type RouteOptions } from './route.js';

export const exportRoutes: FastifyPluginCallbackZod<RouteOptions> = (app, { workshop, guard }, done) => {
  app.route({
    ...at(ENDPOINTS.exportCsv),
    handler: async (request, reply) => {
      const { code } = request.params;
      await guard.facilitator(request, code);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="keep-cool-${code}.csv"`)
        .send(await workshop.exportCsv(code));
    },
  });
  done();
};
