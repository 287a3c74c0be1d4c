/** The stage: the customer between the back wall and the counter (or desk), following the call. */
import Phaser from 'phaser';
import type { EndingKind } from '../engine/index.js';
import { FOREGROUND_TOP } from './backdrop.js';
import { EVENTS, SCENES, backdropKey, portraitKey, type CallView, type StageReport } from './view.js';

/** The portrait stands on the foreground: its bottom edge sits just inside the counter lip, fists and hands in view. */
const OVERLAP = -8;
const HEADROOM = 14;

export class StageScene extends Phaser.Scene {
  private back?: Phaser.GameObjects.Image;
  private front?: Phaser.GameObjects.Image;
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

  private report(view: CallView, customer: StageReport['customer']): void {
    const report: StageReport = { mood: view.mood, pose: view.pose, setting: view.setting, customer };
    this.game.events.emit(EVENTS.drawn, report);
  }

  /** The portrait's resting scale and place for the current setting. */
  private rest(view: CallView, portrait: Phaser.GameObjects.Image): { scale: number; y: number } {
    const y = FOREGROUND_TOP[view.setting] + OVERLAP;
    return { scale: (y - HEADROOM) / portrait.height, y };
  }

  private show(view: CallView): void {
    const key = portraitKey(view.appearance, view.mood, view.pose);
    if (!this.textures.exists(key)) return;
    const { width } = this.scale;
    const previous = this.view;
    this.view = view;
    if (view.setting !== previous?.setting) {
      this.back?.destroy();
      this.front?.destroy();
      this.back = this.add.image(0, 0, backdropKey(view.setting, 'back')).setOrigin(0).setDepth(0);
      this.front = this.add.image(0, 0, backdropKey(view.setting, 'front')).setOrigin(0).setDepth(2);
    }
    if (!this.portrait)
      this.portrait = this.add
        .image(width / 2, 0, key)
        .setOrigin(0.5, 1)
        .setDepth(1);
    const portrait = this.portrait;
    portrait.setTexture(key);
    const rest = this.rest(view, portrait);
    if (view.ending !== previous?.ending || view.setting !== previous?.setting) {
      // A new call, or a new ending: the customer is back at the counter, as they were.
      this.tweens.killTweensOf(portrait);
      portrait
        .setAlpha(1)
        .setPosition(width / 2, rest.y)
        .setScale(rest.scale);
    }
    if (view.ending && view.ending !== previous?.ending) {
      this.leave(view, view.ending);
      return;
    }
    this.report(view, view.ending ? this.endState(view.ending) : 'present');
    const escalated = previous !== undefined && view.anger > previous.anger;
    if (view.reducedMotion || previous?.mood === view.mood) return;
    // A mood change is felt: a small jolt when anger rises, a settle when it falls.
    this.tweens.killTweensOf(portrait);
    portrait.setScale(rest.scale * (escalated ? 1.04 : 0.98));
    this.tweens.add({ targets: portrait, scale: rest.scale, duration: 260, ease: 'Back.easeOut' });
    if (escalated && view.mood === 'furious') this.cameras.main.shake(220, 0.006);
  }

  private endState(kind: EndingKind): StageReport['customer'] {
    return kind === 'hung-up' || kind === 'escalated' ? 'gone' : 'settled';
  }

  /** The ending, shown: a walk-out or an exit to complain, or a warm nod when it was settled. */
  private leave(view: CallView, kind: EndingKind): void {
    const portrait = this.portrait;
    if (!portrait) return;
    const done = () => {
      this.report(view, this.endState(kind));
    };
    const walksOff = this.endState(kind) === 'gone';
    if (view.reducedMotion) {
      portrait.setAlpha(walksOff ? 0.25 : 1);
      done();
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
        onComplete: done,
      });
    } else {
      const base = portrait.scale;
      this.tweens.add({
        targets: portrait,
        scale: base * 1.03,
        duration: 220,
        yoyo: true,
        repeat: 1,
        onComplete: done,
      });
    }
  }
}
