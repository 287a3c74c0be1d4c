/**
 * Where the trainee stands in each chapter of the course: which are passed, which are open, and
 * how close each call came to the pass mark. A chapter is passed on its own move — a share of the
 * moments that called for its letter (and the move made at least twice), or how many bait don'ts
 * were taken (in a call of grade C or better), or the total for mixed calls — in any one finished
 * call of the chapter. No blind strategy passes one (a test holds it). The first chapter is always open; each one after
 * opens when the one before it is passed. Read from the calls kept on the device, with the moves
 * and don'ts saved beside each one, so passes outlive a new version of a scenario.
 * Pure: no DOM, so it is tested in Node.
 */
import {
  BAIT_DONTS,
  BLIND_LIMIT,
  MIN_MOVE_HITS,
  letterOf,
  passOf,
  type Chapter,
  type Course,
  type Letter,
  type Pass,
  type Scenario,
} from '../engine/index.js';
import type { Progress } from '../device/progress.js';
import { skillsOf, type CallSkills } from './skills.js';

/** How one finished call measures against a chapter's pass mark. */
export interface ChapterMark {
  /** The figure the pass mark is on: a share in percent, a count of bait don'ts, or a total. */
  value: number;
  passed: boolean;
}

export interface CallStanding {
  scenario: Scenario;
  /** The call's best mark on the chapter's move, or null if not played (or not measurable). */
  best: ChapterMark | null;
}

export interface ChapterState {
  chapter: Chapter;
  index: number;
  pass: Pass;
  calls: CallStanding[];
  passed: boolean;
  open: boolean;
}

/** A call's mark on a chapter's pass mark; null when the call never asked for the move. */
export function markOf(skills: CallSkills, chapter: Pick<Chapter, 'move' | 'pass'>): ChapterMark | null {
  const pass = passOf(chapter);
  const letter: Letter | null = letterOf(chapter.move);
  if ('share' in pass) {
    if (!letter) return null;
    const { hits, opportunities } = skills.moves[letter];
    if (opportunities === 0) return null;
    const value = Math.round((hits / opportunities) * 100);
    // One lucky pick is not a move learned: a call that asked for it more than once needs it twice.
    return { value, passed: value >= pass.share && hits >= Math.min(MIN_MOVE_HITS, opportunities) };
  }
  if ('donts' in pass) {
    const value = skills.donts.filter((d) => BAIT_DONTS.includes(d)).length;
    // Keeping cool is not giving up: a passive call that ends early takes no bait and passes nothing.
    return { value, passed: value <= pass.donts && skills.total >= BLIND_LIMIT };
  }
  return { value: skills.total, passed: skills.total >= pass.total };
}

/** Which mark is better: a pass over a miss, then a higher share or total, or fewer don'ts. */
function better(a: ChapterMark, b: ChapterMark | null, pass: Pass): boolean {
  if (!b) return true;
  if (a.passed !== b.passed) return a.passed;
  return 'donts' in pass ? a.value < b.value : a.value > b.value;
}

/** Each chapter's standing, in the course's order. */
export function chapterStates(
  course: Course,
  library: readonly Scenario[],
  progress: Progress,
): ChapterState[] {
  const byId = new Map(library.map((s) => [s.id, s]));
  const skills = progress.attempts.flatMap((a) => {
    const found = skillsOf(a, library);
    return found ? [found] : [];
  });
  let previousPassed = true;
  return course.chapters.map((chapter, index) => {
    const pass = passOf(chapter);
    const calls = chapter.calls.flatMap((id): CallStanding[] => {
      const scenario = byId.get(id);
      if (!scenario) return [];
      let best: ChapterMark | null = null;
      for (const s of skills) {
        if (s.scenario !== id) continue;
        const mark = markOf(s, chapter);
        if (mark && better(mark, best, pass)) best = mark;
      }
      return [{ scenario, best }];
    });
    const passed = calls.some((c) => c.best?.passed);
    const open = previousPassed || passed;
    previousPassed = passed;
    return { chapter, index, pass, calls, passed, open };
  });
}

/** The chapter to work on: the first open one not passed yet, else null (the course is done). */
export function currentChapter(states: readonly ChapterState[]): ChapterState | null {
  return states.find((s) => s.open && !s.passed) ?? null;
}
