/**
 * The page's AudioService: nothing is loaded until the first user gesture; then Howler and the
 * sprite load in the background, so sound never delays the first playable screen.
 */
import type { Cue } from './cues.js';
import {
  DEFAULT_MIX,
  type AudioService,
  type AudioState,
  type SoundFailure,
  type SoundMix,
} from './service.js';

/** A cue asked for while loading still plays if the sound is ready within this long. */
const QUEUE_MS = 3000;

export function lazyAudio(base: string): AudioService & { contextState(): string } {
  let real: AudioService | null = null;
  let state: AudioState = 'locked';
  let mix: SoundMix = DEFAULT_MIX;
  let wantAmbience = false;
  let contextState = () => 'none';
  const listeners = new Set<(state: AudioState, failure?: SoundFailure) => void>();
  // Cues asked for while the sound is still loading play once it is ready, if still timely.
  let queue: { cue: Cue; onEnd?: (() => void) | undefined; at: number }[] = [];
  const flush = () => {
    const now = Date.now();
    const due = queue;
    queue = [];
    for (const { cue, onEnd, at } of due) {
      if (real && state === 'running' && now - at < QUEUE_MS) real.play(cue, onEnd);
      else onEnd?.();
    }
  };
  const setState = (next: AudioState, failure?: SoundFailure) => {
    state = next;
    if (next === 'running' || next === 'failed') flush();
    for (const l of listeners) l(state, failure);
  };
  return {
    get state() {
      return state;
    },
    contextState: () => contextState(),
    unlock() {
      if (state !== 'locked') return;
      setState('loading');
      import('./howler-audio.js').then(
        (module) => {
          const audio = module.createHowlerAudio(base);
          contextState = module.audioContextState;
          real = audio;
          audio.onState((s, failure) => {
            setState(s, failure);
          });
          audio.setMix(mix);
          audio.ambience(wantAmbience);
          audio.unlock();
        },
        () => {
          setState('failed', 'unloaded');
        },
      );
    },
    play(cue: Cue, onEnd?: () => void) {
      if (real && state === 'running') real.play(cue, onEnd);
      else if (state === 'loading') queue.push({ cue, onEnd, at: Date.now() });
      else onEnd?.();
    },
    ambience(on) {
      wantAmbience = on;
      real?.ambience(on);
    },
    duck(on) {
      real?.duck(on);
    },
    setMix(next) {
      mix = next;
      real?.setMix(next);
    },
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
