/**
 * The workshop player's pages and their plumbing, in Spanish: the same keys and placeholders as en-player.ts.
 */
import type { player } from './en-player.js';

export const playerEs: Record<keyof typeof player, string> = {
  'player.lobby.board': 'Clasificación',
  // end
};
