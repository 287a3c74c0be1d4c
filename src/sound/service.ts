/**
 * The sound interface the game uses. Only howler-audio.ts imports Howler; tests and browsers
 * without audio use SilentAudio, which plays nothing and remembers what it was asked to play.
 */
import type { Cue } from './cues.js';

/** Volumes 0–100 and mute, as the settings keep them. */
export interface SoundMix {
  muted: boolean;
  master: number;
  ambience: number;
  effects: number;
}

export const DEFAULT_MIX: SoundMix = { muted: false, master: 80, ambience: 50, effects: 80 };

/** locked: waiting for the first gesture; loading; running; failed: the game goes on silently. */
export type AudioState = 'locked' | 'loading' | 'running' | 'failed';

/**
 * Why sound failed, for the page to say in the trainee's language: the sound file could not be
 * loaded, it loaded but could not play, or the browser has no way to play sound at all.
 */
export type SoundFailure = 'unloaded' | 'unplayable' | 'unsupported';

export interface AudioService {
  readonly state: AudioState;
  /** Called on the first user gesture: only then may sound load and play (autoplay rules). */
  unlock(): void;
  /** Plays a cue once; `onEnd` runs when it has played to its end. */
  play(cue: Cue, onEnd?: () => void): void;
  /** The room's ambience loop, on or off. */
  ambience(on: boolean): void;
  /** Lowers the ambience while the customer speaks. */
  duck(on: boolean): void;
  setMix(mix: SoundMix): void;
  /** Told whenever the state changes, with the reason when audio failed. */
  onState(listener: (state: AudioState, failure?: SoundFailure) => void): () => void;
}

/** Plays nothing; records every request, for tests and for browsers without audio. */
export class SilentAudio implements AudioService {
  state: AudioState = 'locked';
  readonly played: Cue[] = [];
  ambienceOn = false;
  ducked = false;
  mix: SoundMix = DEFAULT_MIX;
  private listeners = new Set<(state: AudioState, failure?: SoundFailure) => void>();

  unlock(): void {
    if (this.state !== 'locked') return;
    this.state = 'running';
    for (const l of this.listeners) l(this.state);
  }

  play(cue: Cue, onEnd?: () => void): void {
    this.played.push(cue);
    onEnd?.();
  }

  ambience(on: boolean): void {
    this.ambienceOn = on;
  }

  duck(on: boolean): void {
    this.ducked = on;
  }

  setMix(mix: SoundMix): void {
    this.mix = mix;
  }

  onState(listener: (state: AudioState, failure?: SoundFailure) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
