/** The stage: the customer, whose face and body follow the call, and an anger gauge. */
import Phaser from 'phaser';
import type { EndingKind } from '../../engine/index.js';
import { EVENTS, SCENES, portraitKey, type CallView } from './keys.js';

export class StageScene extends Phaser.Scene {
  private portrait?: Phaser.GameObjects.Image;
  private view?: CallView;

  constructor() {
    super(SCENES.stage);
  }

  create(): void {
    const onView = (view: CallView) => {
      this.show(view);
    };
    this.game.events.on(EVENTS.view, onView);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.game.events.off(EVENTS.view, onView));
    const initial = this.registry.get(EVENTS.view) as CallView | undefined;
    if (initial) this.show(initial);
  }

  private show(view: CallView): void {
    const key = portraitKey(view.appearance, view.mood, view.pose);
    if (!this.textures.exists(key)) return;
    const { width, height } = this.scale;
    const previous = this.view;
    this.view = view;
    if (!this.portrait) {
      this.portrait = this.add.image(width / 2, height, key).setOrigin(0.5, 1);
      this.portrait.setScale(height / this.portrait.height);
      return;
    }
    this.portrait.setTexture(key);
    if (view.ending !== previous?.ending) this.portrait.setAlpha(1).setX(width / 2);
    if (view.ending && view.ending !== previous?.ending) {
      this.leave(view.ending, view.reducedMotion);
      return;
    }
    const escalated = previous !== undefined && view.anger > previous.anger;
    if (view.reducedMotion || previous?.mood === view.mood) return;
    // A mood change is felt: a small jolt when anger rises, a settle when it falls.
    const base = height / this.portrait.height;
    this.tweens.killTweensOf(this.portrait);
    this.portrait.setScale(base * (escalated ? 1.04 : 0.98));
    this.tweens.add({ targets: this.portrait, scale: base, duration: 260, ease: 'Back.easeOut' });
    if (escalated && view.mood === 'furious') this.cameras.main.shake(220, 0.006);
  }

  /** The ending, shown: a walk-out or an exit to complain, or a warm nod when it was settled. */
  private leave(kind: EndingKind, reducedMotion: boolean): void {
    const portrait = this.portrait;
    if (!portrait) return;
    this.tweens.killTweensOf(portrait);
    const walksOff = kind === 'hung-up' || kind === 'escalated';
    if (reducedMotion) {
      portrait.setAlpha(walksOff ? 0.25 : 1);
      return;
    }
    if (walksOff) {
      // Hung up storms off fast; escalated leaves slowly, to write that letter.
      const fast = kind === 'hung-up';
      this.tweens.add({
        targets: portrait,
        x: this.scale.width + portrait.displayWidth,
        alpha: 0.2,
        duration: fast ? 700 : 1600,
        ease: fast ? 'Quad.easeIn' : 'Sine.easeInOut',
      });
    } else {
      const base = portrait.scale;
      this.tweens.add({ targets: portrait, scale: base * 1.03, duration: 220, yoyo: true, repeat: 1 });
    }
  }
}
