/**
 * Keep Cool's sounds and when they play: a pure mapping from what happened in a call to the cues,
 * and the caption each meaningful cue leaves in the conversation so nothing is lost with sound off.
 */
import {
  angerMood,
  isGoodEnding,
  type EndingKind,
  type Mood,
  type Scenario,
  type StepRecord,
} from '../engine/index.js';
import { own } from '../engine/own.js';

export const CUES = [
  'ring',
  'bell',
  'connect',
  'ambience',
  'select',
  'confirm',
  'calmer',
  'hotter',
  'sigh',
  'huff',
  'grumble',
  'laugh',
  'escalation',
  'hangup',
  'resolved',
  'countup',
] as const;
export type Cue = (typeof CUES)[number];

/** Cues that carry meaning and so are captioned; the rest echo something already on screen. */
export function captionFor(cue: Cue, customer: string): string | null {
  switch (cue) {
    case 'ring':
      return 'The phone rings.';
    case 'bell':
      return 'The counter bell rings.';
    case 'connect':
      return 'You are connected.';
    case 'sigh':
      return `${customer} sighs.`;
    case 'huff':
      return `${customer} huffs.`;
    case 'grumble':
      return `${customer} growls under their breath.`;
    case 'laugh':
      return `${customer} laughs, relieved.`;
    case 'escalation':
      return 'The tension breaks into a complaint.';
    case 'hangup':
      return 'The line goes dead.';
    case 'resolved':
      return 'A warm goodbye.';
    default:
      return null;
  }
}

/** How a call announces itself: a ring on the phone or in the chat, the bell at a counter. */
export function incomingCue(scenario: Scenario): Cue {
  return scenario.setting === 'counter' ? 'bell' : 'ring';
}

const REACTION: Partial<Record<Mood, Cue>> = { annoyed: 'sigh', angry: 'huff', furious: 'grumble' };

function endingCue(kind: EndingKind, good: boolean, scenario: Scenario): Cue {
  if (isGoodEnding({ kind, good })) return 'resolved';
  if (kind === 'hung-up' && scenario.setting !== 'counter') return 'hangup';
  return 'escalation';
}

/**
 * The cues one step of a call plays: the ending's cue when it ended; otherwise a sting when anger
 * moved by 5 or more, and the customer's own reaction when the mood band changed or anger jumped.
 */
export function cuesForRecord(scenario: Scenario, record: StepRecord): Cue[] {
  const { after } = record;
  if (record.event.kind === 'timeout') return [];
  if (after.ending !== null) {
    const ending = own(scenario.endings, after.ending);
    return ending ? [endingCue(ending.kind, ending.good, scenario)] : [];
  }
  const change = after.anger - record.before.anger;
  if (Math.abs(change) < 5) return [];
  const cues: Cue[] = [change > 0 ? 'hotter' : 'calmer'];
  const { before } = record;
  if (angerMood(before.anger) === angerMood(after.anger) && Math.abs(change) < 15) return cues;
  // In a chat nobody hears a sigh or a laugh: the words carry it.
  if (scenario.setting === 'chat') return cues;
  // Heating up: a sigh, a huff or a growl by how angry; calming down: a laugh once relieved.
  const reaction = change > 0 ? REACTION[after.mood] : after.mood === 'relieved' ? 'laugh' : undefined;
  if (reaction) cues.push(reaction);
  return cues;
}
