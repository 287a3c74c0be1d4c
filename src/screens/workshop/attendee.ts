/**
 * The screens' context, where src/screens/menu.ts looks for it. The attendee's screens are
 * join-page.ts, lobby.ts and room-call.ts; once menu.ts imports context.ts, this file goes.
 */
export type { WorkshopContext } from './context.js';
