/**
 * The workshop host's pages, in Spanish: the same keys and placeholders as en-host.ts.
 */
import type { host } from './en-host.js';

export const hostEs: Record<keyof typeof host, string> = {
  'host.rooms.new': 'Sala nueva',
  // end
};
