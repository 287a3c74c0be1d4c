/**
 * The real sound, on Howler: the only module that imports it. One audio sprite (Ogg Vorbis, MP3
 * fallback), loaded after the first user gesture; any failure leaves the game silent with a message.
 */
import { Howl, Howler } from 'howler';
import type { Cue } from './cues.js';
import type { AudioService, AudioState, SoundMix } from './service.js';
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
  const listeners = new Set<(state: AudioState, message?: string) => void>();
  const setState = (next: AudioState, message?: string) => {
    if (state === next) return;
    state = next;
    for (const l of listeners) l(state, message);
  };
  const fail = (message: string) => {
    howl?.unload();
    howl = null;
    setState('failed', message);
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
            fail(
              'Sound could not be loaded, so the game goes on without it. The captions in the conversation say what you would have heard.',
            );
          },
          onplayerror: () => {
            fail(
              'Sound could not be played here, so the game goes on without it. The captions in the conversation say what you would have heard.',
            );
          },
        });
      } catch {
        fail('This browser cannot play sound, so the game goes on without it.');
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
