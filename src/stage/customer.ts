/**
 * The customer on the stage: a rig of images from their sheet (torso, arms, head, two expressions
 * to cross-fade, blink lids, anger marks), moved every frame by motion.ts. Switching a mood or a
 * mouth shape switches frames; nothing is drawn anew.
 */
import Phaser from 'phaser';
import type { Pose, Setting } from '../engine/index.js';
import {
  EXPRESSION_FADE_MS,
  POSE_FADE_MS,
  SPEAKING_TAU_MS,
  STANCE_TAU_MS,
  addRigs,
  approach,
  REST,
  approachRig,
  blinkLength,
  blinkShut,
  motionAt,
  mouthAt,
  nextBlink,
  seededRandom,
  speechStyle,
  stanceOf,
  type MouthFrame,
  type Rig,
} from './motion.js';
import {
  HEAD_LAYERS,
  HEAD_PIVOT,
  MOOD_LAYERS,
  PORTRAIT_HEIGHT,
  PORTRAIT_WIDTH,
  TORSO,
  armsOf,
  frameNames,
  wearsGlasses,
  wearsHeadset,
  type Placed,
} from './rig.js';
import { IDLE_FRAME_MS, blinkNear, quickAtRest, rigSettled, settled } from './pace.js';
import { partScale, type Resolution } from './resolution.js';
import type { Face } from './shown.js';
import { customerKey } from './textures.js';

/** What the customer is doing, as the stage last heard it. */
export interface Doing {
  /** The face drawn: the mood's, or the one the moment shows (see shown.ts). */
  mood: Face;
  pose: Pose;
  /** Beyond furious: a harder stance and a tremble. */
  outburst: boolean;
  setting: Setting;
  speaking: boolean;
  reducedMotion: boolean;
}

/** A person's own ways: blinks (`seed`), breath shifted in time (`phaseMs`), a held bearing (`turn`). */
export interface Manner {
  seed: number;
  phaseMs: number;
  turn?: Partial<Rig>;
}

/** The bottom centre of the portrait is the rig's origin. */
const ORIGIN = { x: PORTRAIT_WIDTH / 2, y: PORTRAIT_HEIGHT };

interface Expression {
  mood: Face;
  box: Phaser.GameObjects.Container;
  face: Phaser.GameObjects.Image;
  mouth: Phaser.GameObjects.Image;
}

export class Customer {
  /** Placed and scaled by the stage; walks off, jolts and nods as a whole. */
  readonly root: Phaser.GameObjects.Container;
  private readonly body: Phaser.GameObjects.Container;
  private readonly torso: Phaser.GameObjects.Image;
  private readonly head: Phaser.GameObjects.Container;
  private readonly under: Phaser.GameObjects.Container;
  private readonly over: Phaser.GameObjects.Container;
  private readonly expressions: [Expression, Expression];
  private readonly blink: Phaser.GameObjects.Image;
  private readonly marks: Phaser.GameObjects.Image;
  private readonly glasses?: Phaser.GameObjects.Image;
  private readonly headset: Phaser.GameObjects.Image;
  private arms: Phaser.GameObjects.Image[] = [];
  private shown = 0;
  private doing: Doing;
  private stance: Rig;
  private speakingMix = 0;
  private speakingSince = 0;
  private mouthShown?: MouthFrame;
  private readonly random: () => number;
  /** Shifts this figure's breathing and glances in time, so two people at the counter are not in step. */
  private readonly phaseMs: number;
  /** Held on top of every stance: a second person's face turned a little towards the customer. */
  private readonly turn: Partial<Rig>;
  private blinkAt = 0;
  private blinkDouble = false;

  /** Texture pixels per portrait pixel on this customer's sheet. */
  private readonly scale: number;

  constructor(
    private readonly scene: Phaser.Scene,
    readonly appearance: string,
    doing: Doing,
    resolution: Resolution,
    /** Another person on the stage gets their own blinks (`seed`), breath (`phaseMs`) and bearing (`turn`). */
    manner: Manner = { seed: 7, phaseMs: 0 },
  ) {
    this.random = seededRandom(manner.seed);
    this.phaseMs = manner.phaseMs;
    this.turn = manner.turn ?? {};
    const key = customerKey(appearance);
    const scale = partScale(resolution);
    this.scale = scale;
    this.doing = doing;
    this.stance = this.stanceFor(doing.pose, doing.outburst);
    const part = (placed: Placed & { frame: string }, origin: { x: number; y: number }) => {
      const { box, pivot, frame } = placed;
      const f = scene.textures.getFrame(key, frame);
      return scene.add
        .image(pivot.x - origin.x, pivot.y - origin.y, key, frame)
        .setOrigin(((pivot.x - box.x) * scale) / f.width, ((pivot.y - box.y) * scale) / f.height)
        .setScale(1 / scale);
    };
    this.torso = part(TORSO, ORIGIN);
    this.under = scene.add.container(0, 0);
    this.over = scene.add.container(0, 0);
    const inHead = (layer: Placed) => part(layer, HEAD_PIVOT);
    const expression = (): Expression => {
      const face = inHead({ ...HEAD_LAYERS.face, frame: frameNames.face(doing.mood) });
      const mouth = inHead({ ...HEAD_LAYERS.mouth, frame: frameNames.mouth(doing.mood, 0) });
      return { mood: doing.mood, box: scene.add.container(0, 0, [face, mouth]), face, mouth };
    };
    this.expressions = [expression(), expression()];
    this.expressions[1].box.setVisible(false).setAlpha(0);
    this.blink = inHead(HEAD_LAYERS.blink).setVisible(false);
    this.marks = inHead(HEAD_LAYERS.marks);
    this.headset = inHead(HEAD_LAYERS.headset);
    const layers: Phaser.GameObjects.GameObject[] = [
      inHead(HEAD_LAYERS.head),
      ...this.expressions.map((e) => e.box),
      this.blink,
    ];
    if (wearsGlasses(appearance)) {
      this.glasses = inHead(HEAD_LAYERS.glasses);
      layers.push(this.glasses);
    }
    layers.push(this.marks, this.headset);
    this.head = scene.add.container(HEAD_PIVOT.x - ORIGIN.x, HEAD_PIVOT.y - ORIGIN.y, layers);
    this.body = scene.add.container(0, 0, [this.torso, this.under, this.head, this.over]);
    this.root = scene.add.container(0, 0, [this.body]);
    this.setArms(doing.pose, true);
    this.showLayers(true);
    this.apply(this.stance);
  }

  /** Takes in what the customer is doing now: a mood eases into the next, a pose into the next. */
  update(doing: Doing): void {
    const before = this.doing;
    this.doing = doing;
    const instant = doing.reducedMotion;
    if (doing.speaking && !before.speaking) this.speakingSince = this.scene.time.now;
    if (doing.pose !== before.pose) this.setArms(doing.pose, instant);
    if (doing.mood !== before.mood) this.setMood(doing.mood, instant);
    if (doing.setting !== before.setting || doing.mood !== before.mood) this.showLayers(instant);
    if (instant) {
      // Held still: the pose's stance, eyes open.
      this.apply(this.stanceFor(doing.pose, doing.outburst));
      this.blink.setVisible(false);
    }
  }

  private setMood(mood: Face, instant: boolean): void {
    const from = this.expressions[this.shown] as Expression;
    this.shown = 1 - this.shown;
    const to = this.expressions[this.shown] as Expression;
    to.mood = mood;
    to.face.setFrame(frameNames.face(mood));
    to.mouth.setFrame(frameNames.mouth(mood, this.mouthShown ?? 0));
    this.scene.tweens.killTweensOf([from.box, to.box]);
    if (instant) {
      from.box.setVisible(false).setAlpha(0);
      to.box.setVisible(true).setAlpha(1);
      return;
    }
    to.box.setVisible(true);
    this.scene.tweens.add({
      targets: to.box,
      alpha: 1,
      duration: EXPRESSION_FADE_MS,
      ease: 'Sine.easeInOut',
    });
    this.scene.tweens.add({
      targets: from.box,
      alpha: 0,
      duration: EXPRESSION_FADE_MS,
      ease: 'Sine.easeInOut',
      onComplete: () => from.box.setVisible(false),
    });
  }

  /** The mood's own layers (anger marks) and the setting's (a headset on the phone). */
  private showLayers(instant: boolean): void {
    const { mood, setting } = this.doing;
    this.headset.setVisible(wearsHeadset(setting));
    const marks = MOOD_LAYERS[mood].marks;
    this.scene.tweens.killTweensOf(this.marks);
    if (instant) this.marks.setVisible(marks).setAlpha(1);
    else if (marks !== this.marks.visible || this.marks.alpha < 1) {
      this.marks.setVisible(true);
      this.scene.tweens.add({
        targets: this.marks,
        alpha: marks ? 1 : 0,
        duration: EXPRESSION_FADE_MS,
        onComplete: () => this.marks.setVisible(marks),
      });
    }
    if (!MOOD_LAYERS[mood].blinks) this.blink.setVisible(false);
  }

  private setArms(pose: Pose, instant: boolean): void {
    const key = customerKey(this.appearance);
    const old = this.arms;
    this.arms = armsOf(this.appearance, pose).map((arm) => {
      const f = this.scene.textures.getFrame(key, arm.frame);
      const image = this.scene.add
        .image(arm.pivot.x - ORIGIN.x, arm.pivot.y - ORIGIN.y, key, arm.frame)
        .setOrigin(
          ((arm.pivot.x - arm.box.x) * this.scale) / f.width,
          ((arm.pivot.y - arm.box.y) * this.scale) / f.height,
        )
        .setScale(1 / this.scale)
        .setData('side', arm.frame.split(':')[2]);
      (arm.over ? this.over : this.under).add(image);
      return image;
    });
    if (instant) {
      old.forEach((image) => {
        image.destroy();
      });
      return;
    }
    this.arms.forEach((image) => image.setAlpha(0));
    this.scene.tweens.add({ targets: this.arms, alpha: 1, duration: POSE_FADE_MS, ease: 'Sine.easeOut' });
    this.scene.tweens.add({
      targets: old,
      alpha: 0,
      duration: POSE_FADE_MS,
      ease: 'Sine.easeIn',
      onComplete: () => {
        old.forEach((image) => {
          image.destroy();
        });
      },
    });
  }

  /** One frame: breathing, gestures and glances on the stance, the mouth, a blink now and then. */
  tick(now: number, deltaMs: number): void {
    const { mood, pose, setting, speaking, reducedMotion, outburst } = this.doing;
    const mouth = mouthAt(now - this.speakingSince, speaking, setting, reducedMotion);
    if (mouth !== this.mouthShown) {
      this.mouthShown = mouth;
      for (const e of this.expressions) e.mouth.setFrame(frameNames.mouth(e.mood, mouth));
    }
    if (reducedMotion) return;
    const dt = Math.min(deltaMs, 100);
    this.speakingMix = approach(this.speakingMix, speaking ? 1 : 0, dt, SPEAKING_TAU_MS);
    this.stance = approachRig(this.stance, this.stanceFor(pose, outburst), dt, STANCE_TAU_MS);
    const t = now + this.phaseMs;
    this.apply(addRigs(this.stance, motionAt({ mood, pose, t, speaking: this.speakingMix, outburst })));
    this.blinkNow(now);
  }

  /** The pose's stance, with this figure's own bearing on top. */
  private stanceFor(pose: Pose, outburst: boolean): Rig {
    return addRigs(stanceOf(pose, outburst), { ...REST, ...this.turn });
  }

  /** Whether their lips move now: a line is said, by mouth (a chat's customer types instead). */
  get talking(): boolean {
    return this.doing.speaking && speechStyle(this.doing.setting) === 'mouth';
  }

  /** Is anything on the customer moving quickly now: a line, an easing stance or emphasis, a blink (see pace.ts)? */
  moving(now: number): boolean {
    const { speaking, mood, pose, reducedMotion, outburst } = this.doing;
    if (speaking) return true;
    if (reducedMotion) return false;
    if (quickAtRest(mood, pose, outburst)) return true;
    if (!settled(this.speakingMix, 0) || !rigSettled(this.stance, this.stanceFor(pose, outburst)))
      return true;
    return blinkNear(now, this.blinkAt, blinkLength(this.blinkDouble), IDLE_FRAME_MS);
  }

  /** Blinks come at random gaps (by mood); once one is over, the next is scheduled. */
  private blinkNow(now: number): void {
    if (now - this.blinkAt >= blinkLength(this.blinkDouble)) {
      const next = nextBlink(this.doing.mood, this.random);
      if (!next) {
        this.blink.setVisible(false);
        return;
      }
      this.blinkAt = now + next.gapMs;
      this.blinkDouble = next.double;
    }
    this.blink.setVisible(blinkShut(now - this.blinkAt, this.blinkDouble));
  }

  private apply(rig: Rig): void {
    this.body.setPosition(rig.bodyX, rig.bodyY).setScale(1 + rig.bodyScale);
    this.torso.setScale(1 / this.scale, (1 + rig.swell) / this.scale);
    this.under.y = rig.armsY;
    this.over.y = rig.armsY;
    for (const arm of this.arms) {
      const side = arm.getData('side') as string;
      arm.angle = side === 'left' ? rig.armL : side === 'right' ? rig.armR : 0;
    }
    this.head.setPosition(HEAD_PIVOT.x - ORIGIN.x, HEAD_PIVOT.y - ORIGIN.y + rig.headY);
    this.head.angle = rig.headAngle;
    for (const e of this.expressions) e.box.x = rig.faceX;
    this.blink.x = HEAD_LAYERS.blink.pivot.x - HEAD_PIVOT.x + rig.faceX;
    if (this.glasses) this.glasses.x = HEAD_LAYERS.glasses.pivot.x - HEAD_PIVOT.x + rig.faceX;
    this.marks.setScale((1 + rig.marks) / this.scale);
  }

  destroy(): void {
    this.root.destroy();
  }
}
