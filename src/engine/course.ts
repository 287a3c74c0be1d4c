/**
 * The course: the library as a path through the method. A course file (scenarios/course/course.yaml)
 * lists chapters in teaching order, one per move of the method (a SOARING letter), one for keeping
 * cool (the don'ts), and mixed calls at the end. Each chapter opens with a lesson made of real
 * moments from the library — watch a bad and a good answer play out, then try one — and then offers
 * two or three calls. A chapter is passed on its own move, not on the total.
 *
 * Pure: the schema, and what a lesson's moments do, worked out with the engine's own step.
 */
import { z } from 'zod';
import type { Diagnostic } from './diagnostics.js';
import { own } from './own.js';
import type { Scenario, ScenarioResponse } from './schema.js';
import { calmChoice, initialState, memoryKey, step, type CallState } from './step.js';
import { LETTERS, type Dont, type Letter, type Mood } from './vocabulary.js';

/** What a chapter teaches: a SOARING move, keeping cool (not taking the bait), or all of it. */
export const CHAPTER_MOVES = [...LETTERS, 'cool', 'mixed'] as const;
export type ChapterMove = (typeof CHAPTER_MOVES)[number];

/** The don'ts that are taking the bait: what the keeping-cool chapter counts. */
export const BAIT_DONTS: readonly Dont[] = ['argue', 'aggressive', 'sarcastic', 'defensive', 'threatening'];

/** A chapter on a letter is passed only by a call that made the move at least this many times. */
export const MIN_MOVE_HITS = 2;

/** The pass mark when a chapter does not set one: a share of the move's moments, or at most a don't. */
export const DEFAULT_PASS = { share: 70, donts: 1, total: 700 } as const;

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,63}$/, 'ids are lower-case words joined by hyphens, like "listen-first"');
const Text = (max: number) => z.string().trim().min(1).max(max);

export const LessonWatch = z
  .strictObject({
    scenario: Id.describe('The scenario the moment comes from (its id).'),
    moment: Id.describe('The node whose line the lesson shows.'),
    bad: Id.describe('A response at that moment that breaks a don’t (or misses the move): played first.'),
    good: Id.describe('A response at that moment that makes the move: played second.'),
  })
  .describe(
    'A moment to watch: a bad answer plays out, then a good one, each with what it did to the customer.',
  );

export const LessonTry = z
  .strictObject({
    scenario: Id.describe('The scenario the moment comes from (its id).'),
    moment: Id.describe('The node the trainee answers: every response there is offered.'),
  })
  .describe('A moment for the trainee to answer, with the scenario’s own feedback.');

export const Lesson = z
  .strictObject({
    intro: Text(600).describe('Two or three sentences: what the move is and why it works.'),
    watch: LessonWatch,
    try: LessonTry,
    takeaway: Text(300).describe('One sentence to remember, shown when the lesson is done.'),
  })
  .describe('The interactive lesson a chapter opens with.');

export const Pass = z
  .union([
    z
      .strictObject({ share: z.number().int().min(1).max(100) })
      .describe('Share (%) of the moments calling for the move, in one call.'),
    z
      .strictObject({ donts: z.number().int().min(0).max(10) })
      .describe('At most this many bait don’ts in one call.'),
    z.strictObject({ total: z.number().int().min(1).max(1000) }).describe('At least this total in one call.'),
  ])
  .describe('The pass mark: share for a move, donts for keeping cool, total for mixed calls.');
export type Pass = z.output<typeof Pass>;

export const Chapter = z
  .strictObject({
    id: Id.describe('The chapter’s id: its address is #/course/<id>.'),
    move: z.enum(CHAPTER_MOVES).describe('A SOARING letter, cool (not taking the bait) or mixed.'),
    title: Text(80),
    summary: Text(300).describe('One line under the title in the course’s list.'),
    lesson: Lesson,
    calls: z.array(Id).min(1).max(6).describe('The calls (scenario ids) that exercise the move, in order.'),
    pass: Pass.optional(),
  })
  .describe('One chapter of the course.');
export type Chapter = z.output<typeof Chapter>;

export const Course = z
  .strictObject({
    format: z.literal(1).describe('The course file format: 1.'),
    chapters: z.array(Chapter).min(1).max(20),
  })
  .describe('The Keep Cool course (scenarios/course/course.yaml).');
export type Course = z.output<typeof Course>;

/** What the build hands the page (src/scenario-files/course-plugin.ts): the course, or why not. */
export interface LoadedCourse {
  course: Course | null;
  /** The course file's errors when it did not load (its warnings are for the checker). */
  broken: { file: string; diagnostics: Diagnostic[] }[];
}

/** The pass mark a chapter uses: its own, or the default for its move. */
export function passOf(chapter: Pick<Chapter, 'move' | 'pass'>): Pass {
  if (chapter.pass) return chapter.pass;
  if (chapter.move === 'cool') return { donts: DEFAULT_PASS.donts };
  if (chapter.move === 'mixed') return { total: DEFAULT_PASS.total };
  return { share: DEFAULT_PASS.share };
}

/** The letter a chapter teaches, or null for keeping cool and mixed calls. */
export function letterOf(move: ChapterMove): Letter | null {
  return (LETTERS as readonly string[]).includes(move) ? (move as Letter) : null;
}

/** A response is a good answer for a chapter: no don't broken, and the chapter's letter made. */
export function answersMove(response: ScenarioResponse, move: ChapterMove): boolean {
  if (response.breaks.length > 0) return false;
  const letter = letterOf(move);
  return letter === null || response.uses.includes(letter);
}

/**
 * How many moments of a scenario exercise a chapter's move: moments calling for the letter, or
 * (keeping cool) moments with bait to refuse; every moment for mixed calls.
 */
export function momentsForMove(scenario: Scenario, move: ChapterMove): number {
  const letter = letterOf(move);
  const nodes = Object.values(scenario.nodes);
  if (letter) return nodes.filter((n) => n.calls_for.includes(letter)).length;
  if (move === 'cool')
    return nodes.filter((n) => n.responses.some((r) => r.breaks.some((d) => BAIT_DONTS.includes(d)))).length;
  return nodes.length;
}

/** Whether a scenario can pass a chapter: at least MIN_MOVE_HITS moments for its move. */
export function offersMove(scenario: Scenario, move: ChapterMove): boolean {
  return momentsForMove(scenario, move) >= MIN_MOVE_HITS;
}

/** How many states the search for a lesson moment's state visits, at most. */
const MOMENT_SEARCH = 20_000;

/**
 * The state a call is usually in at `moment`: reached by the fewest don'ts (then the fewest
 * answers), answering calmly, so a lesson shows the moment as a fair play meets it. A search over
 * the call's states, cheapest first; null if no play reaches the moment within the search.
 */
export function stateAtMoment(scenario: Scenario, moment: string): CallState | null {
  if (!own(scenario.nodes, moment)) return null;
  // Buckets by don'ts broken on the way; within one, first in first out (fewest answers first).
  const buckets: CallState[][] = [[initialState(scenario)]];
  const seen = new Set<string>();
  let visited = 0;
  for (let cost = 0; cost < buckets.length; cost++) {
    const bucket = buckets[cost] ?? [];
    for (let i = 0; i < bucket.length; i++) {
      const state = bucket[i] as CallState;
      if (state.node === null) continue;
      const key = `${state.node}|${state.anger}|${state.trust}|${memoryKey(state)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (state.node === moment) return state;
      if (++visited > MOMENT_SEARCH) return null;
      const node = own(scenario.nodes, state.node);
      for (const response of node?.responses ?? []) {
        const next = step(scenario, state, calmChoice(state, state.node, response.id));
        if (!next.ok) continue;
        const to = cost + response.breaks.length;
        (buckets[to] ??= []).push(next.state);
      }
    }
  }
  return null;
}

/** What one answer at a lesson's moment does: the customer's reply and how they feel after it. */
export interface PlayedAnswer {
  response: string;
  says: string;
  uses: Letter[];
  breaks: Dont[];
  feedback: string;
  before: { anger: number; trust: number; mood: Mood };
  after: { anger: number; trust: number; mood: Mood };
  /** The customer's next line, or the ending's last words; `ended` when the answer ended the call. */
  reply: string;
  ended: boolean;
}

/** Plays `responseId` at the moment `state` is in, with the engine's own step. */
export function playAnswer(scenario: Scenario, state: CallState, responseId: string): PlayedAnswer | null {
  const node = state.node === null ? undefined : own(scenario.nodes, state.node);
  const response = node?.responses.find((r) => r.id === responseId);
  if (!node || !response || state.node === null) return null;
  const result = step(scenario, state, calmChoice(state, state.node, responseId));
  if (!result.ok) return null;
  const after = result.state;
  const ending = after.ending === null ? undefined : own(scenario.endings, after.ending);
  return {
    response: response.id,
    says: response.says,
    uses: [...response.uses],
    breaks: [...response.breaks],
    feedback: response.feedback,
    before: { anger: state.anger, trust: state.trust, mood: state.mood },
    after: { anger: after.anger, trust: after.trust, mood: after.mood },
    reply: ending ? (typeof ending.says === 'string' ? ending.says : '') : after.line,
    ended: ending !== undefined,
  };
}
