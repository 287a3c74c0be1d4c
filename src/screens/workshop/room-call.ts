/**
 * One of the room's calls (`#/room/play/<id>`): a run token from the server first, the call played
 * in assessment mode, the result sent (or kept in the outbox) at the end. Without the server the
 * call can still be played for practice.
 */
import { runFor, workshopStore } from '../../device/workshop-store.js';
import { ENDPOINTS } from '../../api/api.js';
import { send } from './api-client.js';
import { refusalText } from './refusals.js';
import { t } from '../i18n/index.js';
import { enterScreen } from '../kit/screen.js';
import { mountTextCall, type WorkshopCall } from '../call/text-call.js';
import type { WorkshopContext } from './context.js';
import { sentCard, unsentCard } from './room-result.js';
import { JOIN_HREF, ROOM_HREF } from './routes.js';

export function showRoomCall(root: HTMLElement, context: WorkshopContext, scenarioId: string): void {
  const store = workshopStore(context.storage);
  const membership = store.load().value.membership;
  const scenario = context.scenarios.find((s) => s.id === scenarioId);
  if (!membership || !scenario) {
    window.location.hash = membership ? ROOM_HREF : JOIN_HREF;
    return;
  }
  // The call owns the page from here; whatever was shown before (the lobby's live board) ends.
  enterScreen(root);
  // The run this page started. Kept in memory as well as on the device: a second tab playing the
  // same call stores its own run, which must not be sent with this tab's transcript.
  let ownRun: string | null = null;
  // Whether this page has sent a run already: the call played after it (a rewind) is practice.
  let usedRun = false;
  const workshop: WorkshopCall = {
    label: t('player.call.label', { room: membership.room }),
    // The room's way (kept with the membership): a call answered the other way would not count.
    answers: membership.answers,
    async begin() {
      ownRun = null;
      const reply = await send(context.api, ENDPOINTS.startRun, {
        body: { scenario: scenario.id, version: scenario.version },
        token: membership.token,
      });
      const state = store.load().value;
      if (reply.ok) {
        store.save({
          ...state,
          runs: {
            ...state.runs,
            [scenario.id]: { run: reply.data.run, room: membership.room, issuedAt: reply.data.issuedAt },
          },
        });
        ownRun = reply.data.run;
        return { ok: true };
      }
      // No token: whatever run this scenario had is over.
      const runs = Object.fromEntries(Object.entries(state.runs).filter(([id]) => id !== scenario.id));
      store.save({ ...state, runs });
      return {
        ok: false,
        message: reply.offline
          ? t('player.call.practice', { reason: refusalText(reply) })
          : refusalText(reply),
        playAnyway: reply.offline,
      };
    },
    finished(transcript, _result, life) {
      // This page's own run; after a reload (a resumed call) the one kept on the device.
      const stored = runFor(store.load().value, scenario.id);
      const run = ownRun ?? (!usedRun && stored?.room === membership.room ? stored.run : null);
      ownRun = null;
      if (!run) return unsentCard(membership.room, usedRun ? 'rewound' : 'no-run');
      usedRun = true;
      return sentCard({
        membership,
        scenario: scenario.id,
        run,
        transcript,
        outbox: context.outbox,
        load: () => store.load().value,
        // The card follows its result while the debrief it sits in is shown.
        life,
      });
    },
  };
  mountTextCall(root, scenario, {
    onView: context.onView,
    storage: context.storage,
    menuHref: ROOM_HREF,
    workshop,
    ...(context.audio ? { audio: context.audio } : {}),
  });
}
