/** Boot: a progress bar while the first customer and their room are made into textures. */
import Phaser from 'phaser';
import type { Resolution } from './resolution.js';
import { loadSheets } from './textures.js';
import { EVENTS, SCENES, type CallView } from './view.js';

export class BootScene extends Phaser.Scene {
  constructor(
    private readonly resolution: Resolution,
    /** What the bar says while the office is set up, in the page's language. */
    private readonly settingUp: string,
  ) {
    super(SCENES.boot);
  }

  create(): void {
    const { width, height } = this.scale;
    // Drawn in the canvas's own pixels: as big as the waiting box the page showed before it.
    const r = this.resolution;
    const frame = this.add
      .rectangle(width / 2, height / 2, width * 0.6, 18 * r)
      .setStrokeStyle(2 * r, 0x2f6f8f);
    const bar = this.add
      .rectangle(frame.x - frame.width / 2 + 3 * r, frame.y, 0, 12 * r, 0x2f6f8f)
      .setOrigin(0, 0.5);
    this.add
      .text(width / 2, height / 2 + 30 * r, this.settingUp, {
        // The page's own face and weight (the waiting box before it), not Phaser's default Courier.
        color: '#16324a',
        fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif",
        fontStyle: '600',
        fontSize: `${15 * r}px`,
      })
      .setOrigin(0.5, 0);
    const start = () => this.scene.start(SCENES.stage);
    // The page's first view is in the registry by now; without one the stage waits for it.
    const view = this.registry.get(EVENTS.view) as CallView | undefined;
    if (!view) {
      start();
      return;
    }
    this.tweens.add({
      targets: bar,
      width: (frame.width - 6 * r) * 0.9,
      duration: 600,
      ease: 'Quad.easeOut',
    });
    // A sheet that fails is reported by the stage when it tries again; boot goes on regardless.
    loadSheets(this.textures, this.resolution, view.appearance, view.setting).then(start, start);
  }
}
