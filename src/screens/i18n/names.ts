/**
 * The engine's ids as the page names them. The engine keeps its English names (LETTER_NAMES and
 * the like, for the CLI and reports); the page maps each id to a catalogue entry here.
 */
import {
  DONTS,
  type Dont,
  type IMessageAssessment,
  type IStep,
  type EndingKind,
  type Letter,
  type MethodSlip,
  type Mood,
  type Setting,
  type Shown,
} from '../../engine/index.js';
import type { Cue } from '../../sound/cues.js';
import { t, type Key } from './index.js';

export function letterName(letter: Letter): string {
  return t(`letter.${letter}`);
}

export function dontName(dont: Dont): string {
  return t(`dont.${dont}`);
}

export function slipName(slip: MethodSlip): string {
  return t(`slip.${slip}`);
}

/** A don't or a slip, whichever `id` is. */
export function faultName(id: Dont | MethodSlip): string {
  return (DONTS as readonly string[]).includes(id) ? dontName(id as Dont) : slipName(id as MethodSlip);
}

export function moodName(mood: Mood): string {
  return t(`mood.${mood}`);
}

/** What a moment shows of the customer (a node's `shows`): a mood band, an outburst or a slump. */
export function shownName(shown: Shown): string {
  return shown === 'outburst' || shown === 'defeated' ? t(`shown.${shown}`) : moodName(shown);
}

/** How the page says an ending's kind: the customer who leaves hangs up on a phone, but walks out of a shop. */
export function endingName(kind: EndingKind, setting: Setting): string {
  return kind === 'hung-up' ? t(`ending.hung-up.${setting}`) : t(`ending.${kind}`);
}

/** A step of the I-message (or talking on after it), as the builder and the debrief name it. */
export function iStepName(step: IStep | 'ramble'): string {
  return t(`istep.${step}`);
}

/** The cues that carry meaning, captioned (as `captionFor` in src/sound/cues.ts says them in English). */
const CAPTIONS: Partial<Record<Cue, Key>> = {
  ring: 'caption.ring',
  bell: 'caption.bell',
  connect: 'caption.connect',
  sigh: 'caption.sigh',
  huff: 'caption.huff',
  grumble: 'caption.grumble',
  laugh: 'caption.laugh',
  escalation: 'caption.escalation',
  hangup: 'caption.hangup',
  resolved: 'caption.resolved',
};

/** A sound's caption in the page's words, or null for a cue that echoes what is on screen. */
export function captionText(cue: Cue, customer: string): string | null {
  const key = CAPTIONS[cue];
  return key ? t(key, { name: customer }) : null;
}

/** What the coach and the debrief say of an assembled I-message (the engine's iMessageFeedback, worded here). */
export function iMessageWords(a: IMessageAssessment): string {
  if (a.misplaced) return t('imsg.misplaced');
  const notes: string[] = [];
  if (a.missing.length > 0)
    notes.push(t('imsg.missing', { steps: a.missing.map((s) => iStepName(s).toLowerCase()).join(', ') }));
  if (!a.ordered) notes.push(t('imsg.order'));
  if (a.harsh > 0) notes.push(t('imsg.harsh'));
  if (a.rambled) notes.push(t('imsg.rambled'));
  return notes.length === 0 ? t('imsg.clean') : notes.join(' ');
}
