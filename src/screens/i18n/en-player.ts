/**
 * The workshop player's pages and their plumbing: join, lobby, the live call, the result, the outbox, the server's reasons (src/screens/workshop/, src/screens/kit/status.ts).
 * In English, the source of truth: en.ts spreads these keys into the one catalogue, and
 * es-player.ts gives the same keys in Spanish.
 */
export const player = {
  'player.lobby.board': 'Leaderboard',
  // end
};
