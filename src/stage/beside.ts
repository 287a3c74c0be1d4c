/**
 * Where people stand on the stage: the customer, and at the counter a second person (a team lead
 * who joined the call), and how that second person is drawn. The customer steps a little aside; the
 * second person stands at their side, a step further back, calm, and does not cover them. No
 * Phaser: tested in Node; the stage (stage-scene.ts) applies it.
 */
import type { Setting } from '../engine/index.js';
import { FOREGROUND_TOP, STAGE_WIDTH } from './backdrop.js';
import type { Doing, Manner } from './customer.js';
import { PORTRAIT_HEIGHT } from './rig.js';
import type { CallView } from './view.js';

/** The portrait's bottom edge sits this far below the foreground's top: the counter cuts the body. */
const BELOW_TOP = 8;
/** Space above the portrait's top edge: at the counter the customer fills the height; in a chat they sit inside their picture (on the phone they are not drawn). */
const HEADROOM: Record<Setting, number> = { counter: -20, phone: -20, chat: 0 };

/** The customer's resting scale (stage pixels per portrait pixel) and the stage y of the portrait's bottom. */
export function restOf(setting: Setting): { scale: number; y: number } {
  const y = FOREGROUND_TOP[setting] + BELOW_TOP;
  return { scale: (y - HEADROOM[setting]) / PORTRAIT_HEIGHT, y };
}

/** Stage x of the customer's centre: the middle alone, to the right with someone beside them. */
export const CUSTOMER_X = { alone: STAGE_WIDTH / 2, beside: 300 } as const;

/**
 * The second person: their centre (on the viewer's left), their size against the customer's (a
 * step further back), and where they walk in from (beyond the stage's left edge).
 */
export const SECOND = { x: 108, scale: 0.88, from: -90 } as const;

/**
 * The second person's own ways: blinks and breath not in step with the customer's, and the face
 * turned a little towards them (the features a few pixels their way, the head a touch tilted).
 */
export const SECOND_MANNER: Manner = { seed: 23, phaseMs: 1700, turn: { faceX: 5, headAngle: 2 } };

/** The second person drawn in this view, if any: only at the counter (a phone call has no one to see). */
export function secondOf(view: Pick<CallView, 'second' | 'setting'>): CallView['second'] {
  return view.setting === 'counter' ? view.second : undefined;
}

/** Where the customer stands in this view. */
export function customerXOf(view: Pick<CallView, 'second' | 'setting'>): number {
  return secondOf(view) ? CUSTOMER_X.beside : CUSTOMER_X.alone;
}

/** How the second person is drawn: calm and still-handed; their mouth moves on their own lines only. */
export function secondDoing(view: Pick<CallView, 'second' | 'reducedMotion' | 'ending'>): Doing {
  return {
    mood: 'calm',
    pose: 'neutral',
    outburst: false,
    setting: 'counter',
    speaking: view.second?.speaking === true && !view.ending,
    reducedMotion: view.reducedMotion,
  };
}
