/** The page's own addresses (the workshop's are in workshop/routes.ts): a scenario's call. */

export const PLAY = /^#\/play\/([a-z0-9-]+)$/;

export function playHref(id: string): string {
  return `#/play/${id}`;
}
