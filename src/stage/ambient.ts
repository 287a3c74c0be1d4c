/**
 * The rooms' small movements as pure functions of time: the clock's hands, the phone call's timer,
 * the steam from a mug (the caller's voice is voice.ts's). No Phaser: tested in Node; scenery.ts applies them.
 */

/** The clock's hands in degrees from twelve, for a wall clock that shows the player's own time. */
export function clockAngles(hours: number, minutes: number, seconds: number): [number, number, number] {
  return [((hours % 12) + minutes / 60) * 30, (minutes + seconds / 60) * 6, seconds * 6];
}

/** A call's timer as the softphone shows it: minutes and seconds, mm:ss, from the call's own time. */
export function callTimer(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
}

/** One wisp of steam `t` ms in: how far it has risen (0–1) and how visible it is. */
export function steamAt(t: number, wisp: number): { rise: number; alpha: number } {
  const periodMs = 2600;
  const phase = (t / periodMs + wisp * 0.5) % 1;
  return { rise: phase, alpha: Math.sin(phase * Math.PI) * 0.7 };
}
