/** What the stage draws for a call as it stands: the live call's, and a reopened debrief's (how the customer left). */
import { joinedSpeaker, own, type CallState, type SaidIn, type Scenario } from '../../engine/index.js';
import type { CallView, LineWords } from '../../stage/view.js';
import { t } from '../i18n/index.js';

/** What the live call knows besides its state. */
export interface ViewContext {
  /** The live call's own clock (call.elapsed): the phone's timer runs on it. */
  clock?: () => number;
  /** The call's states before this one: a second speaker who spoke in one of them is still at the counter. */
  said?: readonly SaidIn[];
  /**
   * Who says the line being said now, when the page knows (lines said one after another: a team
   * lead's, then the customer's); else the state's own speaker.
   */
  voice?: string;
}

export function viewOf(
  scenario: Scenario,
  state: CallState,
  reducedMotion: boolean,
  speaking: boolean,
  { clock, said = [], voice = state.speaker }: ViewContext = {},
): CallView {
  const node = state.node === null ? undefined : own(scenario.nodes, state.node);
  // On the phone a second speaker (a team lead who joins) is heard in their own voice, under their
  // own name on the softphone: even and steady unless the moment says otherwise.
  const second = scenario.setting === 'phone' ? own(scenario.speakers, state.speaker) : undefined;
  const heard = second ? { shows: node?.shows ?? 'calm', tone: node?.cue?.tone ?? 'steady' } : {};
  // At the counter a second speaker with a portrait stands beside the customer once they have
  // spoken; their lips move on their own lines only.
  const joined = scenario.setting === 'counter' ? joinedSpeaker(scenario, [...said, state]) : undefined;
  const looks = joined === undefined ? undefined : own(scenario.speakers, joined)?.appearance;
  return {
    appearance: scenario.customer.appearance,
    setting: scenario.setting,
    mood: state.mood,
    pose: node?.cue?.pose ?? 'neutral',
    anger: state.anger,
    reducedMotion,
    // At the counter the customer's lips move for their own lines only (not a narration's, not a
    // team lead's); on the phone the voice on the line is whoever speaks.
    speaking: speaking && state.ending === null && (voice === 'customer' || scenario.setting === 'phone'),
    caller: second?.name ?? scenario.customer.name,
    ...(looks === undefined
      ? {}
      : {
          second: {
            appearance: looks,
            speaking: speaking && state.ending === null && voice === joined,
          },
        }),
    lineWords: lineWords(),
    callMs: state.time,
    ...(clock ? { clock } : {}),
    ...(node?.shows ? { shows: node.shows } : {}),
    ...(node?.cue?.tone ? { tone: node.cue.tone } : {}),
    ...heard,
    ...(state.ending === null ? {} : { ending: own(scenario.endings, state.ending)?.kind }),
  };
}

/** What the softphone says of the line, in the page's language. */
export function lineWords(): LineWords {
  return { ringing: t('stage.line.ringing'), open: t('stage.line.open'), ended: t('stage.line.ended') };
}
