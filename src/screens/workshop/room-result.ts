/**
 * The attendee's card in the debrief of a room's call: whether the call counts, and once the server
 * has scored it, the score and the player's places. A result the server cannot be reached for now
 * waits in the outbox, and the card follows it there.
 */
import type { Transcript } from '../../engine/index.js';
import type { Membership, WorkshopState } from '../../device/workshop-store.js';
import { el } from '../kit/dom.js';
import type { ScreenLife } from '../kit/screen.js';
import { statusRegion } from '../kit/status.js';
import type { Outbox } from './outbox.js';
import { t, type Key } from '../i18n/index.js';
import { placeName } from './page-parts.js';
import { refusalText } from './refusals.js';

/** Why a call was not sent to the room. */
export type Unsent = 'rewound' | 'no-run';

const UNSENT: Record<Unsent, Key> = {
  rewound: 'player.result.rewound',
  'no-run': 'player.result.noRun',
};

/** The card for a call that does not count in the room. */
export function unsentCard(room: string, why: Unsent): HTMLElement {
  return card(room, t(UNSENT[why])).card;
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
  const { card: result, line } = card(membership.room, t('player.result.sending'));
  const show = () => {
    const state = load();
    const sent = state.sent.find((s) => s.run === run);
    if (sent?.outcome.kind === 'counted') {
      const { total, rank } = sent.outcome;
      line.textContent =
        rank.scenario === null
          ? t('player.result.offBoard', { total })
          : t('player.result.counted', {
              total,
              call: placeName(rank.scenario),
              overall: placeName(rank.overall),
            });
    } else if (sent?.outcome.kind === 'refused') {
      const { code, reason } = sent.outcome;
      line.textContent = t('player.result.refused', {
        reason: refusalText({ code: code ?? '', message: reason }),
      });
    } else if (state.outbox.some((p) => p.run === run)) {
      line.textContent = t('player.result.waiting');
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
  return {
    card: el(
      'section',
      { className: 'card room-result' },
      el('h2', {}, t('player.result.room', { room })),
      line,
    ),
    line,
  };
}
