/** The rooms this device runs: each room's secret, kept on this device and nowhere else. */
import type { AnswerWay } from '../../engine/index.js';
import { workshopStore } from '../../device/workshop-store.js';
import type { WorkshopContext } from './context.js';

/** Keeps a room's secret on this device, so this device can run the room. */
export function keepHosted(
  context: WorkshopContext,
  room: { code: string; name: string; answers: AnswerWay },
  secret: string,
): void {
  const store = workshopStore(context.storage);
  const state = store.load().value;
  store.save({
    ...state,
    hosted: [
      ...state.hosted.filter((h) => h.code !== room.code),
      { code: room.code, name: room.name, secret, answers: room.answers },
    ].slice(-50),
  });
}
