/**
 * The room on the stage: its back and front drawings, the heat in the light as the customer gets angry, and the room's small movements (ambient.ts).
 */
import Phaser from 'phaser';
import type { Setting } from '../engine/index.js';
import { clockAngles, steamAt } from './ambient.js';
import { SOFT_SCALE, spritesOf, type Sprite } from './backdrop.js';
import { EXPRESSION_FADE_MS, typingDots } from './motion.js';
import { PhonePanel, type PhoneMoment } from './phone-panel.js';
import type { Resolution } from './resolution.js';
import { sceneKey } from './textures.js';

/** Drawing order on the stage: a second person at the counter stands behind the customer. */
export const DEPTH = {
  back: 0,
  backSprites: 1,
  second: 1.5,
  customer: 2,
  front: 3,
  frontSprites: 4,
  heat: 5,
};

export interface Moment {
  now: number;
  speaking: boolean;
  reducedMotion: boolean;
  /** On a phone call: what the softphone shows (the caller, the line, the timer, the voice). */
  phone?: Omit<PhoneMoment, 'now' | 'speaking' | 'reducedMotion'>;
}

export class Scenery {
  private readonly images: Phaser.GameObjects.Image[] = [];
  private readonly heat: Phaser.GameObjects.Image;
  private readonly sprites: Record<string, { image: Phaser.GameObjects.Image; at: Sprite['at'] }[]> = {};
  private speakingSince = 0;
  private wasSpeaking = false;
  private readonly panel?: PhonePanel;

  constructor(
    private readonly scene: Phaser.Scene,
    readonly setting: Setting,
    private readonly resolution: Resolution,
  ) {
    const key = sceneKey(setting);
    const add = (frame: string, depth: number, scale: number = resolution) => {
      const image = scene.add
        .image(0, 0, key, frame)
        .setOrigin(0)
        .setScale(1 / scale)
        .setDepth(depth);
      this.images.push(image);
      return image;
    };
    add('back', DEPTH.back);
    const front = add('front', DEPTH.front);
    front.y = 360 - front.displayHeight;
    this.heat = add('heat', DEPTH.heat, SOFT_SCALE.heat).setAlpha(0).setVisible(false);
    for (const [name, list] of Object.entries(spritesOf(setting))) {
      const depth = name === 'clock' ? DEPTH.backSprites : DEPTH.frontSprites;
      this.sprites[name] = list.map((s) => ({ image: this.sprite(key, s, depth), at: s.at }));
    }
    const { wave, level } = this.sprites;
    if (wave) this.panel = new PhonePanel(scene, resolution, DEPTH.backSprites, wave, level?.[0]);
  }

  private sprite(key: string, { frame, box, at }: Sprite, depth: number): Phaser.GameObjects.Image {
    const f = this.scene.textures.getFrame(key, frame);
    const image = this.scene.add
      .image(at.x, at.y, key, frame)
      .setOrigin((-box.x * this.resolution) / f.width, (-box.y * this.resolution) / f.height)
      .setScale(1 / this.resolution)
      .setDepth(depth);
    this.images.push(image);
    return image;
  }

  /** The room's light follows the mood: hotter at the edges the angrier the customer (0–1, see heatOf). */
  setHeat(heat: number, instant: boolean): void {
    this.scene.tweens.killTweensOf(this.heat);
    if (instant) {
      this.heat.setAlpha(heat).setVisible(heat > 0);
      return;
    }
    this.heat.setVisible(true);
    this.scene.tweens.add({
      targets: this.heat,
      alpha: heat,
      duration: EXPRESSION_FADE_MS * 2,
      ease: 'Sine.easeInOut',
      onComplete: () => this.heat.setVisible(heat > 0),
    });
  }

  tick({ now, speaking, reducedMotion, phone }: Moment): void {
    if (speaking && !this.wasSpeaking) this.speakingSince = now;
    this.wasSpeaking = speaking;
    const { clock, steam, typing } = this.sprites;
    if (clock) {
      const date = new Date();
      // With reduced motion the hands move only once a minute, and the second hand not at all.
      const angles = clockAngles(date.getHours(), date.getMinutes(), reducedMotion ? 0 : date.getSeconds());
      clock.forEach(({ image }, i) => (image.angle = angles[i] ?? 0));
      clock[2]?.image.setVisible(!reducedMotion);
    }
    if (this.panel && phone) this.panel.tick({ now, speaking, reducedMotion, ...phone });
    steam?.forEach(({ image, at }, i) => {
      const { rise, alpha } = steamAt(now, i);
      image.setVisible(!reducedMotion).setAlpha(alpha);
      image.y = at.y - rise * 14;
    });
    if (typing) {
      const lifts = typingDots(now - this.speakingSince, reducedMotion);
      typing.forEach(({ image, at }, i) => {
        image.setVisible(speaking);
        // The bubble first, then its three dots.
        if (i > 0) image.y = at.y - (lifts[i - 1] ?? 0) * 4;
      });
    }
  }

  destroy(): void {
    this.panel?.destroy();
    this.images.forEach((image) => {
      image.destroy();
    });
  }
}
