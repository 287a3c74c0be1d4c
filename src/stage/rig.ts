/**
 * The customer as a rig of parts: what each part is, where it sits and turns, and which parts a
 * mood or a setting shows. One sheet (atlas) per appearance holds every part, made when that
 * customer is first needed. No Phaser: tested in Node; customer.ts builds the rig from it.
 */
import { POSES, type Pose, type Setting } from '../engine/index.js';
import { atlas, type Atlas, type Box, type Part } from './atlas.js';
import { angerMarks, blinkLids, features, glasses, mouth } from './face.js';
import { HEAD_BOX, HEAD_PIVOT, TORSO_BOX, TORSO_PIVOT, arms, head, headset, torso } from './figure.js';
import { lookFor } from './looks.js';
import { BLINK, MOUTH_FRAMES, type MouthFrame } from './motion.js';
import { FACES, type Face, type Showing } from './shown.js';

/** The portrait's own coordinates: the customer from the waist up. */
export const PORTRAIT_WIDTH = 400;
export const PORTRAIT_HEIGHT = 500;

const FACE_BOX: Box = { x: 124, y: 128, w: 152, h: 96 };
const MOUTH_BOX: Box = { x: 150, y: 204, w: 100, h: 66 };
const BLINK_BOX: Box = { x: 150, y: 162, w: 100, h: 34 };
const MARKS_BOX: Box = { x: 258, y: 96, w: 48, h: 60 };
const GLASSES_BOX: Box = { x: 124, y: 158, w: 152, h: 40 };

/** Where a part's image is anchored: the point it turns around, in portrait pixels. */
export interface Placed {
  frame: string;
  box: Box;
  pivot: { x: number; y: number };
}

export const frameNames = {
  torso: 'torso',
  head: 'head',
  headset: 'headset',
  blink: 'blink',
  marks: 'marks',
  glasses: 'glasses',
  face: (mood: Face) => `face:${mood}`,
  mouth: (mood: Face, frame: MouthFrame) => `mouth:${mood}:${frame}`,
  arm: (pose: Pose, side: string) => `arm:${pose}:${side}`,
};

const centre = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** The head's own layers, each placed around its box's centre (they move with the head). */
export const HEAD_LAYERS = {
  head: { frame: frameNames.head, box: HEAD_BOX, pivot: HEAD_PIVOT },
  headset: { frame: frameNames.headset, box: HEAD_BOX, pivot: HEAD_PIVOT },
  face: { box: FACE_BOX, pivot: centre(FACE_BOX) },
  mouth: { box: MOUTH_BOX, pivot: centre(MOUTH_BOX) },
  blink: { frame: frameNames.blink, box: BLINK_BOX, pivot: centre(BLINK_BOX) },
  marks: { frame: frameNames.marks, box: MARKS_BOX, pivot: { x: 272, y: 130 } },
  glasses: { frame: frameNames.glasses, box: GLASSES_BOX, pivot: centre(GLASSES_BOX) },
} as const;
export const TORSO: Placed = { frame: frameNames.torso, box: TORSO_BOX, pivot: TORSO_PIVOT };
export { HEAD_PIVOT };

/** The arms a pose shows, in drawing order; `over` ones come in front of the head. */
export function armsOf(appearance: string, pose: Pose): (Placed & { over: boolean })[] {
  return arms(pose, lookFor(appearance)).map((a) => ({
    frame: frameNames.arm(pose, a.side),
    box: a.box,
    pivot: a.pivot,
    over: a.over ?? false,
  }));
}

/** Which layers a mood shows: blinking eyes (not a relieved smile's shut ones), anger marks. */
export interface MoodLayers {
  blinks: boolean;
  marks: boolean;
  /** How strongly the room's light turns hot around the customer (0–1). */
  heat: number;
}
export const MOOD_LAYERS: Record<Face, MoodLayers> = {
  relieved: { blinks: BLINK.relieved !== null, marks: false, heat: 0 },
  calm: { blinks: BLINK.calm !== null, marks: false, heat: 0 },
  annoyed: { blinks: BLINK.annoyed !== null, marks: false, heat: 0.2 },
  angry: { blinks: BLINK.angry !== null, marks: false, heat: 0.45 },
  furious: { blinks: BLINK.furious !== null, marks: true, heat: 0.75 },
  // Defeated: no heat left in the room, only a low, tired light.
  defeated: { blinks: BLINK.defeated !== null, marks: false, heat: 0 },
};

/** How hot the room's light is around the customer: an outburst is as hot as it gets. */
export function heatOf(showing: Showing): number {
  return showing.outburst ? 1 : MOOD_LAYERS[showing.face].heat;
}

/** Whether the customer wears what a setting asks for: a headset on the phone. */
export function wearsHeadset(setting: Setting): boolean {
  return setting === 'phone';
}

/** Every part of one appearance's customer. */
export function customerParts(appearance: string): Part[] {
  const p = lookFor(appearance);
  const parts: Part[] = [
    { name: frameNames.torso, box: TORSO_BOX, body: torso(p) },
    { name: frameNames.head, box: HEAD_BOX, body: head(p) },
    { name: frameNames.headset, box: HEAD_BOX, body: headset() },
    { name: frameNames.blink, box: BLINK_BOX, body: blinkLids(p) },
    { name: frameNames.marks, box: MARKS_BOX, body: angerMarks() },
  ];
  if (p.glasses) parts.push({ name: frameNames.glasses, box: GLASSES_BOX, body: glasses() });
  for (const mood of FACES) {
    parts.push({ name: frameNames.face(mood), box: FACE_BOX, body: features(mood, p) });
    for (const frame of MOUTH_FRAMES) {
      const name = frameNames.mouth(mood, frame);
      parts.push({ name, box: MOUTH_BOX, body: mouth(mood, frame, p, `mouth-${mood}-${frame}`) });
    }
  }
  for (const pose of POSES)
    for (const arm of arms(pose, p))
      parts.push({ name: frameNames.arm(pose, arm.side), box: arm.box, body: arm.body });
  return parts;
}

/** One appearance's customer on one sheet, `scale` texture pixels per portrait pixel. */
export function customerAtlas(appearance: string, scale: number): Atlas {
  return atlas(customerParts(appearance), scale, '', Math.ceil(1120 * scale));
}

/** Whether the appearance draws glasses (its sheet has them). */
export function wearsGlasses(appearance: string): boolean {
  return lookFor(appearance).glasses === true;
}
