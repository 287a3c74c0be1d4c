/**
 * The workshop host's pages: rooms, the room, calls chosen, the projector and board, the player list, hand-over and take-over (src/screens/workshop/).
 * In English, the source of truth: en.ts spreads these keys into the one catalogue, and
 * es-host.ts gives the same keys in Spanish.
 */
export const host = {
  'host.rooms.new': 'New room',
  // end
};
