/**
 * What the server stores as a score: a finite whole number. Scoring always gives one; this guard
 * makes sure a scenario that slipped past its checks (a hand-built library, a future bug) is
 * refused with a reason rather than failing the database write with a 500 the phone would retry.
 */

/** Why `total` cannot be stored as a score, or null when it can. */
export function unstorableScore(total: unknown): string | null {
  if (typeof total === 'number' && Number.isSafeInteger(total)) return null;
  return `the call came to ${String(total)} points, and a score must be a whole number`;
}
