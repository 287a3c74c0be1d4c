/** Boot: draws a progress bar while the customer's portraits are turned into textures. */
import Phaser from 'phaser';
import { MOODS, POSES, SETTINGS } from '../engine/index.js';
import { backdropSvg, foregroundSvg } from './backdrop.js';
import { portraitSvg } from './portrait.js';
import { SCENES, backdropKey, portraitKey } from './view.js';

export class BootScene extends Phaser.Scene {
  private urls: string[] = [];

  constructor(private readonly appearances: readonly string[]) {
    super(SCENES.boot);
  }

  preload(): void {
    const { width, height } = this.scale;
    const frame = this.add.rectangle(width / 2, height / 2, width * 0.6, 18).setStrokeStyle(2, 0x2f6f8f);
    const bar = this.add.rectangle(frame.x - frame.width / 2 + 3, frame.y, 0, 12, 0x2f6f8f).setOrigin(0, 0.5);
    const label = this.add
      .text(width / 2, height / 2 + 30, 'Setting up the office…', { color: '#1d2330', fontSize: '16px' })
      .setOrigin(0.5, 0);
    this.load.on('progress', (p: number) => {
      bar.width = (frame.width - 6) * p;
      label.setText(`Setting up the office… ${Math.round(p * 100)}%`);
    });
    for (const setting of SETTINGS) {
      this.loadSvg(backdropKey(setting, 'back'), backdropSvg(setting));
      this.loadSvg(backdropKey(setting, 'front'), foregroundSvg(setting));
    }
    for (const appearance of this.appearances) {
      for (const mood of MOODS) {
        for (const pose of POSES) {
          this.loadSvg(portraitKey(appearance, mood, pose), portraitSvg(appearance, mood, pose));
        }
      }
    }
  }

  private loadSvg(key: string, svg: string): void {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    this.urls.push(url);
    this.load.image(key, url);
  }

  create(): void {
    // The textures now hold the pixels; the object URLs are no longer needed.
    this.urls.forEach((url) => {
      URL.revokeObjectURL(url);
    });
    this.urls = [];
    this.scene.start(SCENES.stage);
  }
}
