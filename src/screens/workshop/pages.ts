/** Shows the workshop screen for an address (loaded on demand by the menu). */
import { showJoin, showLobby, showRoomCall, type WorkshopContext } from './attendee.js';
import { showHost, showHostRoom, takeOverRoom } from './host.js';
import { showProjector } from './projector.js';
import { HOST_HANDOVER, HOST_HREF, HOST_ROOM, JOIN, ROOM_HREF, ROOM_PLAY, SCREEN } from './routes.js';

export function showWorkshop(root: HTMLElement, hash: string, context: WorkshopContext): void {
  const join = JOIN.exec(hash);
  const play = ROOM_PLAY.exec(hash);
  const hostRoom = HOST_ROOM.exec(hash);
  const screen = SCREEN.exec(hash);
  const handover = HOST_HANDOVER.exec(hash);
  if (join) showJoin(root, context, join[1]);
  else if (hash === ROOM_HREF) showLobby(root, context);
  else if (play?.[1]) showRoomCall(root, context, play[1]);
  else if (hash === HOST_HREF) showHost(root, context);
  else if (hostRoom?.[1]) showHostRoom(root, context, hostRoom[1].toUpperCase());
  else if (handover?.[1] && handover[2]) takeOverRoom(root, context, handover[1].toUpperCase(), handover[2]);
  else if (screen?.[1]) showProjector(root, context, screen[1]);
}
