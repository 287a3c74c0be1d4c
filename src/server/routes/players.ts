/**
 * Players: joining a room, a player asking who their token is, and the facilitator's list of
 * players and their power to remove one.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { ENDPOINTS } from '../../api/endpoints.js';
import { at, type RouteOptions } from './route.js';

export const playerRoutes: FastifyPluginCallbackZod<RouteOptions> = (app, { workshop, guard }, done) => {
  app.route({
    ...at(ENDPOINTS.join),
    handler: async (request, reply) => {
      const { code } = request.params;
      guard.join(request, code);
      const joined = await workshop.join(code, request.body.nickname, request.body.team);
      // From here on the phone is known by its token: its requests no longer count on the address.
      guard.know(joined.token);
      request.log.info({ room: code, player: joined.player.id }, 'player joined');
      return reply.code(201).send(joined);
    },
  });

  // Who this token is, and in which room: the lobby asks, so a removed player learns it at once.
  app.route({
    ...at(ENDPOINTS.me),
    handler: async (request) => {
      const who = await guard.player(request);
      return { player: { id: who.id, nickname: who.nickname }, room: await workshop.room(who.room) };
    },
  });

  app.route({
    ...at(ENDPOINTS.players),
    handler: async (request) => {
      const { code } = request.params;
      await guard.facilitator(request, code, 'facilitatorRead');
      return { players: await workshop.players(code) };
    },
  });

  app.route({
    ...at(ENDPOINTS.removePlayer),
    handler: async (request, reply) => {
      const { code, player } = request.params;
      await guard.facilitator(request, code);
      await workshop.removePlayer(code, player);
      request.log.info({ room: code, player }, 'player removed');
      return reply.code(204).send();
    },
  });
  done();
};
