/**
 * The stage: the customer between the room and the counter (or the chat's composer), following the
 * call, and at the counter a team lead who joined beside them; on a phone call, the trainee's desk
 * and the softphone, where the caller is only heard.
 */
import Phaser from 'phaser';
import type { EndingKind, Setting } from '../engine/index.js';
import { STAGE_HEIGHT, STAGE_WIDTH } from './backdrop.js';
import { SECOND, SECOND_MANNER, customerXOf, restOf, secondDoing, secondOf } from './beside.js';
import { Customer, type Doing } from './customer.js';
import { fpsLimitOf, paceOf, type Pace } from './pace.js';
import type { LineState } from './phone-panel.js';
import { PORTRAIT_WIDTH, heatOf } from './rig.js';
import { DEPTH, Scenery } from './scenery.js';
import type { Resolution } from './resolution.js';
import { showingOf, shownOf, type Showing } from './shown.js';
import { loadSheets, sheetsReady } from './textures.js';
import { EVENTS, SCENES, type CallView, type StageReport } from './view.js';
import { bandOf, voiceOf } from './voice.js';

/** How long a second person takes to walk in, and the customer to make room for them. */
const JOIN_MS = 650;

/** Whether a setting draws the customer: a phone call is heard, not seen. */
const drawsFigure = (setting: Setting): boolean => setting !== 'phone';

const showingFor = (view: CallView): Showing => showingOf(shownOf(view.mood, view.shows), view.pose);

const doingOf = (view: CallView): Doing => {
  const showing = showingFor(view);
  return {
    mood: showing.face,
    pose: showing.pose,
    outburst: showing.outburst,
    setting: view.setting,
    speaking: view.speaking === true,
    reducedMotion: view.reducedMotion,
  };
};

/** The phone line's state in a view: ringing until the call starts, ended with the call. */
const lineOf = (view: CallView): LineState =>
  view.callMs === undefined ? 'ringing' : view.ending ? 'ended' : 'open';

export class StageScene extends Phaser.Scene {
  private scenery?: Scenery;
  private customer?: Customer;
  /** A second person beside the customer (a team lead who joined), and where the customer stands. */
  private second?: Customer;
  private standAt: number = STAGE_WIDTH / 2;
  /** The customer's step aside: its own tween (on a stand-in), so a mood's jolt does not stop it. */
  private step?: Phaser.Tweens.Tween;
  /** The view drawn last, and the latest one asked for (drawn once its sheets are made). */
  private view?: CallView;
  private wanted?: CallView;
  /** How often the loop draws now (see pace.ts); the loop starts at the screen's full rate. */
  private pace: Pace = 'moving';

  constructor(private readonly resolution: Resolution) {
    super(SCENES.stage);
  }

  create(): void {
    // Everything is placed in stage pixels; the camera draws them at the stage's resolution.
    this.cameras.main.setZoom(this.resolution).centerOn(STAGE_WIDTH / 2, STAGE_HEIGHT / 2);
    const onView = (view: CallView) => {
      this.want(view);
    };
    this.game.events.on(EVENTS.view, onView);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.game.events.off(EVENTS.view, onView));
    const initial = this.registry.get(EVENTS.view) as CallView | undefined;
    if (initial) this.want(initial);
  }

  override update(time: number, delta: number): void {
    const view = this.view;
    const speaking = view?.speaking === true && !view.ending;
    if (view) {
      this.customer?.tick(time, delta);
      this.second?.tick(time, delta);
      this.scenery?.tick({
        now: time,
        speaking,
        reducedMotion: view.reducedMotion,
        ...(drawsFigure(view.setting)
          ? {}
          : {
              phone: {
                caller: view.caller ?? '',
                line: lineOf(view),
                words: view.lineWords,
                // The call's own clock while it runs: it stands still in a time-out and at the end.
                callMs: view.ending || !view.clock ? (view.callMs ?? 0) : view.clock(),
                voice: voiceOf(shownOf(view.mood, view.shows), view.tone),
              },
            }),
      });
    }
    const camera = this.cameras.main;
    this.setPace(
      paceOf({
        tweens: this.tweens.tweens.length,
        cameraEffect: camera.fadeEffect.isRunning || camera.shakeEffect.isRunning,
        speaking,
        customerMoving: (this.customer?.moving(time) ?? false) || (this.second?.moving(time) ?? false),
      }),
    );
  }

  /**
   * Draws at the full rate while something moves, slower at rest. The change waits for the current
   * frame to end: Phaser's setFPSLimit restarts the frame loop, and restarted from inside a frame
   * it would leave the old loop running beside the new one.
   */
  private setPace(pace: Pace): void {
    if (pace === this.pace) return;
    this.pace = pace;
    queueMicrotask(() => {
      if (this.pace !== pace || !this.game.isRunning) return;
      this.game.loop.setFPSLimit(fpsLimitOf(pace));
      this.game.events.emit(EVENTS.pace, pace);
    });
  }

  /** Draws `view` now if its customer and room are ready, or once they are (unless a newer view came). */
  private want(view: CallView): void {
    this.wanted = view;
    const appearance = drawsFigure(view.setting) ? view.appearance : null;
    const second = secondOf(view);
    const others = second ? [second.appearance] : [];
    if (sheetsReady(this.textures, appearance, view.setting, others)) {
      this.draw(view);
      return;
    }
    loadSheets(this.textures, this.resolution, appearance, view.setting, others).then(
      () => {
        if (this.wanted === view && this.sys.isActive()) this.draw(view);
      },
      (error: unknown) => {
        console.error('The stage could not draw this customer; the page carries on without it.', error);
      },
    );
  }

  private report(view: CallView, customer: StageReport['customer']): void {
    const shown = shownOf(view.mood, view.shows);
    const figure = drawsFigure(view.setting);
    const speaking = view.speaking === true && lineOf(view) === 'open';
    // Whose lips move, read from the people drawn: each one's mouth follows its own lines only.
    const lips = this.second?.talking ? 'second' : this.customer?.talking ? 'customer' : 'still';
    const report: StageReport = {
      mood: view.mood,
      pose: view.pose,
      setting: view.setting,
      customer,
      shown,
      figure: figure ? 'drawn' : 'none',
      ...(figure ? {} : { voice: bandOf(voiceOf(shown, view.tone), speaking), tone: view.tone ?? 'steady' }),
      ...(this.second ? { second: this.second.appearance } : {}),
      ...(figure ? { lips } : {}),
    };
    this.game.events.emit(EVENTS.drawn, report);
  }

  private draw(view: CallView): void {
    // Whatever changes is drawn at the full rate from the next frame on.
    this.setPace('moving');
    const previous = this.view;
    this.view = view;
    const instant = view.reducedMotion;
    const newRoom = this.scenery?.setting !== view.setting;
    if (newRoom) {
      this.scenery?.destroy();
      this.scenery = new Scenery(this, view.setting, this.resolution);
    }
    const fresh = !previous || previous.appearance !== view.appearance || previous.setting !== view.setting;
    const showing = showingFor(view);
    const before = previous && showingFor(previous);
    const heatChanged = !before || heatOf(before) !== heatOf(showing);
    if (newRoom || heatChanged) this.scenery?.setHeat(heatOf(showing), instant || fresh);
    // An outburst lands as a jolt of the whole picture (heard as much as seen on a phone).
    if (showing.outburst && !before?.outburst && !instant && !fresh) this.cameras.main.shake(260, 0.006);
    if (!drawsFigure(view.setting)) {
      // On the phone the caller is a voice: there is nobody to draw, and nobody to walk off.
      this.customer?.destroy();
      this.customer = undefined;
      this.dismissSecond();
      if (fresh && previous && !instant) this.cameras.main.fadeIn(280, 246, 244, 239);
      this.report(view, view.ending ? this.endState(view.ending) : 'present');
      return;
    }
    if (this.customer?.appearance !== view.appearance) {
      this.customer?.destroy();
      this.customer = new Customer(this, view.appearance, doingOf(view), this.resolution);
      this.customer.root.setDepth(DEPTH.customer);
    } else this.customer.update(doingOf(view));
    const root = this.customer.root;
    const rest = restOf(view.setting);
    if (fresh || view.ending !== previous.ending) {
      // A new call, or a new ending: the customer is back at the counter, as they were.
      this.tweens.killTweensOf(root);
      this.step?.stop();
      this.standAt = customerXOf(view);
      root.setAlpha(1).setPosition(this.standAt, rest.y).setScale(rest.scale);
    }
    this.placeSecond(view, rest, instant || fresh);
    // Another customer, or another room: the new one fades in from the page's paper colour.
    if (fresh && previous && !instant) this.cameras.main.fadeIn(280, 246, 244, 239);
    if (view.ending && view.ending !== previous?.ending) {
      // A call that ended before the stage saw it (a reopened debrief) shows how it ended, still.
      this.leave(view, view.ending, instant || fresh);
      return;
    }
    this.report(view, view.ending ? this.endState(view.ending) : 'present');
    if (instant || fresh || previous.mood === view.mood || showing.outburst) return;
    // A mood change is felt: a small jolt when anger rises, a settle when it falls.
    const escalated = view.anger > previous.anger;
    this.tweens.killTweensOf(root);
    root.setScale(rest.scale * (escalated ? 1.035 : 0.985));
    this.tweens.add({ targets: root, scale: rest.scale, duration: 300, ease: 'Back.easeOut' });
    if (escalated && view.mood === 'furious') this.cameras.main.shake(220, 0.004);
  }

  /**
   * A second person who has joined walks in from the side and stays, calm; the customer steps aside
   * to make room (the other way when they are gone again: another call). Held still: just there.
   */
  private placeSecond(view: CallView, rest: { scale: number; y: number }, still: boolean): void {
    const wanted = secondOf(view);
    if (this.second && this.second.appearance !== wanted?.appearance) this.dismissSecond();
    if (wanted && !this.second) {
      this.second = new Customer(this, wanted.appearance, secondDoing(view), this.resolution, SECOND_MANNER);
      const root = this.second.root.setDepth(DEPTH.second).setScale(rest.scale * SECOND.scale);
      root.setPosition(SECOND.x, rest.y);
      if (!still) {
        root.setPosition(SECOND.from, rest.y).setAlpha(0);
        this.tweens.add({ targets: root, x: SECOND.x, alpha: 1, duration: JOIN_MS, ease: 'Sine.easeOut' });
      }
    } else this.second?.update(secondDoing(view));
    const customer = this.customer?.root;
    const x = customerXOf(view);
    // Once the call has ended the customer's exit has the stage: they are not moved aside then.
    if (!customer || x === this.standAt || view.ending) return;
    this.standAt = x;
    this.step?.stop();
    if (still) {
      customer.x = x;
      return;
    }
    const at = { x: customer.x };
    this.step = this.tweens.add({
      targets: at,
      x,
      duration: JOIN_MS,
      ease: 'Sine.easeInOut',
      onUpdate: () => (customer.x = at.x),
    });
  }

  private dismissSecond(): void {
    if (this.second) this.tweens.killTweensOf(this.second.root);
    this.second?.destroy();
    this.second = undefined;
  }

  private endState(kind: EndingKind): StageReport['customer'] {
    return kind === 'hung-up' || kind === 'escalated' ? 'gone' : 'settled';
  }

  /** The ending, shown: a walk-out or an exit to complain, or a warm nod when it was settled. */
  private leave(view: CallView, kind: EndingKind, still: boolean): void {
    const root = this.customer?.root;
    if (!root) return;
    this.step?.stop();
    const done = () => {
      this.report(view, this.endState(kind));
    };
    const walksOff = this.endState(kind) === 'gone';
    if (still) {
      root.setAlpha(walksOff ? 0.25 : 1);
      done();
      return;
    }
    if (walksOff) {
      // Hung up storms off fast; escalated leaves slowly, to write that letter.
      const fast = kind === 'hung-up';
      this.tweens.add({
        targets: root,
        x: STAGE_WIDTH + PORTRAIT_WIDTH * root.scale,
        alpha: 0.2,
        duration: fast ? 700 : 1600,
        ease: fast ? 'Quad.easeIn' : 'Sine.easeInOut',
        onComplete: done,
      });
    } else {
      const base = root.scale;
      this.tweens.add({
        targets: root,
        scale: base * 1.03,
        duration: 220,
        yoyo: true,
        repeat: 1,
        onComplete: done,
      });
    }
  }
}
