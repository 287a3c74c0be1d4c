/**
 * The attendee's card in the debrief of a room's call: whether the call counts, and once the server
 * has scored it, the score and the player's places. A result the server cannot be reached for now
 * waits in the outbox, and the card follows it there.
 */
import type { Transcript } from '../../engine/index.js';
import type { Membership, WorkshopState } from '../../device/workshop-store.js';
import { ordinal } from '../../api/board.js';
import { el } from '../kit/dom.js';
import type { ScreenLife } from '../kit/screen.js';
import { statusRegion } from '../kit/status.js';
import type { Outbox } from './outbox.js';

/** Why a call was not sent to the room. */
export type Unsent = 'rewound' | 'no-run';

const UNSENT: Record<Unsent, string> = {
  rewound:
    'A rewound call is practice: it does not count in the room. To count again, start the call afresh from the room.',
  'no-run':
    'This call was played without a run from the server, so it does not count in the room. Your score is kept on this device.',
};

/** The card for a call that does not count in the room. */
export function unsentCard(room: string, why: Unsent): HTMLElement {
  return card(room, UNSENT[why]).card;
}

/**
 * The card for a call sent with `run`: queued in the outbox (saved on this device first), and told
 * how it went until `life` ends.
 */
export function sentCard(options: {
  membership: Membership;
  scenario: string;
  run: string;
  transcript: Transcript;
  outbox: Outbox;
  load: () => WorkshopState;
  life: ScreenLife;
}): HTMLElement {
  const { membership, run, outbox, load, life } = options;
  const { card: result, line } = card(membership.room, 'Sending your call to the room…');
  const show = () => {
    const state = load();
    const sent = state.sent.find((s) => s.run === run);
    if (sent?.outcome.kind === 'counted') {
      const { total, rank } = sent.outcome;
      line.textContent =
        rank.scenario === null
          ? `The server scored it ${total} / 1000, but this call has been taken off the room’s boards, so it does not show there.`
          : `Counted in the room: the server scored it ${total} / 1000. You are ${ordinal(rank.scenario)} on this call and ${ordinal(rank.overall)} overall.`;
    } else if (sent?.outcome.kind === 'refused') {
      line.textContent = `Not counted: ${sent.outcome.reason}`;
    } else if (state.outbox.some((p) => p.run === run)) {
      line.textContent =
        'No connection to the room right now. Your result is saved on this device and will be sent as soon as the server answers: you can carry on.';
    }
  };
  life.onLeave(outbox.subscribe(show));
  void outbox
    .queue({
      run,
      room: membership.room,
      token: membership.token,
      scenario: options.scenario,
      transcript: options.transcript,
      finishedAt: Date.now(),
    })
    .then(show);
  return result;
}

/** The card, and its line that says (and is read out) how the call went. */
function card(room: string, message: string): { card: HTMLElement; line: HTMLElement } {
  const line = statusRegion();
  line.textContent = message;
  return { card: el('section', { className: 'card room-result' }, el('h2', {}, `Room ${room}`), line), line };
}
