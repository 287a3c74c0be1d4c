/** What anyone may ask the server about itself: its health, the scenarios it scores, its address. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { ENDPOINTS } from '../../api/endpoints.js';
import type { LiveBoards } from '../live.js';
import type { Workshop } from '../workshop.js';
import { at } from './route.js';

export interface AboutOptions {
  workshop: Workshop;
  live: LiveBoards;
  /** Where attendees' phones reach this server (for the projector's QR code), if known. */
  publicUrl: string | null;
}

export const aboutRoutes: FastifyPluginCallbackZod<AboutOptions> = (
  app,
  { workshop, live, publicUrl },
  done,
) => {
  app.route({
    ...at(ENDPOINTS.health),
    handler: async (_request, reply) => {
      const db = await workshop.healthy();
      return reply.code(db ? 200 : 503).send({
        status: db ? 'ok' : 'unavailable',
        db: db ? 'ok' : 'unreachable',
        scenarios: workshop.library().length,
        liveClients: live.clients,
        uptimeSeconds: Math.round(process.uptime()),
      });
    },
  });

  app.route({
    ...at(ENDPOINTS.scenarios),
    handler: () => ({ scenarios: workshop.library() }),
  });

  app.route({
    ...at(ENDPOINTS.info),
    handler: () => ({ publicUrl }),
  });
  done();
};
