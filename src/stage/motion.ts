/**
 * How the customer moves: breathing, blinking, the mouth while a line is said, and the gestures
 * that go with each pose, as tables and pure functions of time. No Phaser: tested in Node; the
 * stage's customer (customer.ts) applies what these return to its parts every frame.
 */
import type { Pose, Setting } from '../engine/index.js';
import type { Face } from './shown.js';

/**
 * Where the customer's parts are: offsets from the drawing as it is, in portrait pixels and
 * degrees. `swell` stretches the torso upwards (a breath); `marks` grows the anger marks.
 */
export interface Rig {
  bodyX: number;
  bodyY: number;
  bodyScale: number;
  swell: number;
  armsY: number;
  armL: number;
  armR: number;
  headY: number;
  headAngle: number;
  faceX: number;
  marks: number;
}
export type RigKey = keyof Rig;

export const REST: Readonly<Rig> = {
  bodyX: 0,
  bodyY: 0,
  bodyScale: 0,
  swell: 0,
  armsY: 0,
  armL: 0,
  armR: 0,
  headY: 0,
  headAngle: 0,
  faceX: 0,
  marks: 0,
};

/** How each pose holds the body: leaning in comes closer and bigger, slumping sinks and tilts. */
export const STANCE: Record<Pose, Partial<Rig>> = {
  neutral: {},
  open: {},
  'arms-crossed': { headY: -2, headAngle: 2 },
  'fists-clenched': { headY: 3, bodyY: 2 },
  'leaning-in': { bodyScale: 0.08, bodyY: 30, headY: 4 },
  pointing: { headAngle: -2 },
  slumped: { bodyY: 22, headY: 4, headAngle: -7 },
};

export interface Breath {
  periodMs: number;
  /** How much the torso swells (a fraction of its height) and the head rises (pixels). */
  swell: number;
  lift: number;
}

/** Calm breathes slow and shallow; the angrier, the faster and deeper. */
export const BREATH: Record<Face, Breath> = {
  relieved: { periodMs: 4400, swell: 0.012, lift: 1.6 },
  calm: { periodMs: 3900, swell: 0.012, lift: 1.6 },
  annoyed: { periodMs: 3200, swell: 0.014, lift: 1.8 },
  angry: { periodMs: 2500, swell: 0.018, lift: 2.2 },
  furious: { periodMs: 1700, swell: 0.024, lift: 2.8 },
  // Defeated: slow and heavy, all sighs.
  defeated: { periodMs: 4800, swell: 0.016, lift: 1.8 },
};

/** A slumped customer sighs: slower, deeper breaths. */
export function breathFor(mood: Face, pose: Pose): Breath {
  const b = BREATH[mood];
  return pose === 'slumped' ? { periodMs: b.periodMs * 1.4, swell: b.swell * 1.6, lift: b.lift * 1.6 } : b;
}

/**
 * One repeating movement of one part. `sine` swings both ways; `beat` is a quick push and a rest
 * (a jab, a nod on a stressed word); `amount` is the furthest it goes.
 */
export interface Wave {
  key: RigKey;
  amount: number;
  periodMs: number;
  shape: 'sine' | 'beat';
  /** A habit of the pose (`always`), or emphasis while the customer's line is said. */
  when: 'always' | 'speaking';
  /** Where in its cycle it starts, 0–1, so two waves do not move in lockstep. */
  phase?: number;
}

/** Every pose while speaking: the head moves with the words. */
const TALKING: readonly Wave[] = [
  { key: 'headAngle', amount: 1.6, periodMs: 1300, shape: 'sine', when: 'speaking' },
  { key: 'headY', amount: 1.4, periodMs: 520, shape: 'beat', when: 'speaking', phase: 0.3 },
];

/** The gestures that go with each pose (see the Pose type in the engine). */
export const GESTURES: Record<Pose, readonly Wave[]> = {
  neutral: [{ key: 'armsY', amount: -2.5, periodMs: 1500, shape: 'beat', when: 'speaking' }],
  // Palms out: the forearms open a little on the stressed words.
  open: [
    { key: 'armL', amount: 7, periodMs: 1400, shape: 'beat', when: 'speaking' },
    { key: 'armR', amount: -7, periodMs: 1400, shape: 'beat', when: 'speaking', phase: 0.1 },
    { key: 'armsY', amount: -1, periodMs: 5000, shape: 'sine', when: 'always' },
  ],
  // Impatient: weight shifts from foot to foot, a shake of the head at the words.
  'arms-crossed': [
    { key: 'bodyX', amount: 2.5, periodMs: 6200, shape: 'sine', when: 'always' },
    { key: 'headAngle', amount: 2.5, periodMs: 700, shape: 'sine', when: 'speaking' },
  ],
  // Held-in anger: fists tremble, and come down on the words.
  'fists-clenched': [
    { key: 'armsY', amount: 0.7, periodMs: 90, shape: 'sine', when: 'always' },
    { key: 'armsY', amount: 4, periodMs: 760, shape: 'beat', when: 'speaking', phase: 0.2 },
  ],
  // Looming: the body creeps closer and back, and pushes in on the words.
  'leaning-in': [
    { key: 'bodyScale', amount: 0.012, periodMs: 4200, shape: 'sine', when: 'always' },
    { key: 'bodyScale', amount: 0.018, periodMs: 900, shape: 'beat', when: 'speaking' },
  ],
  // The finger jabs on every stressed word.
  pointing: [
    { key: 'armR', amount: -9, periodMs: 560, shape: 'beat', when: 'speaking' },
    { key: 'armR', amount: -1.5, periodMs: 2600, shape: 'sine', when: 'always' },
  ],
  // Heavy: the head droops further and lifts again, and comes up a little to speak.
  slumped: [
    { key: 'headAngle', amount: 1.5, periodMs: 6800, shape: 'sine', when: 'always' },
    { key: 'headAngle', amount: 3, periodMs: 1800, shape: 'beat', when: 'speaking' },
  ],
};

/** Eyes wander a little: the face turns a pixel or two, slowly, unless the customer is glaring. */
const GLANCE: Record<Face, number> = {
  relieved: 1.5,
  calm: 2,
  annoyed: 2.5,
  angry: 0.8,
  furious: 0,
  defeated: 1,
};

function waveAt(w: Wave, t: number): number {
  const turn = t / w.periodMs + (w.phase ?? 0);
  const s = Math.sin(2 * Math.PI * turn);
  return w.amount * (w.shape === 'sine' ? s : Math.max(0, s) ** 3);
}

export interface Moment {
  mood: Face;
  pose: Pose;
  /** Milliseconds on the stage's clock. */
  t: number;
  /** 0 when quiet, 1 while the line is said; in between while the emphasis fades in or out. */
  speaking: number;
  /** Beyond furious (a node that `shows: outburst`): the whole body trembles. */
  outburst?: boolean;
}

/** A furious customer's anger marks throb, this often. */
export const MARKS_THROB_MS = 620;
export const marksThrob = (mood: Face): boolean => mood === 'furious';

/** An outburst: the body pushes closer and the head comes up, on top of the pose's own stance. */
export const OUTBURST_STANCE: Partial<Rig> = { bodyScale: 0.05, bodyY: 12, headY: -4, headAngle: 2 };
/** An outburst's tremble: a pixel or two, fast. */
export const OUTBURST_TREMBLE = { amount: 1.4, periodMs: 70 };

/** The movement on top of the pose's stance at one moment: breath, gestures, glances. */
export function motionAt({ mood, pose, t, speaking, outburst = false }: Moment): Rig {
  const rig = { ...REST };
  const breath = breathFor(mood, pose);
  // Breathing in lifts the head and swells the torso together; 0 to 1 and back.
  const inhale = (1 - Math.cos((2 * Math.PI * t) / breath.periodMs)) / 2;
  rig.swell += breath.swell * inhale;
  rig.headY -= breath.lift * inhale;
  rig.armsY -= breath.lift * 0.5 * inhale;
  rig.faceX += GLANCE[mood] * Math.sin((2 * Math.PI * t) / 9100);
  if (marksThrob(mood)) rig.marks += 0.14 * Math.max(0, Math.sin((2 * Math.PI * t) / MARKS_THROB_MS));
  for (const w of [...GESTURES[pose], ...TALKING]) {
    const weight = w.when === 'always' ? 1 : speaking;
    if (weight > 0) rig[w.key] += weight * waveAt(w, t);
  }
  if (outburst) {
    rig.bodyX += OUTBURST_TREMBLE.amount * Math.sin((2 * Math.PI * t) / OUTBURST_TREMBLE.periodMs);
    rig.marks += 0.1;
  }
  return rig;
}

/** The pose's stance, as a whole rig; an outburst's harder stance on top of it. */
export function stanceOf(pose: Pose, outburst = false): Rig {
  const rig = { ...REST, ...STANCE[pose] };
  if (outburst) for (const [key, value] of Object.entries(OUTBURST_STANCE)) rig[key as RigKey] += value;
  return rig;
}

/** Moves `from` toward `to` as a spring without overshoot would, over about `tauMs` per 63 %. */
export function approach(from: number, to: number, dtMs: number, tauMs: number): number {
  if (tauMs <= 0) return to;
  return to + (from - to) * Math.exp(-dtMs / tauMs);
}

/** Each value of `from` moved toward `to` (see approach). */
export function approachRig(from: Rig, to: Rig, dtMs: number, tauMs: number): Rig {
  const next = { ...from };
  for (const key of Object.keys(REST) as RigKey[]) next[key] = approach(from[key], to[key], dtMs, tauMs);
  return next;
}

/** How quickly a new stance is taken (ms per 63 % of the way), and emphasis comes and goes. */
export const STANCE_TAU_MS = 140;
export const SPEAKING_TAU_MS = 120;

/** Sum of two rigs (stance plus motion). */
export function addRigs(a: Rig, b: Rig): Rig {
  const sum = { ...a };
  for (const key of Object.keys(REST) as RigKey[]) sum[key] += b[key];
  return sum;
}

/** How long an expression takes to become the next one, and a pose to become the next one. */
export const EXPRESSION_FADE_MS = 320;
export const POSE_FADE_MS = 220;

export interface BlinkTiming {
  minGapMs: number;
  maxGapMs: number;
}

/** Blinks by mood; none when relieved (the eyes are already closed in a smile). A glare blinks less. */
export const BLINK: Record<Face, BlinkTiming | null> = {
  relieved: null,
  calm: { minGapMs: 2400, maxGapMs: 5200 },
  annoyed: { minGapMs: 2000, maxGapMs: 4400 },
  angry: { minGapMs: 3200, maxGapMs: 6200 },
  furious: { minGapMs: 4200, maxGapMs: 7600 },
  defeated: { minGapMs: 1800, maxGapMs: 3800 },
};
/** Eyes shut for this long in a blink; one blink in DOUBLE_BLINK_EVERY is doubled. */
export const BLINK_SHUT_MS = 110;
export const DOUBLE_BLINK_EVERY = 5;

/** The engine's seeded random source (mulberry32): blinks look random but replay the same. */
export { seededRandom } from '../engine/index.js';

/** The next blink: how long until it, and whether it is a double one; null if this mood does not blink. */
export function nextBlink(mood: Face, random: () => number): { gapMs: number; double: boolean } | null {
  const timing = BLINK[mood];
  if (!timing) return null;
  const gapMs = timing.minGapMs + random() * (timing.maxGapMs - timing.minGapMs);
  return { gapMs, double: random() < 1 / DOUBLE_BLINK_EVERY };
}

/** Shut at `sinceMs` after a blink began? A double blink shuts, opens as long, and shuts again. */
export function blinkShut(sinceMs: number, double: boolean): boolean {
  if (sinceMs < 0) return false;
  if (sinceMs < BLINK_SHUT_MS) return true;
  return double && sinceMs >= 2 * BLINK_SHUT_MS && sinceMs < 3 * BLINK_SHUT_MS;
}

/** How long a blink lasts, from the first shut to eyes open. */
export function blinkLength(double: boolean): number {
  return (double ? 3 : 1) * BLINK_SHUT_MS;
}

/** The mouth's drawings: shut (the mood's own mouth), half open, open. */
export const MOUTH_FRAMES = [0, 1, 2] as const;
export type MouthFrame = (typeof MOUTH_FRAMES)[number];

/** One syllable-ish shape per beat, with short closings between words. */
export const SPEECH_BEAT_MS = 95;
export const SPEECH_PATTERN: readonly MouthFrame[] = [
  1, 2, 1, 0, 2, 2, 1, 0, 1, 2, 1, 1, 0, 0, 2, 1, 2, 1, 0, 1, 2, 2, 1, 0, 0,
];

/** How a customer in this setting is seen to say a line: lips moving, or typing in a chat. */
export function speechStyle(setting: Setting): 'mouth' | 'typing' {
  return setting === 'chat' ? 'typing' : 'mouth';
}

/**
 * The mouth's drawing `sinceMs` after the line began. Quiet: shut. With reduced motion the mouth
 * does not move: half open while the line is said, as a still sign that they are talking.
 */
export function mouthAt(
  sinceMs: number,
  speaking: boolean,
  setting: Setting,
  reducedMotion: boolean,
): MouthFrame {
  if (!speaking || speechStyle(setting) === 'typing') return 0;
  if (reducedMotion) return 1;
  const beat = Math.floor(Math.max(0, sinceMs) / SPEECH_BEAT_MS);
  return SPEECH_PATTERN[beat % SPEECH_PATTERN.length] ?? 0;
}

/** The chat's typing dots: each dot's lift (0–1) `sinceMs` after the customer started typing. */
export function typingDots(sinceMs: number, reducedMotion: boolean): [number, number, number] {
  if (reducedMotion) return [0, 0, 0];
  const lift = (i: number) => Math.max(0, Math.sin((2 * Math.PI * (sinceMs - i * 160)) / 1000)) ** 2;
  return [lift(0), lift(1), lift(2)];
}
