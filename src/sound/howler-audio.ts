/**
 * The real sound, on Howler: the only module that imports it. One audio sprite (Ogg Vorbis, MP3
 * fallback), loaded after the first user gesture; any failure leaves the game silent with a message.
 */
import { Howl, Howler } from 'howler';
import type { Cue } from './cues.js';
import type { AudioService, AudioState, SoundFailure, SoundMix } from './service.js';
import { DEFAULT_MIX } from './service.js';
import sprite from './sprite.json';

const DUCKED = 0.35;

export function createHowlerAudio(base: string): AudioService {
  let state: AudioState = 'locked';
  let mix: SoundMix = DEFAULT_MIX;
  let howl: Howl | null = null;
  let ambienceId: number | null = null;
  let wantAmbience = false;
  let ducked = false;
  const listeners = new Set<(state: AudioState, failure?: SoundFailure) => void>();
  const setState = (next: AudioState, failure?: SoundFailure) => {
    if (state === next) return;
    state = next;
    for (const l of listeners) l(state, failure);
  };
  const fail = (failure: SoundFailure) => {
    howl?.unload();
    howl = null;
    setState('failed', failure);
  };
  const level = (kind: 'ambience' | 'effects') => (kind === 'ambience' ? mix.ambience : mix.effects) / 100;
  const ambienceVolume = () => level('ambience') * (ducked ? DUCKED : 1);
  const applyAmbience = () => {
    if (!howl || state !== 'running') return;
    if (wantAmbience && ambienceId === null) {
      ambienceId = howl.play('ambience');
      howl.volume(ambienceVolume(), ambienceId);
    } else if (!wantAmbience && ambienceId !== null) {
      howl.stop(ambienceId);
      ambienceId = null;
    }
  };

  return {
    get state() {
      return state;
    },
    unlock() {
      if (state !== 'locked') return;
      setState('loading');
      try {
        Howler.volume(mix.master / 100);
        Howler.mute(mix.muted);
        howl = new Howl({
          src: [`${base}audio/keep-cool.ogg`, `${base}audio/keep-cool.mp3`],
          sprite: sprite as unknown as Record<string, [number, number] | [number, number, boolean]>,
          onload: () => {
            setState('running');
            applyAmbience();
          },
          onloaderror: () => {
            fail('unloaded');
          },
          onplayerror: () => {
            fail('unplayable');
          },
        });
      } catch {
        fail('unsupported');
      }
    },
    play(cue: Cue, onEnd?: () => void) {
      if (!howl || state !== 'running' || cue === 'ambience') {
        onEnd?.();
        return;
      }
      const id = howl.play(cue);
      howl.volume(level('effects'), id);
      if (onEnd) howl.once('end', onEnd, id);
    },
    ambience(on: boolean) {
      wantAmbience = on;
      applyAmbience();
    },
    duck(on: boolean) {
      ducked = on;
      if (howl && ambienceId !== null)
        howl.fade(howl.volume(ambienceId) as unknown as number, ambienceVolume(), 250, ambienceId);
    },
    setMix(next: SoundMix) {
      mix = next;
      Howler.volume(mix.master / 100);
      Howler.mute(mix.muted);
      if (howl && ambienceId !== null) howl.volume(ambienceVolume(), ambienceId);
    },
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Whether the shared audio context is running (for the page to report, and tests to read). */
export function audioContextState(): string {
  return Howler.ctx.state;
}
