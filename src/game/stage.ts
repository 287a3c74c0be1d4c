/** Mounts the Phaser stage in the page and lets the page tell it what to draw. */
import Phaser from 'phaser';
import { BootScene } from './scenes/boot-scene.js';
import { EVENTS, type CallView } from './scenes/keys.js';
import { StageScene } from './scenes/stage-scene.js';

export interface Stage {
  show(view: CallView): void;
  destroy(): void;
}

export function mountStage(parent: HTMLElement, appearances: readonly string[]): Stage {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: 480,
    height: 360,
    transparent: true,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
    // Howler will own sound (issue 5): one AudioContext, not two.
    audio: { noAudio: true },
    banner: false,
    scene: [new BootScene(appearances), StageScene],
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
