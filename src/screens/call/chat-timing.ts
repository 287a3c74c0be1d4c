/**
 * When a chat customer's message shows its signs, on the call's clock. The engine gives the line one
 * span, from `enteredAt` (the trainee's answer, or the call's start) to `finishedAt` (the customer
 * has finished "saying" it): in a chat that span is them reading the trainee's message, a pause if
 * their tone has one, and typing. Everything happens inside the span, so the message lands exactly
 * when the engine says the customer finished, and the pause rule (an answer within RUSHED_MS of
 * that is rushed) reads as "read it through before you reply".
 */
import type { Tone } from '../../engine/index.js';

export interface ChatBeats {
  /** The trainee's last message is marked Seen: the customer has read it. */
  seenAt: number;
  /** The typing indicator starts. */
  typingFrom: number;
  /** The message appears whole: the engine's finishedAt. */
  landsAt: number;
  /** A pause long enough to say so in the conversation ("A long pause before … replies"). */
  pause: boolean;
}

/**
 * Share of the span between Seen and the first key, by tone: silence is a long pause, a sigh or a
 * flat voice a beat, a clipped reply a short wait then a quick burst. Others type at once.
 */
const WAIT: Partial<Record<Tone, number>> = { silent: 0.6, sighing: 0.3, flat: 0.25, clipped: 0.45 };

/** Reading the trainee's message: a fifth of the span, at most 0.8 s (a long reply is read fast). */
const READ_SHARE = 0.2;
const READ_MAX_MS = 800;

/** The beats of a message the customer says from `enteredAt` to `finishedAt`, in that tone. */
export function chatBeats(tone: Tone | undefined, enteredAt: number, finishedAt: number): ChatBeats {
  const span = Math.max(0, finishedAt - enteredAt);
  const seenAt = enteredAt + Math.min(READ_MAX_MS, Math.round(span * READ_SHARE));
  const wait = tone === undefined ? 0 : (WAIT[tone] ?? 0);
  const typingFrom = seenAt + Math.round((finishedAt - seenAt) * wait);
  return { seenAt, typingFrom, landsAt: finishedAt, pause: tone === 'silent' };
}
