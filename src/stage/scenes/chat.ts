/**
 * A chat: the app's window, the customer in their profile's picture (their room at home), the
 * conversation's bubbles either side, and the composer in front, where the customer's typing
 * shows as three dots while their line comes in.
 */
import { SHADOW } from '../looks.js';
import { dropShadow, headGlow, linear, plant } from './kit.js';

/** The customer's picture: a card the customer stands in. */
const CARD = { x: 100, y: 42, w: 280, h: 300 };
/** The typing bubble above the composer, and its three dots' centres. */
export const TYPING = { x: 104, y: 284, w: 56, h: 26 };
export const TYPING_DOTS = [118, 132, 146].map((x) => ({ x, y: TYPING.y + TYPING.h / 2 }));

function bubble(x: number, y: number, w: number, h: number, mine: boolean): string {
  const fill = mine ? '#2f6f8f' : '#ffffff';
  const ink = mine ? '#cfe3ec' : '#c9d1db';
  const tail = mine
    ? `<path d="M${x + w - 10} ${y + h - 2} l12 6 l-4 -12z" fill="${fill}"/>`
    : `<path d="M${x + 10} ${y + h - 2} l-12 6 l4 -12z" fill="${fill}"/>`;
  const lines = Array.from(
    { length: Math.max(1, Math.floor((h - 12) / 9)) },
    (_, i) =>
      `<path d="M${x + 9} ${y + 11 + i * 9} h${w - 18 - (i % 2) * 14}" stroke="${ink}" stroke-width="3.5" stroke-linecap="round"/>`,
  ).join('');
  return `${dropShadow(x, y, w, h, 10, 2)}<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="${fill}"/>${tail}${lines}`;
}

/** The app around the customer's picture. */
export function chatBack(): string {
  const { x, y, w, h } = CARD;
  return [
    `<defs>${linear('ch-app', ['#eef2f7', '#e2e8f0'])}${linear('ch-room', ['#f5e6d2', '#e9d3b6'])}<clipPath id="ch-card"><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="16"/></clipPath></defs>`,
    `<rect width="480" height="360" fill="url(#ch-app)"/>`,
    // The header: the customer's badge, online, and the menu.
    `<rect width="480" height="34" fill="#ffffff"/><rect y="34" width="480" height="2" fill="#d5dde6"/>`,
    `<circle cx="22" cy="17" r="10" fill="#c9d4df"/><circle cx="22" cy="14" r="4" fill="#fff"/><path d="M14 24 q8 -8 16 0" fill="#fff"/><circle cx="30" cy="24" r="3.5" fill="#3fa46a" stroke="#fff" stroke-width="1.5"/>`,
    `<rect x="40" y="10" width="70" height="6" rx="3" fill="#9aa7b5"/><rect x="40" y="20" width="40" height="5" rx="2.5" fill="#8cc7a4"/>`,
    `<circle cx="448" cy="17" r="2.5" fill="#9aa7b5"/><circle cx="456" cy="17" r="2.5" fill="#9aa7b5"/><circle cx="464" cy="17" r="2.5" fill="#9aa7b5"/>`,
    // The conversation so far, either side of the picture.
    bubble(10, 52, 80, 32, false),
    bubble(10, 96, 72, 50, false),
    bubble(10, 196, 78, 32, false),
    bubble(392, 74, 78, 32, true),
    bubble(398, 150, 72, 50, true),
    bubble(392, 240, 78, 32, true),
    // The customer's picture: their room at home, daylight from the left.
    `<rect x="${x + 3}" y="${y + 5}" width="${w}" height="${h}" rx="16" fill="${SHADOW}" opacity="0.16"/>`,
    `<g clip-path="url(#ch-card)">`,
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#ch-room)"/>`,
    `<rect x="${x + 16}" y="${y + 22}" width="62" height="92" rx="3" fill="#fbf7ef"/><rect x="${x + 21}" y="${y + 27}" width="52" height="82" fill="#cfe5ef"/><path d="M${x + 21} ${y + 90} q14 -14 26 -4 q12 -10 26 2 v21 h-52z" fill="#a9cca6"/><path d="M${x + 47} ${y + 27} v82" stroke="#fbf7ef" stroke-width="4"/>`,
    `<rect x="${x + 214}" y="${y + 96}" width="60" height="6" rx="2" fill="#b88a5e"/>`,
    plant(x + 244, y + 96, 0.4, '#e4d9c6'),
    `<rect x="${x + 220}" y="${y + 70}" width="14" height="26" rx="1" fill="#e2a14a"/><rect x="${x + 235}" y="${y + 76}" width="10" height="20" rx="1" fill="#2f6f8f"/>`,
    `<rect x="${x}" y="${y + 214}" width="${w}" height="${h - 214}" fill="#dcc1a0"/>`,
    headGlow('ch-glow', '#fff6e6', 0.75),
    '</g>',
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="16" fill="none" stroke="#ffffff" stroke-width="4"/>`,
  ].join('');
}

/** The composer: where the trainee types; the customer's typing bubble sits above it. */
export function chatFront(top: number): string {
  return [
    `<rect y="${top}" width="480" height="${360 - top}" fill="#ffffff"/><rect y="${top}" width="480" height="2" fill="#d5dde6"/>`,
    `<rect x="14" y="${top + 10}" width="396" height="26" rx="13" fill="#eef2f6"/><rect x="30" y="${top + 20}" width="120" height="6" rx="3" fill="#c4ced9"/>`,
    `<circle cx="394" cy="${top + 23}" r="7" fill="none" stroke="#9aa7b5" stroke-width="2"/><path d="M390 ${top + 25} q4 4 8 0" stroke="#9aa7b5" stroke-width="1.6" fill="none"/>`,
    `<circle cx="444" cy="${top + 23}" r="15" fill="#2f6f8f"/><path d="M436 ${top + 23} l16 -7 l-5 16 l-3 -6z" fill="#fff"/>`,
  ].join('');
}

/** The bubble the customer's typing shows in (drawn apart: it shows only while they type). */
export function typingBubble(): string {
  const { x, y, w, h } = TYPING;
  return `${dropShadow(x, y, w, h, 13, 2)}<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="13" fill="#ffffff"/><path d="M${x + 8} ${y + h - 3} l-8 8 l12 -4z" fill="#ffffff"/>`;
}
