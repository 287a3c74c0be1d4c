/**
 * A bad start is recoverable: a call may end before the trainee's fourth decision (or before the
 * best path's length, in a call shorter than that) only once they have broken three don'ts. The
 * trainees who struggle most get the most practice at recovering, instead of a call cut off after
 * one clumsy answer. The checker warns (KC047) about every path that breaks the rule.
 */
import type { WalkedPath } from './report.js';
import { isDont } from './understand/labels.js';

/** Decisions a call must last, at least, unless the trainee breaks EARLY_END_DONTS don'ts. */
export const EARLY_END_DECISIONS = 4;
/** Don'ts after which a call may end early. */
export const EARLY_END_DONTS = 3;

export interface EarlyEnd {
  ending: string;
  decisions: number;
  donts: number;
  /** The decisions a call must last here: EARLY_END_DECISIONS, or the best path's, if fewer. */
  limit: number;
  /** The answers given on the way, by id (time-outs as `time-out`). */
  answers: string[];
}

/** Answers the trainee gave on a path: every choice and I-message; time-outs are not decisions. */
export function decisionsOf(path: WalkedPath): number {
  return path.records.filter((r) => r.event.kind !== 'timeout').length;
}

/**
 * The paths of a walk that end too early: before min(EARLY_END_DECISIONS, the best path's decisions)
 * with fewer than EARLY_END_DONTS don'ts broken. Sorted by decisions, then ending; one per ending
 * and length.
 */
export function earlyEnds(paths: readonly WalkedPath[]): EarlyEnd[] {
  let best: WalkedPath | undefined;
  for (const p of paths) if (!best || p.score.total > best.score.total) best = p;
  if (!best) return [];
  const limit = Math.min(EARLY_END_DECISIONS, decisionsOf(best));
  const found = new Map<string, EarlyEnd>();
  for (const p of paths) {
    const decisions = decisionsOf(p);
    const donts = p.score.donts.filter((d) => isDont(d.dont)).length;
    const ending = p.score.ending?.id;
    if (!ending || decisions >= limit || donts >= EARLY_END_DONTS) continue;
    const key = `${decisions}|${ending}`;
    if (found.has(key)) continue;
    found.set(key, {
      ending,
      decisions,
      donts,
      limit,
      answers: p.records.map((r) => (r.event.kind === 'choice' ? r.event.response : r.event.kind)),
    });
  }
  return [...found.values()].sort((a, b) => a.decisions - b.decisions || a.ending.localeCompare(b.ending));
}
