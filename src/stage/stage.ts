/** Mounts the Phaser stage in the page and lets the page tell it what to draw. */
import Phaser from 'phaser';
import { BootScene } from './boot-scene.js';
import { STAGE_HEIGHT, STAGE_WIDTH } from './backdrop.js';
import { EVENTS, type CallView, type StageReport } from './view.js';
import { StageScene } from './stage-scene.js';

export interface Stage {
  show(view: CallView): void;
  destroy(): void;
}

export function mountStage(parent: HTMLElement, appearances: readonly string[]): Stage {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: STAGE_WIDTH,
    height: STAGE_HEIGHT,
    transparent: true,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
    // Howler will own sound (issue 5): one AudioContext, not two.
    audio: { noAudio: true },
    banner: false,
    scene: [new BootScene(appearances), StageScene],
  });
  // What the stage shows is written on its element, so the page's tests can read it.
  game.events.on(EVENTS.drawn, (report: StageReport) => {
    parent.dataset.customer = report.customer;
    parent.dataset.mood = report.mood;
    parent.dataset.pose = report.pose;
    parent.dataset.setting = report.setting;
  });
  return {
    show(view) {
      // Kept in the registry so a scene that starts later still draws the latest view.
      game.registry.set(EVENTS.view, view);
      game.events.emit(EVENTS.view, view);
    },
    destroy() {
      game.destroy(true);
    },
  };
}
