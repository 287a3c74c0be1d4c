/**
 * The softphone on the trainee's monitor, live: the caller's name, whether the line is ringing,
 * open or ended, the call's timer, and the caller's voice — a waveform while they speak (a still
 * level bar with reduced motion). The drawings are the phone room's sprites (backdrop.ts); what they
 * show comes from voice.ts and ambient.ts.
 */
import type Phaser from 'phaser';
import { callTimer } from './ambient.js';
import type { Resolution } from './resolution.js';
import { PANEL } from './scenes/phone.js';
import { EVENTS, type LineWords } from './view.js';
import { FLAT, levelOf, voiceBars, type Voice } from './voice.js';

/** What the line is doing. */
export type LineState = 'ringing' | 'open' | 'ended';

export interface PhoneMoment {
  now: number;
  speaking: boolean;
  reducedMotion: boolean;
  caller: string;
  line: LineState;
  /** What the panel says of the line, by its state (the page's language). */
  words: LineWords;
  /** The call's time, ms (the timer shows it). */
  callMs: number;
  voice: Voice;
}

/** A voice this rough is drawn hot (red): shouting, an outburst. */
const HOT = 0.7;
const STATUS_COLOUR: Record<LineState, string> = { ringing: '#b26a12', open: '#2e7d4f', ended: '#a33a2c' };
/**
 * The name is shrunk to fit between the badge and the timer: from its x (222) to a clear gap
 * before the timer's widest reading ("00:00" at 20 px, right-aligned at 430, starts near 368).
 */
const NAME_WIDTH = 134;

interface Placed {
  image: Phaser.GameObjects.Image;
}

export class PhonePanel {
  private readonly name: Phaser.GameObjects.Text;
  private readonly status: Phaser.GameObjects.Text;
  private readonly timer: Phaser.GameObjects.Text;
  private speakingSince = 0;
  private wasSpeaking = false;
  private shown = { caller: '', status: '', timer: '' };

  constructor(
    private readonly scene: Phaser.Scene,
    resolution: Resolution,
    depth: number,
    private readonly bars: readonly Placed[],
    private readonly level: Placed | undefined,
  ) {
    const text = (x: number, y: number, size: number, colour: string, bold = false) =>
      scene.add
        .text(x, y, '', {
          fontFamily: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
          fontSize: `${size}px`,
          fontStyle: bold ? 'bold' : 'normal',
          color: colour,
          resolution,
        })
        .setDepth(depth);
    this.name = text(PANEL.name.x, PANEL.name.y, 16, '#1f2a36', true);
    this.status = text(PANEL.status.x, PANEL.status.y, 12, STATUS_COLOUR.open);
    this.timer = text(PANEL.timer.x, PANEL.timer.y, 20, '#1f2a36', true).setOrigin(1, 0);
  }

  tick({ now, speaking, reducedMotion, caller, line, words, callMs, voice }: PhoneMoment): void {
    if (speaking && !this.wasSpeaking) this.speakingSince = now;
    this.wasSpeaking = speaking;
    const timer = line === 'ringing' ? '--:--' : callTimer(callMs);
    // Words are set only when they change: a text is redrawn whenever it is set.
    if (caller !== this.shown.caller) {
      this.name.setText(caller).setScale(1);
      if (this.name.width > NAME_WIDTH) this.name.setScale(NAME_WIDTH / this.name.width);
    }
    const status = words[line];
    if (status !== this.shown.status) this.status.setText(status).setColor(STATUS_COLOUR[line]);
    if (timer !== this.shown.timer) {
      this.timer.setText(timer);
      // Written on the stage's element too, for the page's tests.
      this.scene.game.events.emit(EVENTS.timer, timer);
    }
    this.shown = { caller, status, timer };

    const hot = voice.roughness >= HOT;
    const bar = hot ? 'bar-hot' : 'bar';
    if (reducedMotion) {
      // A still level bar instead of a moving wave; the wave stays a flat line under it.
      this.bars.forEach(({ image }) => image.setFrame(bar).setScale(image.scaleX, FLAT * image.scaleX));
      const length = levelOf(voice, speaking && line === 'open');
      this.level?.image
        .setFrame(hot ? 'level-hot' : 'level')
        .setVisible(length > 0)
        .setScale(length * this.level.image.scaleY, this.level.image.scaleY);
      return;
    }
    this.level?.image.setVisible(false);
    const heights = voiceBars(now - this.speakingSince, voice, speaking && line === 'open', this.bars.length);
    this.bars.forEach(({ image }, i) => {
      image.setFrame(bar);
      image.scaleY = (heights[i] ?? FLAT) * image.scaleX;
    });
  }

  destroy(): void {
    this.name.destroy();
    this.status.destroy();
    this.timer.destroy();
  }
}
