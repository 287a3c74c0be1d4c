/**
 * The course's chapters as a trainee's device sees them: open and locked, passed on the move the
 * chapter teaches (not on the total), passes that outlive a new version of a scenario, the skills
 * profile, and "Practise next" aiming at the most frequent don't.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DONTS,
  LETTERS,
  SCORING_VERSION,
  blindPlay,
  explore,
  replay,
  scoreRecords,
  type Dont,
  type ScenarioResponse,
  type StepRecord,
  letterOf,
  type Course,
  type Scenario,
  type Transcript,
} from '../../src/engine/index.js';
import { loadCourse } from '../../src/engine/course-load.js';
import { emptyProgress, withAttempt, type Attempt, type Progress } from '../../src/device/progress.js';
import { chapterStates, currentChapter, markOf } from '../../src/screens/chapters.js';
import { courseOrder, offers, standing } from '../../src/screens/course.js';
import { WINDOW, profileOf, recentSkills, skillsOf, type CallSkills } from '../../src/screens/skills.js';
import { SHIPPED, loadFile } from '../support/scenarios.js';

const library: Scenario[] = SHIPPED.map(loadFile);
const loaded = loadCourse(readFileSync('scenarios/course/course.yaml', 'utf8'), 'course.yaml', library);
if (!loaded.course) throw new Error('the course does not load');
const course: Course = loaded.course;
const byId = (id: string): Scenario => {
  const found = library.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
};

/** A finished call on the best or worst path, saved as the game saves it. */
function played(progress: Progress, id: string, which: 'best' | 'worst', at = 0): Progress {
  const path = explore(byId(id))[which];
  if (!path) throw new Error(`no ${which} path in ${id}`);
  return withAttempt(progress, path.transcript, path.score, new Date(Date.UTC(2026, 10, 1) + at * 60_000));
}

describe('the course file', () => {
  it('loads without a warning, every chapter two or three calls that exercise its move', () => {
    expect(loaded.diagnostics).toEqual([]);
    for (const chapter of course.chapters) expect(chapter.calls.length, chapter.id).toBeGreaterThanOrEqual(2);
    const letters = course.chapters.map((c) => letterOf(c.move)).filter((l) => l !== null);
    expect([...letters].sort()).toEqual([...LETTERS].sort());
  });
});

describe('chapters', () => {
  const first = course.chapters[0];
  if (!first) throw new Error('no chapter');
  const firstCall = first.calls[0] ?? '';

  it('opens the first chapter only, on a first visit', () => {
    const states = chapterStates(course, library, emptyProgress());
    expect(states.map((s) => [s.open, s.passed])).toEqual(states.map((_, i) => [i === 0, false]));
    expect(currentChapter(states)?.chapter.id).toBe(first.id);
  });

  it('is passed on its move by a good call, which opens the next; a poor call passes nothing', () => {
    const good = chapterStates(course, library, played(emptyProgress(), firstCall, 'best'));
    expect(good[0]?.passed).toBe(true);
    expect(good[1]?.open).toBe(true);
    expect(good[2]?.open).toBe(false);
    const poor = chapterStates(course, library, played(emptyProgress(), firstCall, 'worst'));
    expect(poor[0]?.passed).toBe(false);
    expect(poor[0]?.calls[0]?.best?.passed).toBe(false);
    expect(poor[1]?.open).toBe(false);
  });

  it('judges the move, not the total: a high total that misses the move does not pass', () => {
    const skills = skillsOf(played(emptyProgress(), firstCall, 'best').attempts[0] as Attempt, library);
    if (!skills) throw new Error('no skills');
    const letter = letterOf(first.move);
    if (!letter) throw new Error('the first chapter teaches a letter');
    const missed = {
      ...skills,
      total: 990,
      moves: { ...skills.moves, [letter]: { hits: 0, opportunities: 3 } },
    };
    expect(markOf(missed, first)).toEqual({ value: 0, passed: false });
    expect(markOf(skills, first)?.passed).toBe(true);
  });

  it('keeps a pass when the scenario gets a new version (the moves are saved with the call)', () => {
    const progress = played(emptyProgress(), firstCall, 'best');
    const newer = library.map((s) => (s.id === firstCall ? { ...s, version: s.version + 1 } : s));
    expect(chapterStates(course, newer, progress)[0]?.passed).toBe(true);
    // A call saved before the moves were kept can only be replayed with its own version.
    const bare = progress.attempts.map((a): Attempt => {
      const old = { ...a };
      delete old.moves;
      delete old.donts;
      return old;
    });
    expect(chapterStates(course, library, { ...progress, attempts: bare })[0]?.passed).toBe(true);
    expect(chapterStates(course, newer, { ...progress, attempts: bare })[0]?.passed).toBe(false);
  });

  it('passes keeping cool on the bait taken, at most the mark', () => {
    const cool = course.chapters.find((c) => c.move === 'cool');
    if (!cool) throw new Error('no keeping-cool chapter');
    const call = cool.calls[0] ?? '';
    const best = skillsOf(played(emptyProgress(), call, 'best').attempts[0] as Attempt, library);
    const worst = skillsOf(played(emptyProgress(), call, 'worst').attempts[0] as Attempt, library);
    expect(best && markOf(best, cool)).toEqual({ value: 0, passed: true });
    expect(worst && markOf(worst, cool)?.passed).toBe(false);
  });
});

describe('no blind strategy passes a chapter, and every call can', () => {
  const blind: Record<string, (rs: readonly ScenarioResponse[]) => ScenarioResponse | undefined> = {
    longest: (rs) =>
      rs.reduce<ScenarioResponse | undefined>(
        (b, r) => (!b || r.says.length > b.says.length ? r : b),
        undefined,
      ),
    shortest: (rs) =>
      rs.reduce<ScenarioResponse | undefined>(
        (b, r) => (!b || r.says.length < b.says.length ? r : b),
        undefined,
      ),
    first: (rs) => rs[0],
    last: (rs) => rs.at(-1),
  };
  const skillsOfRecords = (scenario: Scenario, records: StepRecord[]): CallSkills => {
    const result = scoreRecords(scenario, records);
    return {
      scenario: scenario.id,
      finishedAt: '',
      total: result.total,
      moves: Object.fromEntries(
        LETTERS.map((l) => [
          l,
          { hits: result.letters[l].hits, opportunities: result.letters[l].opportunities },
        ]),
      ) as CallSkills['moves'],
      donts: result.donts
        .map((d) => d.dont)
        .filter((d): d is Dont => (DONTS as readonly string[]).includes(d)),
    };
  };
  for (const chapter of course.chapters) {
    it.each(chapter.calls)(`${chapter.id}: %s`, (id) => {
      const scenario = byId(id);
      for (const [name, pick] of Object.entries(blind))
        expect(
          markOf(skillsOfRecords(scenario, blindPlay(scenario, pick)), chapter)?.passed ?? false,
          name,
        ).toBe(false);
      const best = explore(scenario).best;
      if (!best) throw new Error(`no best path in ${id}`);
      const replayed = replay(scenario, best.transcript);
      if (!replayed.ok) throw new Error(replayed.reason);
      expect(markOf(skillsOfRecords(scenario, replayed.records), chapter)?.passed).toBe(true);
    });
  }
});

describe('the skills profile', () => {
  it('follows each move over the calls, on a moving window, and names the weakest', () => {
    let progress = emptyProgress();
    const plays: [string, 'best' | 'worst'][] = [
      ['the-long-story', 'worst'],
      ['estimated-bill-shock', 'worst'],
      ['bank-fee-while-in-hospital', 'best'],
      ['return-without-receipt', 'best'],
      ['clinic-missed-slot', 'best'],
      ['roaming-bill-shock', 'best'],
      ['the-long-story', 'best'],
    ];
    plays.forEach(([id, which], i) => (progress = played(progress, id, which, i)));
    const profile = profileOf(recentSkills(progress, library));
    expect(profile.calls.map((c) => c.scenario)).toEqual(plays.map(([id]) => id));
    for (const letter of LETTERS) {
      expect(profile.series[letter]).toHaveLength(plays.length);
      const last = profile.calls.slice(-WINDOW);
      const chances = last.reduce((n, c) => n + c.moves[letter].opportunities, 0);
      const hits = last.reduce((n, c) => n + c.moves[letter].hits, 0);
      expect(profile.series[letter].at(-1)).toBe(chances ? hits / chances : null);
    }
    // The worst plays come first: every move's share rises by the end.
    expect(profile.series.A[0]).toBeLessThan(profile.series.A.at(-1) ?? 0);
    const shares = LETTERS.filter((l) => profile.moves[l].opportunities > 0).map(
      (l) => profile.moves[l].hits / profile.moves[l].opportunities,
    );
    const weakest = profile.weakest;
    if (!weakest) throw new Error('no weakest move');
    expect(profile.moves[weakest].hits / profile.moves[weakest].opportunities).toBe(Math.min(...shares));
    expect(profile.dontsPerCall.slice(0, 2).every((n) => n > 0)).toBe(true);
  });
});

describe('practise next', () => {
  it('aims at the don’t broken in most recent calls, with a call that tempts it', () => {
    // Four worst plays: their most frequent don't is broken in at least three of them.
    let progress = emptyProgress();
    for (const [i, id] of [
      'the-long-story',
      'dented-shelves',
      'fine-whatever',
      'estimated-bill-shock',
    ].entries())
      progress = played(progress, id, 'worst', i);
    const now = standing(courseOrder(library), progress);
    expect(now.frequent).not.toBeNull();
    const next = now.next;
    if (!next || next.reason.kind === 'start') throw new Error('no call to practise');
    expect(next.reason.dont?.dont).toBe(now.frequent?.dont);
    expect(offers(next.scenario, { dont: now.frequent?.dont ?? 'argue' })).toBe(true);
    expect(next.scenario.call_type).toBe('hostile');
  });

  it('aims at the weakest move when no don’t is frequent, with a call that asks for it', () => {
    const progress = played(
      played(emptyProgress(), 'first-call-birthday-cake', 'best'),
      'clinic-missed-slot',
      'best',
      1,
    );
    const now = standing(courseOrder(library), progress);
    expect(now.frequent).toBeNull();
    const next = now.next;
    if (!next || next.reason.kind === 'start') throw new Error('no call to practise');
    const weakest = now.weakest;
    if (!weakest) throw new Error('no weakest move');
    expect(next.reason.move).toBe(weakest);
    expect(offers(next.scenario, { move: weakest })).toBe(true);
    expect(next.reason.kind).toBe('new');
  });
});

it('keeps the moves and don’ts with every saved call', () => {
  const progress = played(emptyProgress(), 'swallowed-card', 'worst');
  const attempt = progress.attempts[0];
  expect(attempt?.moves).toHaveLength(LETTERS.length);
  expect(attempt?.donts?.length).toBeGreaterThan(0);
  expect(attempt?.scoring).toBe(SCORING_VERSION);
  const transcript = attempt?.transcript as Transcript;
  expect(transcript.scenario.id).toBe('swallowed-card');
});
