/**
 * `npm run assets:audio`: synthesizes every Keep Cool sound with sox (nothing recorded, nothing
 * downloaded), joins them into one audio sprite and writes it as Ogg Vorbis with an MP3 fallback,
 * plus the sprite map the game reads. Needs sox with its Ogg and MP3 formats:
 * `apt-get install -y sox libsox-fmt-all`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CUES, type Cue } from '../sound/cues.js';

const RATE = 22050;
const GAP_S = 0.15;
const OUT = 'assets/audio';
const SPRITE_MAP = 'src/sound/sprite.json';

/** sox effects chains per sound: `synth` arguments, then effects. Each is mono at RATE. */
const RECIPES: Record<Cue, string[][]> = {
  // Two short bursts of a 440 + 480 Hz ring, as a phone on a desk does.
  ring: [
    ['synth', '0.4', 'sine', '440', 'sine', '480', 'tremolo', '20', '60', 'vol', '0.35'],
    ['synth', '0.2', 'sine', '0', 'vol', '0'],
    ['synth', '0.4', 'sine', '440', 'sine', '480', 'tremolo', '20', '60', 'vol', '0.35'],
  ],
  // The counter bell: a bright pluck with a long tail.
  bell: [['synth', '1.2', 'pluck', '1568', 'fade', 'q', '0', '1.2', '1.0', 'vol', '0.5']],
  connect: [['synth', '0.12', 'sine', '1200', 'fade', 'q', '0.005', '0.12', '0.08', 'vol', '0.3']],
  // The room: soft low-passed noise with a faint hum, long enough to loop unnoticed.
  ambience: [
    [
      'synth',
      '8',
      'pinknoise',
      'vol',
      '0.5',
      'lowpass',
      '420',
      'vol',
      '0.12',
      'fade',
      'h',
      '0.05',
      '8',
      '0.05',
    ],
  ],
  select: [['synth', '0.05', 'sine', '880', 'fade', 'q', '0.002', '0.05', '0.04', 'vol', '0.25']],
  confirm: [
    ['synth', '0.07', 'sine', '660', 'fade', 'q', '0.002', '0.07', '0.03', 'vol', '0.3'],
    ['synth', '0.1', 'sine', '990', 'fade', 'q', '0.002', '0.1', '0.06', 'vol', '0.3'],
  ],
  calmer: [['synth', '0.6', 'sine', '523:784', 'fade', 'q', '0.02', '0.6', '0.4', 'vol', '0.3']],
  hotter: [
    [
      'synth',
      '0.5',
      'square',
      '196:123',
      'vol',
      '0.5',
      'lowpass',
      '900',
      'fade',
      'q',
      '0.01',
      '0.5',
      '0.35',
      'vol',
      '0.25',
    ],
  ],
  sigh: [
    [
      'synth',
      '0.9',
      'pinknoise',
      'bandpass',
      '700',
      '500h',
      'fade',
      'q',
      '0.25',
      '0.9',
      '0.55',
      'vol',
      '0.5',
    ],
  ],
  huff: [
    ['synth', '0.28', 'brownnoise', 'highpass', '250', 'fade', 'q', '0.02', '0.28', '0.22', 'vol', '0.6'],
  ],
  grumble: [
    [
      'synth',
      '0.8',
      'brownnoise',
      'vol',
      '0.5',
      'lowpass',
      '320',
      'tremolo',
      '11',
      '70',
      'fade',
      'q',
      '0.05',
      '0.8',
      '0.3',
      'vol',
      '0.9',
    ],
  ],
  // A relieved laugh: three breathy pulses, falling.
  laugh: [
    [
      'synth',
      '0.11',
      'pinknoise',
      'bandpass',
      '1300',
      '600h',
      'fade',
      'q',
      '0.01',
      '0.11',
      '0.06',
      'vol',
      '0.45',
    ],
    ['synth', '0.06', 'sine', '0', 'vol', '0'],
    [
      'synth',
      '0.1',
      'pinknoise',
      'bandpass',
      '1150',
      '600h',
      'fade',
      'q',
      '0.01',
      '0.1',
      '0.06',
      'vol',
      '0.4',
    ],
    ['synth', '0.06', 'sine', '0', 'vol', '0'],
    [
      'synth',
      '0.14',
      'pinknoise',
      'bandpass',
      '1000',
      '600h',
      'fade',
      'q',
      '0.01',
      '0.14',
      '0.1',
      'vol',
      '0.35',
    ],
  ],
  escalation: [
    [
      'synth',
      '0.9',
      'square',
      '110',
      'square',
      '116.5',
      'vol',
      '0.5',
      'lowpass',
      '800',
      'fade',
      'q',
      '0.01',
      '0.9',
      '0.6',
      'vol',
      '0.3',
    ],
  ],
  // The receiver put down, then the busy tone.
  hangup: [
    ['synth', '0.06', 'brownnoise', 'highpass', '400', 'vol', '0.6'],
    ['synth', '0.2', 'sine', '0', 'vol', '0'],
    ['synth', '0.25', 'sine', '480', 'sine', '620', 'vol', '0.25'],
    ['synth', '0.25', 'sine', '0', 'vol', '0'],
    ['synth', '0.25', 'sine', '480', 'sine', '620', 'vol', '0.25'],
  ],
  resolved: [
    ['synth', '0.14', 'pluck', '523', 'vol', '0.45'],
    ['synth', '0.14', 'pluck', '659', 'vol', '0.45'],
    ['synth', '0.5', 'pluck', '784', 'fade', 'q', '0', '0.5', '0.4', 'vol', '0.45'],
  ],
  countup: [
    [
      'synth',
      '0.9',
      'sine',
      '600:1400',
      'tremolo',
      '18',
      '90',
      'fade',
      'q',
      '0.01',
      '0.9',
      '0.2',
      'vol',
      '0.18',
    ],
  ],
};

/** Runs sox with repeatable noise (-R), so the same recipe always makes the same sound. */
function sox(args: string[]): void {
  execFileSync('sox', ['-R', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'keep-cool-audio-'));
  try {
    const parts: string[] = [];
    const sprite: Record<string, [number, number] | [number, number, boolean]> = {};
    let offset = 0;
    const gap = join(work, 'gap.wav');
    sox([
      '-n',
      '-r',
      String(RATE),
      '-c',
      '1',
      '-b',
      '16',
      gap,
      'synth',
      String(GAP_S),
      'sine',
      '0',
      'vol',
      '0',
    ]);
    for (const cue of CUES) {
      const pieces = RECIPES[cue].map((recipe, i) => {
        const file = join(work, `${cue}-${i}.wav`);
        sox(['-n', '-r', String(RATE), '-c', '1', '-b', '16', file, ...recipe]);
        return file;
      });
      const file = join(work, `${cue}.wav`);
      if (pieces.length === 1 && pieces[0]) sox([pieces[0], file]);
      else sox([...pieces, file]);
      const seconds = Number(execFileSync('soxi', ['-D', file], { encoding: 'utf8' }).trim());
      const ms = Math.round(seconds * 1000);
      sprite[cue] = cue === 'ambience' ? [offset, ms, true] : [offset, ms];
      parts.push(file, gap);
      offset += ms + Math.round(GAP_S * 1000);
    }
    const all = join(work, 'all.wav');
    sox([...parts, all]);
    mkdirSync(OUT, { recursive: true });
    sox([all, '-C', '2', join(OUT, 'keep-cool.ogg')]);
    sox([all, '-C', '48', join(OUT, 'keep-cool.mp3')]);
    // The sprite map is code's business (the game imports it); the sound files are served as they are.
    writeFileSync(SPRITE_MAP, `${JSON.stringify(sprite, null, 2)}\n`);
    const size = (f: string) => statSync(join(OUT, f)).size;
    const total = size('keep-cool.ogg') + size('keep-cool.mp3') + statSync(SPRITE_MAP).size;
    console.log(
      `wrote ${OUT}: ${CUES.length} sounds, ${(offset / 1000).toFixed(1)} s; ogg ${(size('keep-cool.ogg') / 1024).toFixed(0)} KiB, mp3 ${(size('keep-cool.mp3') / 1024).toFixed(0)} KiB, ${(total / 1024).toFixed(0)} KiB in all`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
