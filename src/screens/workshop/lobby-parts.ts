/** What the lobby shows, drawn from what it knows: the room's calls, the player's results, its state lines. */
import type { Scenario } from '../../engine/index.js';
import type { SentResult } from '../../device/workshop-store.js';
import type { RoomInfo, RoomStatus } from '../../api/api.js';
import { t, tn } from '../i18n/index.js';
import { el } from '../kit/dom.js';
import type { LiveState } from './live.js';
import type { OutboxStatus } from './outbox.js';
import { titleById } from '../scenario-language.js';
import { placeName } from './page-parts.js';
import { refusalText } from './refusals.js';
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
        ? el('a', { href: roomCallHref(s.id) }, el('h3', {}, titleById(scenarios, s.id, s.title)))
        : el('h3', {}, t('player.lobby.notOnPage', { title: s.title })),
      el(
        'p',
        { className: 'best' },
        best < 0 ? t('player.lobby.notPlayed') : t('player.lobby.best', { best }),
      ),
    );
  });
}

/** What became of a result: its score and places, or why it does not count. */
function outcomeLine(outcome: SentResult['outcome']): string {
  return outcome.kind === 'counted'
    ? t('player.lobby.counted', {
        total: outcome.total,
        call: placeName(outcome.rank.scenario),
        overall: placeName(outcome.rank.overall),
      })
    : t('player.lobby.refused', {
        reason: refusalText({ code: outcome.code ?? '', message: outcome.reason }),
      });
}

/** The player's last five results in the room, newest first. */
export function recentResults(
  sent: readonly SentResult[],
  room: RoomInfo | null,
  scenarios: readonly Scenario[],
): HTMLElement[] {
  const answered = sent.slice(-5).reverse();
  return [
    el('h2', {}, t('player.lobby.mine')),
    answered.length
      ? el(
          'ul',
          {},
          ...answered.map((r) =>
            el(
              'li',
              {},
              `${titleById(scenarios, r.scenario, room?.scenarios.find((s) => s.id === r.scenario)?.title ?? r.scenario)}: `,
              outcomeLine(r.outcome),
            ),
          ),
        )
      : el('p', { className: 'muted' }, t('player.lobby.noneYet')),
  ];
}

/** What the room's state means for the player. */
export function roomStatusLine(status: RoomStatus): string {
  return t(`player.lobby.${status}`);
}

/** The results still waiting on this device; nothing when none wait. */
export function outboxLine({ pending, waiting }: OutboxStatus): string {
  return pending === 0
    ? ''
    : tn('player.lobby.waiting', pending, {
        // In brackets, the reason's own full stop would stand before the sentence's.
        why: waiting ? ` (${refusalText(waiting).replace(/\.$/, '')})` : '',
      });
}

/** The live board's connection, in words. */
export function connectionLine(state: LiveState): string {
  return t(`player.lobby.${state}`);
}
