/** Shows the workshop screen for an address (loaded on demand by the menu). */
import type { WorkshopContext } from './context.js';
import { showHostMap } from './host-map.js';
import { showHostRoom } from './host-room.js';
import { showHostRooms } from './host-rooms.js';
import { takeOverRoom } from './take-over.js';
import { showJoin } from './join-page.js';
import { showLobby } from './lobby.js';
import { showPlayerMap } from './player-map.js';
import { showProjector } from './projector.js';
import { showRoomCall } from './room-call.js';
import { workshopRoute } from './routes.js';

export function showWorkshop(root: HTMLElement, hash: string, context: WorkshopContext): void {
  const route = workshopRoute(hash);
  if (!route) return;
  switch (route.screen) {
    case 'join':
      showJoin(root, context, route.code);
      break;
    case 'lobby':
      showLobby(root, context);
      break;
    case 'room-call':
      showRoomCall(root, context, route.scenario);
      break;
    case 'host':
      showHostRooms(root, context);
      break;
    case 'host-room':
      showHostRoom(root, context, route.code);
      break;
    case 'handover':
      takeOverRoom(root, context, route.code, route.secret);
      break;
    case 'projector':
      showProjector(root, context, route.code);
      break;
    case 'host-map':
      showHostMap(root, context, route.code);
      break;
    case 'room-map':
      showPlayerMap(root, context);
      break;
  }
}
