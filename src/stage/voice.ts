/**
 * The caller's voice on a phone call, where nothing of them is seen: how loud and how rough it is
 * at a moment (from what the picture would show — the mood, or the node's `shows` — and the cue's
 * tone), and the waveform that follows it while their line is said. No Phaser: tested in Node; the
 * phone panel (phone-panel.ts) draws what these return.
 */
import type { Shown, Tone } from '../engine/index.js';

/** How the voice sounds at a moment; every number is 0–1. */
export interface Voice {
  /** How loud: the waveform's height. */
  level: number;
  /** How rough: jagged peaks instead of a smooth swing. */
  roughness: number;
  /** A fast wobble in the loudness: a voice near tears, or barely held. */
  tremble: number;
  /** Slow rises and falls: sighs. */
  swell: number;
  /** Words broken off short, with gaps between them. */
  choppy: number;
}

/** Loudness bands, for the page's tests and anyone reading the stage report (`data-voice`). */
export const VOICE_BANDS = ['quiet', 'low', 'medium', 'loud', 'peak'] as const;
export type VoiceBand = (typeof VOICE_BANDS)[number] | 'still';

/** The voice of each thing the picture can show, before the tone colours it. */
const BY_SHOWN: Record<Shown, Pick<Voice, 'level' | 'roughness'>> = {
  relieved: { level: 0.42, roughness: 0.08 },
  calm: { level: 0.45, roughness: 0.12 },
  annoyed: { level: 0.56, roughness: 0.3 },
  angry: { level: 0.7, roughness: 0.5 },
  furious: { level: 0.84, roughness: 0.72 },
  outburst: { level: 1, roughness: 1 },
  defeated: { level: 0.24, roughness: 0.06 },
};

const clamp = (x: number) => Math.max(0, Math.min(1, x));

/** The voice for what is shown, coloured by the cue's tone (none: as the mood gives it). */
export function voiceOf(shown: Shown, tone?: Tone): Voice {
  const { level, roughness } = BY_SHOWN[shown];
  const v: Voice = { level, roughness, tremble: 0, swell: 0, choppy: 0 };
  switch (tone) {
    case undefined:
    case 'steady':
      break;
    case 'warm':
      v.level = level * 0.95;
      v.roughness = roughness * 0.4;
      v.swell = 0.25;
      break;
    case 'flat':
      // Low and even: the life gone out of it.
      v.level = Math.min(level, 0.5) * 0.6;
      v.roughness = 0;
      break;
    case 'clipped':
      v.roughness = Math.max(roughness, 0.3);
      v.choppy = 1;
      break;
    case 'shaky':
      v.tremble = 1;
      v.roughness = Math.max(roughness, 0.2);
      break;
    case 'sighing':
      v.level = level * 0.75;
      v.roughness = roughness * 0.5;
      v.swell = 1;
      break;
    case 'raised':
      v.level = level + 0.18;
      v.roughness = roughness + 0.2;
      break;
    case 'shouting':
      v.level = Math.max(level + 0.3, 0.95);
      v.roughness = Math.max(roughness + 0.3, 0.85);
      break;
    case 'silent':
      // A pause that says something: the line is all but flat.
      v.level = 0.06;
      v.roughness = 0;
      break;
  }
  v.level = clamp(v.level);
  v.roughness = clamp(v.roughness);
  return v;
}

/** The loudness band of a voice; 'still' while the caller is not speaking. */
export function bandOf(voice: Voice, speaking: boolean): VoiceBand {
  if (!speaking) return 'still';
  const { level } = voice;
  return level < 0.15
    ? 'quiet'
    : level < 0.4
      ? 'low'
      : level < 0.65
        ? 'medium'
        : level < 0.9
          ? 'loud'
          : 'peak';
}

/** A quiet line's height: the flat line of an open call with nobody speaking. */
export const FLAT = 0.04;

/**
 * The waveform's bars (each 0–1) `t` ms after the line began: a flat line while the caller is
 * quiet; while they speak, a voice as loud and rough as `voice`, with its sighs, tremble and broken
 * words. Reduced motion gets no wave at all: see levelOf.
 */
export function voiceBars(t: number, voice: Voice, speaking: boolean, bars: number): number[] {
  if (!speaking) return Array.from({ length: bars }, () => FLAT);
  const { level, roughness, tremble, swell, choppy } = voice;
  // Sighs: the whole voice rises and falls every couple of seconds.
  const swellGain = 1 - swell * 0.7 * (1 - Math.sin((2 * Math.PI * t) / 2400)) * 0.5;
  // Trembling: a fast wobble, about nine a second.
  const trembleGain = 1 - tremble * 0.35 * (0.5 + 0.5 * Math.sin((2 * Math.PI * t) / 110));
  // Clipped: short bursts of words with dead air between them.
  const gate = choppy > 0 && (t % 520) / 520 > 0.62 ? 1 - choppy : 1;
  const gain = level * swellGain * trembleGain * gate;
  return Array.from({ length: bars }, (_, i) => {
    // Three sines of unrelated periods per bar: a voice, not a pattern; roughness adds a fast,
    // jagged part on top and sharpens the peaks.
    const smooth =
      Math.sin(t / 83 + i * 1.7) * 0.5 +
      Math.sin(t / 191 + i * 0.9) * 0.35 +
      Math.sin(t / 47 + i * 2.3) * 0.15;
    const jag = Math.sin(t / 17 + i * 4.1) * Math.sign(Math.sin(t / 29 + i * 2.9));
    const v = Math.min(1, Math.abs(smooth * (1 - roughness * 0.5) + jag * roughness * 0.6));
    // A smooth voice keeps a body under every bar; a rough one is all spikes.
    const shaped = (1 - roughness) * (0.3 + 0.7 * v) + roughness * v ** 1.6;
    // Louder in the middle of the wave, like a voice seen on a meter.
    const envelope = 0.55 + 0.45 * Math.sin(((i + 0.5) / bars) * Math.PI);
    return Math.max(FLAT, Math.min(1, shaped * gain * envelope * 1.25));
  });
}

/**
 * Reduced motion: a still level bar instead of a moving wave. Its length is the voice's level while
 * the caller speaks, and nothing while they do not.
 */
export function levelOf(voice: Voice, speaking: boolean): number {
  return speaking ? Math.max(FLAT, voice.level) : 0;
}
