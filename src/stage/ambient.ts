/**
 * The rooms' small movements as pure functions of time: the clock's hands, the call's sound wave,
 * the steam from a mug. No Phaser: tested in Node; scenery.ts applies them.
 */

/** The clock's hands in degrees from twelve, for a wall clock that shows the player's own time. */
export function clockAngles(hours: number, minutes: number, seconds: number): [number, number, number] {
  return [((hours % 12) + minutes / 60) * 30, (minutes + seconds / 60) * 6, seconds * 6];
}

/**
 * The heights (0–1) of the call bar's sound wave: low and flat while the caller is quiet, a
 * lively voice while they speak; still (a steady middle) with reduced motion.
 */
export function waveHeights(t: number, speaking: boolean, reducedMotion: boolean, bars: number): number[] {
  return Array.from({ length: bars }, (_, i) => {
    if (!speaking) return 0.18;
    if (reducedMotion) return 0.5;
    // Three sines of unrelated periods per bar: a voice, not a pattern.
    const v =
      Math.sin(t / 83 + i * 1.7) * 0.45 +
      Math.sin(t / 191 + i * 0.9) * 0.35 +
      Math.sin(t / 47 + i * 2.3) * 0.2;
    const envelope = Math.sin(((i + 0.5) / bars) * Math.PI);
    return Math.max(0.18, Math.min(1, (0.55 + v * 0.45) * (0.5 + envelope * 0.5)));
  });
}

/** One wisp of steam `t` ms in: how far it has risen (0–1) and how visible it is. */
export function steamAt(t: number, wisp: number): { rise: number; alpha: number } {
  const periodMs = 2600;
  const phase = (t / periodMs + wisp * 0.5) % 1;
  return { rise: phase, alpha: Math.sin(phase * Math.PI) * 0.7 };
}
