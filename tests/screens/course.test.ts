/**
 * The menu's course: the order it offers calls in, where a trainee stands (played, moves, the next
 * call and why), and the card's teaser. Real transcripts, replayed, as the device stores them.
 */
import { describe, expect, it } from 'vitest';
import { SCORING_VERSION, explore, type Scenario, type Transcript } from '../../src/engine/index.js';
import { emptyProgress, type Attempt, type Progress } from '../../src/device/progress.js';
import { INTRO_ID, courseOrder, standing } from '../../src/screens/course.js';
import { lengthText, teaser } from '../../src/screens/scenario-facts.js';
import { SHIPPED, loadFile } from '../support/scenarios.js';

const library: Scenario[] = SHIPPED.map(loadFile);
const course = courseOrder(library);
const byId = (id: string): Scenario => {
  const found = library.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
};

/** A finished call on the best or the worst path, as the device keeps it. */
function attempt(id: string, which: 'best' | 'worst'): Attempt {
  const path = explore(byId(id))[which];
  if (!path) throw new Error(`no ${which} path in ${id}`);
  const transcript: Transcript = path.transcript;
  return {
    scenario: transcript.scenario,
    finishedAt: '2026-12-01T10:00:00.000Z',
    total: path.score.total,
    grade: path.score.grade,
    ending: path.score.ending?.id ?? null,
    scoring: SCORING_VERSION,
    mode: transcript.mode ?? 'coach',
    transcript,
  };
}

const played = (...attempts: Attempt[]): Progress => ({ ...emptyProgress(), attempts });

describe('the course', () => {
  it('starts with the introduction, then goes from easy to hard', () => {
    expect(course[0]?.id).toBe(INTRO_ID);
    const ranks = course.slice(1).map((s) => ['easy', 'medium', 'hard'].indexOf(s.difficulty));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect([...course].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...library].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('the introduction is short and gentle, and offers every SOARING move', () => {
    const intro = byId(INTRO_ID);
    expect(intro.difficulty).toBe('easy');
    expect(intro.minutes).toBeLessThanOrEqual(2);
    const asked = new Set(Object.values(intro.nodes).flatMap((n) => n.calls_for));
    expect([...asked].sort()).toEqual(['A', 'G', 'I', 'N', 'O', 'R', 'S']);
  });

  it('sends a first visit to the introduction', () => {
    const now = standing(course, emptyProgress());
    expect(now.next?.scenario.id).toBe(INTRO_ID);
    expect(now.next?.reason).toEqual({ kind: 'start' });
    expect(now.played).toBe(0);
    expect(now.weakest).toBeNull();
  });

  it('after the introduction, counts the moves and sends the trainee to practise the weakest one', () => {
    const now = standing(course, played(attempt(INTRO_ID, 'best'), attempt('fine-whatever', 'worst')));
    expect(now.calls).toBe(2);
    expect(now.played).toBe(2);
    // The best path of the introduction makes every move it asks for; the worst play of "It's fine"
    // makes none, so Observe (asked once in each) is one of two.
    expect(now.moves.O).toEqual({ hits: 1, opportunities: 2 });
    expect(now.weakest).not.toBeNull();
    const next = now.next;
    expect(next?.reason.kind).toBe('new');
    const move = next?.reason.kind === 'new' ? next.reason.move : null;
    expect(move).toBe(now.weakest);
    if (move) {
      expect(Object.values(next?.scenario.nodes ?? {}).some((n) => n.calls_for.includes(move))).toBe(true);
    }
  });

  it('once every call is played, offers the lowest best below grade A, then nothing', () => {
    const worstOfAll = played(
      ...library.map((s) => attempt(s.id, s.id === 'the-long-story' ? 'worst' : 'best')),
    );
    const now = standing(course, worstOfAll);
    expect(now.played).toBe(library.length);
    expect(now.next?.scenario.id).toBe('the-long-story');
    expect(now.next?.reason.kind).toBe('improve');

    const allBest = standing(course, played(...library.map((s) => attempt(s.id, 'best'))));
    expect(allBest.next).toBeNull();
  });
});

describe('what a card says', () => {
  it('teases with the summary’s first sentence, not stopping at Mr. or Ms.', () => {
    expect(teaser(byId('the-long-story'))).toMatch(/^Mr\. Haddad's boiler .*\.$/);
    expect(teaser(byId('dented-shelves'))).toMatch(/^Ms\. Adeyemi's .*\.$/);
    for (const scenario of library) {
      expect(scenario.summary.startsWith(teaser(scenario)), scenario.id).toBe(true);
      expect(teaser(scenario).length, scenario.id).toBeLessThanOrEqual(160);
    }
  });

  it('gives the length from the scenario’s minutes, the one figure the card and briefing show', () => {
    expect(lengthText(byId('insurance-meal-receipt'))).toBe('about 8 min');
  });
});
