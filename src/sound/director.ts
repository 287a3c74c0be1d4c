/**
 * Sound for one call: the connect and the room when it starts, a cue for every change that matters,
 * the ambience ducked while the customer speaks, and a caption in the conversation for each
 * meaningful sound. Pure TypeScript over the AudioService interface, so it is tested in Node.
 */
import type { Scenario, StepRecord } from '../engine/index.js';
import { captionFor, cuesForRecord, type Cue } from './cues.js';
import type { AudioService } from './service.js';

export interface CallSounds {
  /** Plays what a new step of the call calls for. */
  step(record: StepRecord): void;
  /** The customer starts or stops speaking. */
  speaking(on: boolean): void;
  /** The call is over (or left): the room goes quiet. */
  end(): void;
}

export function callSounds(
  scenario: Scenario,
  audio: AudioService,
  /** `cue` is the sound captioned, for a page that words its captions itself (its language). */
  caption: (text: string, cue: Cue) => void,
): CallSounds {
  const cue = (c: Cue) => {
    audio.play(c);
    const text = captionFor(c, scenario.customer.name);
    if (text) caption(text, c);
  };
  cue('connect');
  audio.ambience(true);
  return {
    step(record) {
      for (const c of cuesForRecord(scenario, record)) cue(c);
      if (record.after.ending !== null) audio.ambience(false);
    },
    speaking(on) {
      audio.duck(on);
    },
    end() {
      audio.duck(false);
      audio.ambience(false);
    },
  };
}
