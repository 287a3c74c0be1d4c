/** A chat message's beats: read, a pause if the tone has one, typing, and landing at the engine's finishedAt. */
import { describe, expect, it } from 'vitest';
import { TONES, initialState, speechMs } from '../../src/engine/index.js';
import { chatBeats } from '../../src/screens/call/chat-timing.js';
import { loadFile } from '../support/scenarios.js';

describe('chatBeats', () => {
  it('keeps every beat inside the engine’s line, in order, and lands at finishedAt', () => {
    for (const tone of [undefined, ...TONES]) {
      for (const [from, to] of [
        [0, 1_200],
        [4_000, 14_000],
        [250, 250 + speechMs('OK.')],
      ] as const) {
        const b = chatBeats(tone, from, to);
        expect(b.seenAt, String(tone)).toBeGreaterThanOrEqual(from);
        expect(b.typingFrom).toBeGreaterThanOrEqual(b.seenAt);
        expect(b.landsAt).toBeGreaterThan(b.typingFrom);
        expect(b.landsAt).toBe(to);
      }
    }
  });

  it('makes silence a long pause before the typing, said as one; a steady reply types at once', () => {
    const silent = chatBeats('silent', 0, 10_000);
    const steady = chatBeats('steady', 0, 10_000);
    expect(steady.typingFrom).toBe(steady.seenAt);
    expect(silent.typingFrom - silent.seenAt).toBeGreaterThan((10_000 - silent.seenAt) / 2);
    expect(silent.pause).toBe(true);
    expect(steady.pause).toBe(false);
    // A flat reply or a sigh waits a beat, shorter than silence.
    for (const tone of ['flat', 'sighing'] as const) {
      const b = chatBeats(tone, 0, 10_000);
      expect(b.typingFrom).toBeGreaterThan(steady.typingFrom);
      expect(b.typingFrom).toBeLessThan(silent.typingFrom);
    }
  });

  it('reads a long message fast: Seen within 0.8 s of the trainee’s answer', () => {
    expect(chatBeats(undefined, 1_000, 11_000).seenAt).toBe(1_800);
    expect(chatBeats(undefined, 0, 1_200).seenAt).toBe(240);
  });

  it('gives the shipped chat’s first message a typing indicator before it lands', () => {
    const scenario = loadFile('scenarios/routine-shoe-size-swap.yaml');
    expect(scenario.setting).toBe('chat');
    const first = initialState(scenario);
    const b = chatBeats(scenario.nodes[scenario.start]?.cue?.tone, first.enteredAt, first.finishedAt);
    expect(b.landsAt - b.typingFrom).toBeGreaterThan(1_000);
  });
});
