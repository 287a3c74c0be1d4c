/**
 * Where the call happens, drawn by us as SVG: a room behind the customer and a foreground in front
 * of them (the counter, the caller's table under the call bar, the chat's composer). The customer
 * stands between the two, so the foreground also gives hands and arms somewhere to rest. Small
 * moving things (the clock's hands, the call's sound wave, the chat's typing dots, the steam from
 * a mug) are separate sprites on the same sheet. Pure strings: tested in Node.
 */
import type { Setting } from '../engine/index.js';
import { atlas, type Atlas, type Box, type Part } from './atlas.js';
import { COUNTER_CLOCK, counterBack, counterFront } from './scenes/counter.js';
import { LEVEL, MUG, WAVE, phoneBack, phoneFront } from './scenes/phone.js';
import { TYPING, TYPING_DOTS, chatBack, chatFront, typingBubble } from './scenes/chat.js';
import { clockHand, heat } from './scenes/kit.js';

export const STAGE_WIDTH = 480;
export const STAGE_HEIGHT = 360;
/** Where the foreground begins: the customer's portrait stands on this line. */
export const FOREGROUND_TOP: Record<Setting, number> = { counter: 296, phone: 248, chat: 318 };
/** The highest point of the foreground's drawing (things standing on the counter or table). */
const FRONT_FROM: Record<Setting, number> = { counter: 250, phone: 176, chat: 280 };

const svg = (body: string, box: Box = { x: 0, y: 0, w: STAGE_WIDTH, h: STAGE_HEIGHT }) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${box.x} ${box.y} ${box.w} ${box.h}" width="${box.w}" height="${box.h}">${body}</svg>`;

function backBody(setting: Setting): string {
  switch (setting) {
    case 'counter':
      return counterBack();
    case 'phone':
      return phoneBack();
    case 'chat':
      return chatBack();
  }
}

function frontBody(setting: Setting): string {
  const top = FOREGROUND_TOP[setting];
  switch (setting) {
    case 'counter':
      return counterFront(top);
    case 'phone':
      return phoneFront(top);
    case 'chat':
      return chatFront(top);
  }
}

const FULL: Box = { x: 0, y: 0, w: STAGE_WIDTH, h: STAGE_HEIGHT };
const frontBox = (setting: Setting): Box => ({
  x: 0,
  y: FRONT_FROM[setting],
  w: STAGE_WIDTH,
  h: STAGE_HEIGHT - FRONT_FROM[setting],
});

/** The room behind the customer, as an SVG document the size of the stage. */
export function backdropSvg(setting: Setting): string {
  return svg(backBody(setting));
}

/** What stands in front of the customer, as an SVG document the size of the stage. */
export function foregroundSvg(setting: Setting): string {
  return svg(frontBody(setting));
}

/**
 * A small moving thing on the stage: its drawing (its box around its own origin), the point of it
 * that is placed (and turns), and where on the stage that point goes.
 */
export interface Sprite {
  frame: string;
  box: Box;
  at: { x: number; y: number };
}

const hand = (name: string, length: number, width: number, colour: string): Part => ({
  name,
  box: { x: -width / 2 - 1, y: -length, w: width + 2, h: length + width },
  body: `<g transform="translate(${-width / 2} ${-length})">${clockHand(length, width, colour)}</g>`,
});

const HOUR = hand('hand-hour', 11, 3.4, '#3b2f28');
const MINUTE = hand('hand-minute', 16, 2.6, '#3b2f28');
const SECOND = hand('hand-second', 17, 1.2, '#c0392b');
const BAR: Box = { x: -2, y: -WAVE.height / 2, w: 4, h: WAVE.height };
/** The still level bar (reduced motion): its left end is placed, and it stretches to the right. */
const LEVEL_BOX: Box = { x: 0, y: -LEVEL.h / 2, w: LEVEL.w, h: LEVEL.h };
const STEAM: Box = { x: -8, y: -34, w: 16, h: 34 };
const DOT: Box = { x: -4, y: -4, w: 8, h: 8 };
/** The typing bubble is drawn where it stands on the stage. */
const TYPING_BOX: Box = { x: TYPING.x - 4, y: TYPING.y - 4, w: TYPING.w + 12, h: TYPING.h + 14 };

/** The sprites of a setting, by what moves them. */
export function spritesOf(setting: Setting): Record<string, Sprite[]> {
  const at = (frame: string, box: Box, x: number, y: number) => ({ frame, box, at: { x, y } });
  switch (setting) {
    case 'counter': {
      const { x, y } = COUNTER_CLOCK;
      return {
        clock: [HOUR, MINUTE, SECOND].map((p) => at(p.name, p.box, x, y)),
      };
    }
    case 'phone':
      return {
        wave: Array.from({ length: WAVE.bars }, (_, i) => at('bar', BAR, WAVE.x + i * WAVE.gap, WAVE.y)),
        level: [at('level', LEVEL_BOX, LEVEL.x, LEVEL.y)],
        steam: [at('steam', STEAM, MUG.x - 6, MUG.y + 4), at('steam', STEAM, MUG.x + 4, MUG.y)],
      };
    case 'chat':
      return {
        typing: [at('typing', TYPING_BOX, 0, 0), ...TYPING_DOTS.map((d) => at('dot', DOT, d.x, d.y))],
      };
  }
}

/** Texture pixels per stage pixel of the soft drawings: smooth gradients need few. */
export const SOFT_SCALE = { heat: 0.25 };

/** Every drawing of a setting: the room, the foreground, the sprites and the heat. */
export function sceneParts(setting: Setting): Part[] {
  const parts: Part[] = [
    { name: 'back', box: FULL, body: backBody(setting) },
    { name: 'front', box: frontBox(setting), body: frontBody(setting) },
    // Soft things need few pixels: drawn small and stretched, they look the same.
    { name: 'heat', box: FULL, body: heat(), scale: SOFT_SCALE.heat },
  ];
  switch (setting) {
    case 'counter':
      parts.push(HOUR, MINUTE, SECOND);
      break;
    case 'phone':
      parts.push(
        // The voice in the game's blue, and hot (rough, shouting) in red.
        ...(['bar', 'bar-hot'] as const).map((name) => ({
          name,
          box: BAR,
          body: `<rect x="-2" y="${-WAVE.height / 2}" width="4" height="${WAVE.height}" rx="2" fill="${name === 'bar' ? '#2f6f8f' : '#c8432f'}"/>`,
        })),
        ...(['level', 'level-hot'] as const).map((name) => ({
          name,
          box: LEVEL_BOX,
          body: `<rect x="0" y="${-LEVEL.h / 2}" width="${LEVEL.w}" height="${LEVEL.h}" rx="${LEVEL.h / 2}" fill="${name === 'level' ? '#2f6f8f' : '#c8432f'}"/>`,
        })),
        {
          name: 'steam',
          box: STEAM,
          body: `<path d="M0 -2 q-6 -8 0 -16 q6 -8 0 -16" stroke="#ffffff" stroke-width="3.5" fill="none" stroke-linecap="round" opacity="0.8"/>`,
        },
      );
      break;
    case 'chat':
      parts.push(
        { name: 'typing', box: TYPING_BOX, body: typingBubble() },
        { name: 'dot', box: DOT, body: `<circle cx="0" cy="0" r="3.6" fill="#8796a6"/>` },
      );
      break;
  }
  return parts;
}

/** A setting's sheet, `resolution` texture pixels per stage pixel. */
export function sceneAtlas(setting: Setting, resolution: number): Atlas {
  return atlas(sceneParts(setting), resolution, '', Math.ceil(STAGE_WIDTH * resolution) + 8);
}
