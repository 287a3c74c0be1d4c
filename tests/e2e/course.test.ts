/**
 * The course in Chromium, on a laptop and a phone: a first visit (chapter 1 open, the rest locked,
 * chapter 1's pass mark), chapter 1's lesson played by keyboard (a poor answer and a better one,
 * then a wrong and a right try), chapter 1 passed by playing its first call on the engine's best
 * path in the real game (and not by its worst path), the skills profile and "Practise next" agreeing
 * with what Node computes from the same progress, and a pass that outlives a new version of a
 * scenario. The expected words and numbers come from the engine and the page's own catalogue, so
 * a change to the library moves the test with it. Screenshots go to test-results/course-*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  LETTERS,
  answersMove,
  explore,
  passOf,
  playAnswer,
  stateAtMoment,
  type Dont,
  type Letter,
  type Scenario,
  type Transcript,
} from '../../src/engine/index.js';
import { loadCourse } from '../../src/engine/course-load.js';
import { emptyProgress, withAttempt, type Progress } from '../../src/device/progress.js';
import { courseOrder, standing } from '../../src/screens/course.js';
import { frequentDont, profileOf, recentSkills } from '../../src/screens/skills.js';
import { t } from '../../src/screens/i18n/index.js';
import { dontName, letterName, moodName } from '../../src/screens/i18n/names.js';
import { answer, browserSuite, seriousViolations, tabTo } from '../support/browser.js';
import { SHIPPED, loadFile } from '../support/scenarios.js';

const suite = browserSuite();
const library = SHIPPED.map(loadFile);
const loaded = loadCourse(readFileSync('scenarios/course/course.yaml', 'utf8'), 'course.yaml', library);
if (!loaded.course) throw new Error('the shipped course does not load');
const course = loaded.course;
const [ONE, TWO] = course.chapters;
if (!ONE || !TWO) throw new Error('the course has fewer than two chapters');

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SIZES = [
  ['laptop', LAPTOP],
  ['phone', PHONE],
] as const;

beforeAll(() => {
  mkdirSync('test-results', { recursive: true });
});

function scenarioById(id: string): Scenario {
  const found = library.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

/** The engine's best or worst path through a scenario. */
function pathOf(id: string, which: 'best' | 'worst') {
  const path = explore(scenarioById(id))[which];
  if (!path) throw new Error(`no ${which} path through ${id}`);
  return path;
}

/** What the trainee says at each moment of a transcript, to answer with on screen. */
function saysOf(scenario: Scenario, transcript: Transcript): string[] {
  return transcript.events.flatMap((e) => {
    if (e.kind !== 'choice') return [];
    const says = scenario.nodes[e.node]?.responses.find((r) => r.id === e.response)?.says;
    if (!says) throw new Error(`no response ${e.response} at ${e.node}`);
    // The words before any {value} the call fills in.
    return [says.split('{')[0] ?? says];
  });
}

/** Progress made of these engine plays, an hour apart, oldest first. */
function progressOf(plays: readonly (readonly [string, 'best' | 'worst'])[]): Progress {
  let progress = emptyProgress();
  let at = Date.parse('2026-11-20T10:00:00Z');
  for (const [id, which] of plays) {
    const path = pathOf(id, which);
    progress = withAttempt(progress, path.transcript, path.score, new Date((at += 3_600_000)));
  }
  return progress;
}

/** Five calls: the weakest move leads, no don't is frequent yet. */
const FEW = [
  ['first-call-birthday-cake', 'best'],
  ['the-long-story', 'best'],
  ['estimated-bill-shock', 'worst'],
  ['dented-shelves', 'worst'],
  ['fine-whatever', 'best'],
] as const;
/** Eight calls: a don't broken in three of them leads. */
const MANY = [
  ...FEW,
  ['hotel-overbooked', 'worst'],
  ['swallowed-card', 'worst'],
  ['roaming-bill-shock', 'best'],
] as const;

/** Chapter 1's move in the page's words, and its pass mark as the chapter page says it. */
const ONE_LETTER = ONE.move as Letter;
const moveWords = (letter: Letter) => `${letterName(letter)} (${letter})`;
const onePass = passOf(ONE);
if (!('share' in onePass)) throw new Error('chapter 1 is passed on a share of its move');
const ONE_PASS_TEXT = t('course.pass.share', { share: onePass.share, move: moveWords(ONE_LETTER) });
const openName = (number: number, title: string) => t('course.open', { number, title });

/** A page in a fresh context (its own storage) at `size`, its errors collected. */
async function open(size: {
  width: number;
  height: number;
}): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await suite.browser.newContext({ viewport: size, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  return { page, problems, close: () => context.close() };
}

/** Writes `progress` into the page's storage, then opens `hash` afresh. */
async function seed(page: Page, progress: Progress, hash: string): Promise<void> {
  await page.goto(suite.url);
  await page.evaluate((raw) => {
    localStorage.setItem('keep-cool:progress', raw);
  }, JSON.stringify(progress));
  await page.goto(`${suite.url}${hash}`);
  await page.reload();
}

/** Goes to `hash` inside the running page. */
async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

/** Opens the course's list and waits for its chapters. */
async function courseList(page: Page): Promise<void> {
  await go(page, '#/course');
  await page.getByRole('heading', { level: 1, name: t('course.title') }).waitFor();
  await page.locator('ol.chapters > li').first().waitFor();
}

/** The status words of each chapter in the list, and whether each one is a link. */
async function chapterRows(page: Page): Promise<{ status: string; link: boolean }[]> {
  return page.locator('ol.chapters > li').evaluateAll((items) =>
    items.map((li) => ({
      status: li.querySelector('.chapter-status')?.textContent.trim() ?? '',
      link: li.querySelector('h3 a') !== null,
    })),
  );
}

/** The text of the focused element. */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent.trim() ?? '');

describe('the course', () => {
  for (const [name, size] of SIZES) {
    it(`on a ${name}: a first visit opens chapter 1 only, and its page gives the pass mark`, async () => {
      const { page, problems, close } = await open(size);
      try {
        await page.goto(suite.url);
        // The menu's course card points at chapter 1.
        const card = page.locator('.course-card');
        expect(await card.innerText()).toContain(
          t('course.passedCount', { passed: 0, count: course.chapters.length }),
        );
        await card
          .getByRole('link', {
            name: t('course.menu.where', { number: 1, count: course.chapters.length, title: ONE.title }),
          })
          .waitFor();
        await card.getByRole('link', { name: t('course.menu.all') }).click();
        await page.getByRole('heading', { level: 1, name: t('course.title') }).waitFor();
        expect(page.url()).toMatch(/#\/course$/);

        const rows = await chapterRows(page);
        expect(rows).toHaveLength(course.chapters.length);
        expect(rows[0]).toEqual({ status: t('course.status.open'), link: true });
        for (const row of rows.slice(1)) expect(row).toEqual({ status: 'Locked', link: false });
        expect(await page.getByRole('link', { name: openName(2, TWO.title) }).count()).toBe(0);
        expect(await page.locator('ol.chapters > li').nth(1).innerText()).toContain(
          t('course.lockedWhy', { title: ONE.title }),
        );
        expect(await page.locator('.profile').innerText()).toContain(t('profile.empty'));
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `test-results/course-${name}-first-visit.png`, fullPage: true });

        await page.getByRole('link', { name: openName(1, ONE.title) }).click();
        await page.getByRole('heading', { level: 1, name: ONE.title }).waitFor();
        expect(page.url()).toMatch(new RegExp(`#/course/${ONE.id}$`));
        expect(await page.locator('.pass-mark').innerText()).toBe(ONE_PASS_TEXT);
        const calls = page.locator('.chapter-calls .scenario-list > li');
        expect(await calls.count()).toBe(ONE.calls.length);
        for (const best of await calls.locator('.best').allInnerTexts())
          expect(best).toBe(t('course.mark.none'));

        // Chapter 2 by its address: locked, it says what opens it and offers neither lesson nor calls.
        await page.evaluate((id) => (location.hash = `#/course/${id}`), TWO.id);
        await page.getByRole('heading', { level: 1, name: TWO.title }).waitFor();
        expect(await page.locator('.locked-note').innerText()).toContain(
          t('course.lockedWhy', { title: ONE.title }),
        );
        expect(await page.locator('.lesson, .chapter-calls').count()).toBe(0);
        await page
          .locator('.locked-note')
          .getByRole('link', { name: openName(1, ONE.title) })
          .click();
        await page.getByRole('heading', { level: 1, name: ONE.title }).waitFor();
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it(`on a ${name}: the lesson plays a poor and a better answer, then a wrong and a right try, by keyboard`, async () => {
      const { watch, try: attempt } = ONE.lesson;
      const watched = scenarioById(watch.scenario);
      const at = stateAtMoment(watched, watch.moment);
      const tried = scenarioById(attempt.scenario);
      const tryAt = stateAtMoment(tried, attempt.moment);
      if (!at || !tryAt) throw new Error('the lesson’s moments are not reachable');
      const bad = playAnswer(watched, at, watch.bad);
      const good = playAnswer(watched, at, watch.good);
      const responses = tried.nodes[attempt.moment]?.responses ?? [];
      const wrong = responses.find((r) => !answersMove(r, ONE.move));
      const right = responses.find((r) => answersMove(r, ONE.move));
      if (!bad || !good || !wrong || !right)
        throw new Error('the lesson has no poor, good, wrong or right answer');
      const wrongPlayed = playAnswer(tried, tryAt, wrong.id);
      if (!wrongPlayed) throw new Error('the wrong answer does not play');
      const angerText = (p: NonNullable<typeof bad>) =>
        `${t('lesson.moodChange', { before: p.before.anger, after: p.after.anger })} · ${moodName(p.after.mood)}`;

      const { page, problems, close } = await open(size);
      try {
        await page.goto(suite.url);
        await go(page, `#/course/${ONE.id}`);
        await page.getByRole('heading', { level: 1, name: ONE.title }).waitFor();
        // Focus starts on the heading; Tab reaches the lesson's first button, Enter plays it.
        await tabTo(page, t('lesson.playBad'));
        await page.keyboard.press('Enter');
        const badShown = page.locator('.lesson-watch .lesson-exchange.bad');
        await badShown.waitFor();
        expect(await badShown.locator('.reply').textContent()).toBe(`${watched.customer.name}: ${bad.reply}`);
        expect(await badShown.locator('.mood-change').innerText()).toBe(angerText(bad));
        expect(bad.after.anger).toBeGreaterThan(bad.before.anger);
        // The better answer's button takes the focus; Enter plays it.
        expect(await focusedText(page)).toBe(t('lesson.playGood'));
        await page.keyboard.press('Enter');
        const goodShown = page.locator('.lesson-watch .lesson-exchange.good');
        await goodShown.waitFor();
        expect(await goodShown.locator('.reply').textContent()).toBe(
          `${watched.customer.name}: ${good.reply}`,
        );
        expect(await goodShown.locator('.mood-change').innerText()).toBe(angerText(good));
        expect(good.after.anger).toBeLessThan(bad.after.anger);

        // Your turn: the buttons are the moment's answers; a wrong one first, then a right one.
        const group = page.getByRole('group', { name: t('lesson.try.group') });
        const texts = (await group.getByRole('button').allTextContents()).map((s) => s.trim());
        expect([...texts].sort()).toEqual(responses.map((r) => r.says).sort());
        const verdict = page.locator('.lesson-verdict');
        const takeaway = page.locator('.lesson-takeaway');
        expect(await takeaway.isVisible()).toBe(false);
        await tabTo(page, wrong.says);
        await page.keyboard.press('Enter');
        await expect.poll(() => verdict.locator('.verdict').textContent()).toBe(t('lesson.wrong'));
        expect(await verdict.locator('.reply').textContent()).toBe(
          `${tried.customer.name}: ${wrongPlayed.reply}`,
        );
        expect(await verdict.locator('.mood-change').innerText()).toBe(angerText(wrongPlayed));
        expect(await takeaway.isVisible()).toBe(false);
        await tabTo(page, right.says);
        await page.keyboard.press('Enter');
        await expect.poll(() => verdict.locator('.verdict').textContent()).toBe(t('lesson.right'));
        await takeaway.waitFor();
        expect(await takeaway.innerText()).toContain(ONE.lesson.takeaway);
        expect(await group.getByRole('button', { pressed: true }).count()).toBe(2);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `test-results/course-${name}-lesson.png`, fullPage: true });

        // "Now the calls" appears and takes the focus to the chapter's calls.
        await tabTo(page, t('lesson.toCalls'));
        await page.keyboard.press('Enter');
        await expect.poll(() => focusedText(page)).toBe(t('course.calls'));
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it(`on a ${name}: chapter 1’s first call on its worst path does not pass it; on its best path it passes and opens chapter 2`, async () => {
      const first = scenarioById(ONE.calls[0] ?? '');
      const best = pathOf(first.id, 'best');
      const worst = pathOf(first.id, 'worst');
      const { page, problems, close } = await open(size);
      /** Plays the chapter's first call from its page, answering as `says` says, to its debrief. */
      const play = async (says: readonly string[]) => {
        await go(page, `#/course/${ONE.id}`);
        await page.getByRole('heading', { level: 1, name: ONE.title }).waitFor();
        await page.locator('.chapter-calls').getByRole('link', { name: first.title }).click();
        await page.getByRole('button', { name: 'Start the call' }).click();
        for (const line of says) await answer(page, line);
        await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Debrief: /);
      };
      const savedMoves = () =>
        page.evaluate(() => {
          const p = JSON.parse(localStorage.getItem('keep-cool:progress') ?? '{}') as {
            attempts: { moves?: [number, number][] }[];
          };
          return p.attempts.at(-1)?.moves;
        });
      const letterAt = LETTERS.indexOf(ONE_LETTER);
      const markText = (hits: number, chances: number, passed: boolean) => {
        const text = t('course.mark.share', {
          value: Math.round((hits / chances) * 100),
          move: moveWords(ONE_LETTER),
        });
        return passed ? `${text} · ${t('course.mark.passed')}` : text;
      };
      try {
        await page.goto(suite.url);
        // The worst path: the call ends early, the move barely made, the chapter stays open.
        const worstA = worst.score.letters[ONE_LETTER];
        expect(worstA.hits / worstA.opportunities).toBeLessThan(onePass.share / 100);
        await play(saysOf(first, worst.transcript));
        expect((await savedMoves())?.[letterAt]).toEqual([worstA.hits, worstA.opportunities]);
        await courseList(page);
        let rows = await chapterRows(page);
        expect(rows[0]).toEqual({ status: t('course.status.open'), link: true });
        expect(rows[1]).toEqual({ status: 'Locked', link: false });
        await go(page, `#/course/${ONE.id}`);
        await page.getByRole('heading', { level: 1, name: ONE.title }).waitFor();
        expect(await page.locator('.pass-mark').innerText()).toBe(ONE_PASS_TEXT);
        expect(
          await page.locator('.chapter-calls .scenario-list > li').first().locator('.best').innerText(),
        ).toBe(markText(worstA.hits, worstA.opportunities, false));

        // The best path, played on screen: the move made every time it was called for.
        const bestA = best.score.letters[ONE_LETTER];
        expect(bestA.hits / bestA.opportunities).toBeGreaterThanOrEqual(onePass.share / 100);
        await play(saysOf(first, best.transcript));
        expect((await savedMoves())?.[letterAt]).toEqual([bestA.hits, bestA.opportunities]);
        await courseList(page);
        rows = await chapterRows(page);
        expect(rows[0]).toEqual({ status: t('course.status.passed'), link: true });
        expect(rows[1]).toEqual({ status: t('course.status.open'), link: true });
        for (const row of rows.slice(2)) expect(row).toEqual({ status: 'Locked', link: false });
        expect(await page.locator('.course-progress').innerText()).toBe(
          t('course.passedCount', { passed: 1, count: course.chapters.length }),
        );
        await page.getByRole('link', { name: openName(2, TWO.title) }).click();
        await page.getByRole('heading', { level: 1, name: TWO.title }).waitFor();
        await go(page, `#/course/${ONE.id}`);
        await page.getByRole('heading', { level: 1, name: ONE.title }).waitFor();
        expect(await page.locator('.pass-mark').innerText()).toBe(
          `${ONE_PASS_TEXT} ✓ ${t('course.status.passed')}`,
        );
        expect(
          await page.locator('.chapter-calls .scenario-list > li').first().locator('.best').innerText(),
        ).toBe(markText(bestA.hits, bestA.opportunities, true));
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it(`on a ${name}: the skills profile names the weakest move and the frequent don’t, and draws a line per move, as Node computes`, async () => {
      const progress = progressOf(MANY);
      const profile = profileOf(recentSkills(progress, library));
      const weakest = profile.weakest;
      const frequent = frequentDont(profile);
      if (!weakest || !frequent) throw new Error('the seeded plays name no weakest move or frequent don’t');
      const { page, problems, close } = await open(size);
      try {
        await seed(page, progress, '#/course');
        const section = page.locator('section.profile');
        await section.waitFor();
        expect(await section.locator('.weakest-named').innerText()).toBe(
          t('profile.weakest', {
            move: letterName(weakest),
            hits: profile.moves[weakest].hits,
            chances: profile.moves[weakest].opportunities,
          }),
        );
        expect(await section.locator('.weakest-named').innerText()).toMatch(/^Your weakest move: /);
        expect(await section.locator('.frequent-named').innerText()).toBe(
          t('profile.frequent', {
            dont: dontName(frequent.dont),
            calls: frequent.calls,
            of: profile.calls.length,
          }),
        );
        // The chart: a row per move (and one for the don'ts), each move with its line and value now.
        const chart = section.locator('ul.profile-chart');
        expect(await chart.getAttribute('aria-label')).toBe(
          t('profile.chart', { count: profile.calls.length }),
        );
        const rows = chart.locator('li.profile-row:not(.donts)');
        expect(await rows.count()).toBe(LETTERS.length);
        for (const [i, letter] of LETTERS.entries()) {
          const row = rows.nth(i);
          const series = profile.series[letter];
          // One line per run of two or more calls whose window asked for the move.
          let runs = 0;
          series.forEach((v, j) => {
            if (v !== null && series[j + 1] != null && (j === 0 || series[j - 1] === null)) runs++;
          });
          expect(runs, letter).toBeGreaterThan(0);
          expect(await row.locator('polyline.profile-line').count(), letter).toBe(runs);
          expect(await row.locator('.profile-label').textContent()).toBe(`${letter} · ${letterName(letter)}`);
          // Where the move stands now: its latest share (a window without the move keeps the last).
          const last = [...series].reverse().find((v) => v !== null);
          expect(await row.locator('.profile-value').textContent()).toBe(
            last == null ? t('menu.moves.notAsked') : `${Math.round(last * 100)}%`,
          );
          expect(await row.getAttribute('class')).toBe(`profile-row${letter === weakest ? ' weakest' : ''}`);
        }
        expect(await chart.locator('li.donts line.profile-bar').count()).toBe(
          profile.dontsPerCall.filter((n) => n > 0).length,
        );
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `test-results/course-${name}-list.png`, fullPage: true });
        await section.screenshot({ path: `test-results/course-${name}-profile.png` });
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it(`on a ${name}: Practise next, on the menu and the course, picks a call offering the weakest move, or tempting the frequent don’t, and says so`, async () => {
      const { page, problems, close } = await open(size);
      try {
        for (const plays of [FEW, MANY]) {
          const progress = progressOf(plays);
          const now = standing(courseOrder(library), progress);
          const next = now.next;
          if (!next || next.reason.kind === 'start')
            throw new Error('the seeded plays pick nothing to practise');
          // Each seed takes its own branch: the weakest move with a few calls, the don't with more.
          expect(now.frequent === null).toBe(plays === FEW);
          const focus: { move: Letter } | { dont: Dont } = now.frequent
            ? { dont: now.frequent.dont }
            : { move: now.weakest ?? 'S' };
          // The words the reason must carry: the don't's name, or the move's name and its tally.
          const words =
            'dont' in focus
              ? dontName(focus.dont)
              : t('menu.why.move', {
                  move: letterName(focus.move),
                  hits: now.moves[focus.move].hits,
                  chances: now.moves[focus.move].opportunities,
                }).trim();
          await seed(page, progress, '#/');
          for (const hash of ['#/', '#/course']) {
            await go(page, hash);
            const practise = page.locator('.practise-next');
            await expect.poll(() => practise.locator('.eyebrow').textContent()).toBe(t('practise.eyebrow'));
            const why = await practise.locator('.practise-why').innerText();
            expect(why, hash).toContain(words);
            const title = await practise.locator('h3').innerText();
            const picked = library.find((s) => s.title === title);
            if (!picked) throw new Error(`Practise next shows an unknown call: ${title}`);
            expect(picked.id).toBe(next.scenario.id);
            const nodes = Object.values(picked.nodes);
            if ('move' in focus) expect(nodes.some((n) => n.calls_for.includes(focus.move))).toBe(true);
            else expect(nodes.some((n) => n.responses.some((r) => r.breaks.includes(focus.dont)))).toBe(true);
            expect(await practise.getByRole('link').getAttribute('href')).toBe(`#/play/${picked.id}`);
          }
        }
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it(`on a ${name}: a pass survives a new version of its call, kept by its moves and don’ts`, async () => {
      // A chapter-1 call with more than one version: played (on its best path) at an older one.
      const call = library.find((s) => ONE.calls.includes(s.id) && s.version > 1);
      if (!call) throw new Error('no chapter-1 call has a second version');
      const best = pathOf(call.id, 'best');
      const played = withAttempt(
        emptyProgress(),
        best.transcript,
        best.score,
        new Date('2026-11-01T09:00:00Z'),
      );
      const older = (keepSkills: boolean): Progress => ({
        ...played,
        attempts: played.attempts.map((a) => {
          const moved = { ...a, scenario: { id: a.scenario.id, version: call.version - 1 } };
          if (!keepSkills) {
            delete moved.moves;
            delete moved.donts;
          }
          return moved;
        }),
      });
      const { page, problems, close } = await open(size);
      try {
        await seed(page, older(true), '#/course');
        await page.locator('ol.chapters > li').first().waitFor();
        let rows = await chapterRows(page);
        expect(rows[0]).toEqual({ status: t('course.status.passed'), link: true });
        expect(rows[1]).toEqual({ status: t('course.status.open'), link: true });
        expect(await page.locator('section.profile .weakest-named').count()).toBe(1);
        await go(page, `#/course/${ONE.id}`);
        await page.getByRole('heading', { level: 1, name: ONE.title }).waitFor();
        expect(await page.locator('.pass-mark').innerText()).toContain(t('course.status.passed'));

        // Without them, a call of an older version cannot be replayed: it does not count.
        await seed(page, older(false), '#/course');
        await page.locator('ol.chapters > li').first().waitFor();
        rows = await chapterRows(page);
        expect(rows[0]).toEqual({ status: t('course.status.open'), link: true });
        expect(rows[1]).toEqual({ status: 'Locked', link: false });
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});
