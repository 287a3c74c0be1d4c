/** The stage: the customer, whose face and body follow the call, and an anger gauge. */
import Phaser from 'phaser';
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
    const escalated = previous !== undefined && view.anger > previous.anger;
    if (view.reducedMotion || previous?.mood === view.mood) return;
    // A mood change is felt: a small jolt when anger rises, a settle when it falls.
    const base = height / this.portrait.height;
    this.tweens.killTweensOf(this.portrait);
    this.portrait.setScale(base * (escalated ? 1.04 : 0.98));
    this.tweens.add({ targets: this.portrait, scale: base, duration: 260, ease: 'Back.easeOut' });
    if (escalated && view.mood === 'furious') this.cameras.main.shake(220, 0.006);
  }
}
