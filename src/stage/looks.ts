/** The customers' looks, by the appearance key a scenario names, and the colours all the art shares. */
import { own } from '../engine/own.js';

export type HairStyle = 'long' | 'curly' | 'bun' | 'short' | 'receding';
export type Collar = 'v' | 'crew' | 'cardigan' | 'shirt' | 'polo';

export interface Look {
  skin: string;
  skinShade: string;
  hair: string;
  /** Brows and the darker strands of the hair. */
  hairShade: string;
  eyes: string;
  lip: string;
  top: string;
  topShade: string;
  hairStyle: HairStyle;
  collar: Collar;
  glasses?: boolean;
  beard?: 'short' | 'moustache';
}

/** Dark strokes (eyes, lids, lips) and the warm shadow every drawing uses. */
export const INK = '#2a1f1a';
export const SHADOW = '#3b2618';

/** Looks by appearance key; an unknown key gets the first look rather than failing. */
const LOOKS: Record<string, Look> = {
  'parent-40s': {
    skin: '#e6b48f',
    skinShade: '#cc9370',
    hair: '#5a3825',
    hairShade: '#3e2517',
    eyes: '#5b3a22',
    lip: '#b86a5c',
    top: '#3f7c8f',
    topShade: '#2f6274',
    hairStyle: 'long',
    collar: 'v',
  },
  'adult-30s': {
    skin: '#8d5a3b',
    skinShade: '#74472d',
    hair: '#231a16',
    hairShade: '#120d0b',
    eyes: '#2e1c12',
    lip: '#7a3a33',
    top: '#c0684a',
    topShade: '#9f5238',
    hairStyle: 'curly',
    collar: 'crew',
  },
  'retiree-70s': {
    skin: '#f1cba9',
    skinShade: '#d8a985',
    hair: '#d9d5cf',
    hairShade: '#a9a49c',
    eyes: '#4d6a80',
    lip: '#c07a70',
    top: '#6b8a55',
    topShade: '#536d41',
    hairStyle: 'bun',
    collar: 'cardigan',
    glasses: true,
  },
  'man-30s': {
    skin: '#f0c8a8',
    skinShade: '#d6a585',
    hair: '#9a4a26',
    hairShade: '#6f3218',
    eyes: '#4f7050',
    lip: '#c27f6d',
    top: '#4a5f80',
    topShade: '#3a4b66',
    hairStyle: 'short',
    collar: 'shirt',
  },
  'man-40s': {
    skin: '#dfac88',
    skinShade: '#c38e6a',
    hair: '#3e2a1d',
    hairShade: '#2a1b12',
    eyes: '#4a3020',
    lip: '#a8675a',
    top: '#8a5a3c',
    topShade: '#6f4730',
    hairStyle: 'short',
    collar: 'polo',
    beard: 'short',
  },
  'man-70s': {
    skin: '#c68e64',
    skinShade: '#a8744f',
    hair: '#dcd8d2',
    hairShade: '#aaa49b',
    eyes: '#3a2618',
    lip: '#9a5e4c',
    top: '#5f6a78',
    topShade: '#4b5460',
    hairStyle: 'receding',
    collar: 'shirt',
    glasses: true,
    beard: 'moustache',
  },
};

/** The appearance keys the game draws (any other key gets the first look). */
export const APPEARANCES = Object.keys(LOOKS);

export function lookFor(appearance: string): Look {
  return own(LOOKS, appearance) ?? (LOOKS['parent-40s'] as Look);
}
