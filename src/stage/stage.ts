/** Mounts the Phaser stage in the page and lets the page tell it what to draw. */
import Phaser from 'phaser';
import { BootScene } from './boot-scene.js';
import { STAGE_HEIGHT, STAGE_WIDTH } from './backdrop.js';
import { rendererFor } from './renderer.js';
import { resolutionFor } from './resolution.js';
import { prefetchSheets } from './textures.js';
import { EVENTS, type CallView, type StageReport } from './view.js';
import { StageScene } from './stage-scene.js';

export interface Stage {
  show(view: CallView): void;
  destroy(): void;
}

/** Mounts the stage in `parent`; `settingUp` is what its progress bar says, in the page's language. */
export function mountStage(parent: HTMLElement, appearances: readonly string[], settingUp: string): Stage {
  // A hidden stage (a workshop page) has no width yet: judge by the window, as wide as the stage gets.
  const width = parent.clientWidth || Math.min(window.innerWidth, 720);
  const resolution = resolutionFor(width, window.devicePixelRatio || 1);
  const renderer = rendererFor();
  const game = new Phaser.Game({
    type: renderer === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
    parent,
    width: STAGE_WIDTH * resolution,
    height: STAGE_HEIGHT * resolution,
    transparent: true,
    // The page's CSS sizes the stage's box on every screen. Phaser must not: started in a hidden
    // box (a phone's menu), it would otherwise write width and height 100% onto the box and the
    // page's body, and the call screen's layout would overflow.
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY, expandParent: false },
    // Howler will own sound (issue 5): one AudioContext, not two.
    audio: { noAudio: true },
    banner: false,
    scene: [new BootScene(resolution, settingUp), new StageScene(resolution)],
  });
  // What the stage shows is written on its element, so the page's tests can read it.
  parent.dataset.resolution = String(resolution);
  parent.dataset.renderer = renderer;
  game.events.on(EVENTS.drawn, (report: StageReport) => {
    parent.dataset.customer = report.customer;
    parent.dataset.mood = report.mood;
    parent.dataset.pose = report.pose;
    parent.dataset.setting = report.setting;
    parent.dataset.shown = report.shown;
    parent.dataset.figure = report.figure;
    // The caller's voice, on a phone call only.
    if (report.voice) parent.dataset.voice = report.voice;
    else delete parent.dataset.voice;
    if (report.tone) parent.dataset.tone = report.tone;
    else delete parent.dataset.tone;
    // At the counter: who stands beside the customer (a team lead who joined), and whose lips move.
    if (report.second) parent.dataset.second = report.second;
    else delete parent.dataset.second;
    if (report.lips) parent.dataset.lips = report.lips;
    else delete parent.dataset.lips;
  });
  // The call's timer, as the softphone shows it (mm:ss), once a second at most.
  game.events.on(EVENTS.timer, (timer: string) => {
    parent.dataset.timer = timer;
  });
  game.events.on(EVENTS.pace, (pace: string) => {
    parent.dataset.pace = pace;
  });
  const stopWhenHidden = sleepWhileHidden(game, parent);
  // The first customer is made first; the page's other customers and rooms follow when idle.
  let stopPrefetch: () => void = () => undefined;
  game.events.once(EVENTS.drawn, () => {
    stopPrefetch = prefetchSheets(game.textures, resolution, appearances);
  });
  return {
    show(view) {
      // Who the softphone shows on the line, on a phone call.
      if (view.setting === 'phone') parent.dataset.caller = view.caller;
      else delete parent.dataset.caller;
      // Kept in the registry so a scene that starts later still draws the latest view.
      game.registry.set(EVENTS.view, view);
      game.events.emit(EVENTS.view, view);
    },
    destroy() {
      stopWhenHidden();
      stopPrefetch();
      game.destroy(true);
    },
  };
}

/**
 * Pages without a customer (the projector, the workshop pages) hide the stage; Phaser would still
 * draw sixty frames a second into the hidden canvas, a third of a core on a laptop. While the
 * stage's box has no size, its loop sleeps; shown again, it wakes and draws the latest view (the
 * page's views wait in the registry meanwhile). `data-loop` tells the page's tests which it is.
 */
function sleepWhileHidden(game: Phaser.Game, parent: HTMLElement): () => void {
  const apply = (): void => {
    if (!game.isRunning) return;
    const hidden = parent.clientWidth === 0 || parent.clientHeight === 0;
    if (hidden && game.loop.running) game.loop.sleep();
    // (Phaser refits the canvas to the box itself once it runs. Calling scale.refresh() here
    // hung the page: a workshop page's thread never came back.)
    else if (!hidden && !game.loop.running && !document.hidden) game.loop.wake(true);
    parent.dataset.loop = game.loop.running ? 'running' : 'asleep';
  };
  const observer = new ResizeObserver(apply);
  observer.observe(parent);
  // The loop starts after boot, and a tab shown again resumes it: look again at both moments.
  game.events.once(Phaser.Core.Events.STEP, apply);
  game.events.on(Phaser.Core.Events.RESUME, apply);
  return () => {
    observer.disconnect();
    game.events.off(Phaser.Core.Events.RESUME, apply);
  };
}
