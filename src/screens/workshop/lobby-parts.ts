/** What the lobby shows, drawn from what it knows: the room's calls, the player's results, its state lines. */
import type { Scenario } from '../../engine/index.js';
import type { SentResult } from '../../device/workshop-store.js';
import type { RoomInfo, RoomStatus } from '../../api/api.js';
import { ordinal } from '../../api/board.js';
import { el } from '../kit/dom.js';
import { plural } from '../kit/status.js';
import type { LiveState } from './live.js';
import type { OutboxStatus } from './outbox.js';
import { roomCallHref } from './routes.js';

/** The room's calls, each with the player's best score here; a call this page lacks says to reload. */
export function callCards(
  calls: RoomInfo['scenarios'],
  sent: readonly SentResult[],
  scenarios: readonly Scenario[],
): HTMLElement[] {
  return calls.map((s) => {
    const local = scenarios.find((x) => x.id === s.id);
    const results = sent.filter((r) => r.scenario === s.id && r.outcome.kind === 'counted');
    const best = Math.max(-1, ...results.map((r) => (r.outcome.kind === 'counted' ? r.outcome.total : -1)));
    return el(
      'li',
      { className: 'scenario-card' },
      local
        ? el('a', { href: roomCallHref(s.id) }, el('h3', {}, s.title))
        : el('h3', {}, `${s.title} (not on this page: reload)`),
      el(
        'p',
        { className: 'best' },
        best < 0 ? 'Not played in this room yet' : `Your best here: ${best} / 1000`,
      ),
    );
  });
}

/** The player's last five results in the room, newest first. */
export function recentResults(sent: readonly SentResult[], room: RoomInfo | null): HTMLElement[] {
  const answered = sent.slice(-5).reverse();
  return [
    el('h2', {}, 'Your results in this room'),
    answered.length
      ? el(
          'ul',
          {},
          ...answered.map((r) =>
            el(
              'li',
              {},
              `${room?.scenarios.find((s) => s.id === r.scenario)?.title ?? r.scenario}: `,
              r.outcome.kind === 'counted'
                ? `${r.outcome.total} / 1000 (${ordinal(r.outcome.rank.scenario)} on this call, ${ordinal(r.outcome.rank.overall)} overall)`
                : `not counted: ${r.outcome.reason}`,
            ),
          ),
        )
      : el('p', { className: 'muted' }, 'Finish a call and your score appears here and on the projector.'),
  ];
}

/** What the room's state means for the player. */
export function roomStatusLine(status: RoomStatus): string {
  return status === 'draft'
    ? 'The facilitator has not opened the room yet. You can look around; the calls count once it opens.'
    : status === 'closed'
      ? 'This room is closed: the workshop has ended. Your results are kept.'
      : 'The room is open: pick a call. It is played in assessment mode, so feedback waits for the debrief.';
}

/** The results still waiting on this device; nothing when none wait. */
export function outboxLine({ pending, waiting }: OutboxStatus): string {
  return pending === 0
    ? ''
    : `${plural(pending, 'result')} waiting to be sent${waiting ? ` (${waiting})` : ''}. They are kept on this device and sent as soon as the server answers.`;
}

/** The live board's connection, in words. */
export function connectionLine(state: LiveState): string {
  return state === 'live'
    ? 'Live: the board updates as calls finish.'
    : state === 'connecting'
      ? 'Connecting to the room…'
      : 'Connection lost: reconnecting…';
}
