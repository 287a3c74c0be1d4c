/**
 * The packages inside an LMS, with no LMS reachable: each zip `npm run package` writes is served
 * from a made-up origin (http://lms.test) next to a harness page that plays the LMS's part. For
 * SCORM the harness hosts scorm-again's run-time (the LMS side of the API, strict where the
 * standard is) and records every call the package makes; for cmi5 the test is the LMS and the LRS,
 * and checks the launch sequence and every statement against the xAPI rules and cmi5's. A call is
 * played to its debrief inside the package; then what the LMS holds is checked against what the
 * debrief shows, and a reload resumes a call left half-way.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { BrowserContext, FrameLocator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LETTERS, type ScenarioResponse } from '../../src/engine/index.js';
import { makePackages, type MadePackage } from '../../src/cli/packager.js';
import { decodeSuspend } from '../../src/lms/suspend.js';
import { EXT_DONTS, EXT_LETTERS, PROGRESS_STATE } from '../../src/lms/cmi5.js';
import type { LmsFormat } from '../../src/lms/report.js';
import { sharedBrowser } from '../support/browser.js';
import { loadFile } from '../support/scenarios.js';

const require = createRequire(import.meta.url);
const browser = sharedBrowser();
const scenario = loadFile('scenarios/routine-gift-receipt.yaml');
const ORIGIN = 'http://lms.test';
// The package's exports do not list its minified browser build: it sits beside the main file.
const SCORM_AGAIN = readFileSync(join(dirname(require.resolve('scorm-again')), 'scorm-again.min.js'), 'utf8');

let out = '';
const packages = new Map<LmsFormat, Map<string, Uint8Array>>();

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'keep-cool-lms-'));
  const made: MadePackage[] = await makePackages({
    formats: ['scorm12', 'scorm2004', 'cmi5'],
    scenarios: [scenario.id],
    course: false,
    mode: 'coach',
    pass: 700,
    out,
  });
  for (const m of made) {
    const files = unzipSync(new Uint8Array(readFileSync(m.zip)));
    packages.set(m.config.format, new Map(Object.entries(files)));
  }
}, 300_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const TYPES: Record<string, string> = {
  html: 'text/html',
  js: 'text/javascript',
  css: 'text/css',
  svg: 'image/svg+xml',
  json: 'application/json',
  jsonl: 'application/json',
  xml: 'application/xml',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  md: 'text/plain',
};

/**
 * The SCORM LMS: scorm-again's API for `version`, the data kept between visits in the harness's
 * own storage (as an LMS keeps it on its server), every call the package makes recorded.
 */
function scormHarness(version: 'scorm12' | 'scorm2004'): string {
  const v12 = version === 'scorm12';
  return `<!doctype html><html><head><meta charset="utf-8"><title>LMS</title>
<script>${SCORM_AGAIN}</script>
<script>
  const kept = JSON.parse(localStorage.getItem('lms') || 'null');
  const api = new ${v12 ? 'Scorm12API' : 'Scorm2004API'}({ lmsCommitUrl: false, autocommit: false, logLevel: 5 });
  ${
    v12
      ? `api.loadFromJSON(kept ? { core: { entry: 'resume', lesson_location: kept.location }, suspend_data: kept.suspend } : { core: { entry: 'ab-initio' }, student_data: { mastery_score: '70' } });`
      : `api.loadFromJSON(kept ? { entry: 'resume', location: kept.location, suspend_data: kept.suspend } : { entry: 'ab-initio', scaled_passing_score: '0.7' });`
  }
  window.calls = [];
  const get = api.${v12 ? 'LMSGetValue' : 'GetValue'}.bind(api);
  for (const name of ${JSON.stringify(
    v12
      ? ['LMSInitialize', 'LMSSetValue', 'LMSGetValue', 'LMSCommit', 'LMSFinish']
      : ['Initialize', 'SetValue', 'GetValue', 'Commit', 'Terminate'],
  )}) {
    const real = api[name].bind(api);
    api[name] = (...args) => {
      // What an LMS keeps on its server: saved at each commit, and before the session ends (after
      // Terminate the data model can no longer be read).
      if (name === '${v12 ? 'LMSCommit' : 'Commit'}' || name === '${v12 ? 'LMSFinish' : 'Terminate'}') {
        localStorage.setItem('lms', JSON.stringify({
          suspend: get('cmi.suspend_data'),
          location: get('${v12 ? 'cmi.core.lesson_location' : 'cmi.location'}'),
        }));
      }
      const result = real(...args);
      const error = api.${v12 ? 'LMSGetLastError' : 'GetLastError'}();
      window.calls.push({ name, args, result, error });
      return result;
    };
  }
  window.${v12 ? 'API' : 'API_1484_11'} = api;
  window.model = () => api.renderCMIToJSONObject();
</script></head>
<body><iframe id="sco" style="width:1280px;height:760px;border:0"></iframe>
<script>
  // The LMS opens the package; a test can send it to a screen of its own (lms.html#/play/…).
  document.getElementById('sco').src = '/pkg/index.html' + location.hash;
</script></body></html>`;
}

/** Serves the package and the harness from the made-up origin; `extra` answers anything else. */
async function serve(
  context: BrowserContext,
  format: LmsFormat,
  harness: string,
  extra?: (url: URL, method: string, body: string | null) => { status: number; body: string } | null,
): Promise<void> {
  const files = packages.get(format);
  if (!files) throw new Error(`no ${format} package`);
  await context.route(`${ORIGIN}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.pathname === '/lms.html') return route.fulfill({ body: harness, contentType: 'text/html' });
    if (url.pathname.startsWith('/pkg/')) {
      const file = files.get(decodeURIComponent(url.pathname.slice('/pkg/'.length)));
      if (!file) return route.fulfill({ status: 404, body: 'not in the package' });
      const type = TYPES[url.pathname.split('.').pop() ?? ''] ?? 'application/octet-stream';
      return route.fulfill({ body: Buffer.from(file), contentType: type });
    }
    const answer = extra?.(url, request.method(), request.postData());
    if (answer)
      return route.fulfill({ status: answer.status, body: answer.body, contentType: 'application/json' });
    return route.fulfill({ status: 404, body: 'nothing here' });
  });
}

/** The written response a button says (its words, as the scenario has them). */
function responseOf(text: string): ScenarioResponse | undefined {
  const words = text.replace(/^\d+\s*/, '').trim();
  return Object.values(scenario.nodes)
    .flatMap((n) => n.responses)
    .find((r) => r.says.trim() === words);
}

/**
 * Which answer to give at moment `turn`: the best one first, then one that breaks a don't, then
 * the best again, so the LMS sees right and wrong answers.
 */
function mixed(texts: readonly string[], turn: number): number {
  const responses = texts.map(responseOf);
  const clean = responses.findIndex((r) => r !== undefined && r.breaks.length === 0 && r.uses.length > 0);
  const faulty = responses.findIndex((r) => r !== undefined && r.breaks.length > 0);
  const index = turn === 1 ? faulty : clean;
  return index >= 0 ? index : 0;
}

/** Answers up to `answers` moments in the package's frame (to the debrief if it comes first); how many it answered. */
async function play(frame: FrameLocator, answers: number): Promise<number> {
  const buttons = frame.getByRole('group', { name: 'Your answer' }).getByRole('button');
  const debrief = frame.getByRole('heading', { name: /^Debrief:/ });
  for (let turn = 0; turn < answers; turn++) {
    await frame.locator('body').press('Escape');
    await expect.poll(async () => (await debrief.isVisible()) || (await buttons.count()) > 1).toBe(true);
    if (await debrief.isVisible()) return turn;
    const texts = await buttons.allInnerTexts();
    const offered = texts.join('|');
    await buttons.nth(mixed(texts, turn)).click();
    await expect
      .poll(async () => (await debrief.isVisible()) || (await buttons.allInnerTexts()).join('|') !== offered)
      .toBe(true);
  }
  return answers;
}

async function openCall(frame: FrameLocator): Promise<void> {
  await frame.getByRole('button', { name: 'Start the call' }).click();
}

type Validate = (statement: unknown) => { message?: string }[];

interface Recorded {
  name: string;
  args: string[];
  result: string;
  error: string;
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { calls: Recorded[] }).calls);

describe.each([
  ['scorm12', 'SCORM 1.2'],
  ['scorm2004', 'SCORM 2004'],
] as const)('a %s package', (format, name) => {
  const v12 = format === 'scorm12';
  const SET = v12 ? 'LMSSetValue' : 'SetValue';

  it('plays a call inside the LMS and reports every decision, the score, the statuses and the moves', async () => {
    const context = await browser.browser.newContext({ reducedMotion: 'reduce' });
    try {
      await serve(context, format, scormHarness(format));
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/lms.html#/play/${scenario.id}`);
      const frame = page.frameLocator('#sco');
      await expect.poll(() => frame.locator('.lms-status').innerText()).toContain(`(${name})`);
      expect(await frame.locator('.lms-status').getAttribute('data-reporting')).toBe('true');
      await openCall(frame);
      const answered = await play(frame, 30);
      const total = Number(await frame.locator('.score-total').innerText());

      const made = await calls(page);
      expect(made[0]).toMatchObject({ name: v12 ? 'LMSInitialize' : 'Initialize', result: 'true' });
      // The LMS took every value the package set.
      const refused = made.filter((c) => c.name === SET && c.result !== 'true');
      expect(refused).toEqual([]);

      const model = (await page.evaluate(() =>
        (window as unknown as { model: () => unknown }).model(),
      )) as Record<string, unknown>;
      const cmi = (model.cmi ?? model) as Record<string, unknown>;
      const score = (v12 ? (cmi.core as Record<string, unknown>).score : cmi.score) as Record<string, string>;
      expect(Number(score.raw)).toBe(Math.round(total / 10));
      expect(score.min).toBe('0');
      expect(score.max).toBe('100');
      const passed = total >= 700;
      if (v12) {
        expect((cmi.core as Record<string, string>).lesson_status).toBe(passed ? 'passed' : 'failed');
      } else {
        expect(Number(score.scaled)).toBe(total / 1000);
        expect(cmi.completion_status).toBe('completed');
        expect(cmi.success_status).toBe(passed ? 'passed' : 'failed');
      }

      // One interaction per decision, each with its moves and don'ts as objective ids.
      const set = new Map(made.filter((c) => c.name === SET).map((c) => [c.args[0], c.args[1]]));
      const ids = [...set.keys()].filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k ?? ''));
      expect(answered).toBeGreaterThanOrEqual(2);
      expect(ids.length).toBe(answered);
      for (let n = 0; n < ids.length; n++) {
        const at = `cmi.interactions.${n}`;
        expect(set.get(`${at}.id`)).toBe(`c1-${scenario.id}-d${n + 1}`);
        expect(set.get(`${at}.type`)).toBe('choice');
        expect(set.get(`${at}.result`)).toMatch(v12 ? /^(correct|wrong)$/ : /^(correct|incorrect)$/);
        expect(set.get(`${at}.${v12 ? 'student_response' : 'learner_response'}`)).toBeTruthy();
        expect(set.get(`${at}.latency`)).toMatch(v12 ? /^\d{2,4}:\d{2}:\d{2}/ : /^PT/);
        const objectives = [...set.keys()].filter((k) => k?.startsWith(`${at}.objectives.`));
        for (const o of objectives) expect(set.get(o)).toMatch(/^(soaring-[SOARING]|dont-[a-z-]+)$/);
      }
      expect([...set.values()].filter((v) => v === 'correct').length).toBeGreaterThan(0);
      expect([...set.values()].some((v) => v === (v12 ? 'wrong' : 'incorrect'))).toBe(true);
      // An objective per move of the method.
      expect(LETTERS.map((l, n) => set.get(`cmi.objectives.${n}.id`))).toEqual(
        LETTERS.map((l) => `soaring-${l}`),
      );

      const suspended = decodeSuspend(set.get('cmi.suspend_data') ?? '');
      expect(suspended.problem).toBeNull();
      expect(suspended.progress.counted).toHaveLength(1);
      expect(suspended.progress.counted[0]?.total).toBe(total);
      expect(suspended.progress.inProgress).toBeNull();
      if (v12) expect((set.get('cmi.suspend_data') ?? '').length).toBeLessThanOrEqual(4096);

      // Leaving the package ends the session: its time, and a normal exit (every call is finished).
      await page.locator('#sco').evaluate((f: HTMLIFrameElement) => {
        f.src = 'about:blank';
      });
      await expect
        .poll(async () => (await calls(page)).some((c) => c.name === (v12 ? 'LMSFinish' : 'Terminate')))
        .toBe(true);
      const ended = new Map(
        (await calls(page)).filter((c) => c.name === SET).map((c) => [c.args[0], c.args[1]]),
      );
      expect(ended.get(v12 ? 'cmi.core.session_time' : 'cmi.session_time')).toMatch(
        v12 ? /^\d{2,4}:\d{2}:\d{2}/ : /^PT/,
      );
      expect(ended.get(v12 ? 'cmi.core.exit' : 'cmi.exit')).toBe(v12 ? '' : 'normal');
    } finally {
      await context.close();
    }
  });

  it('resumes a call left half-way after a reload, from what the LMS kept', async () => {
    const context = await browser.browser.newContext({ reducedMotion: 'reduce' });
    try {
      await serve(context, format, scormHarness(format));
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/lms.html#/play/${scenario.id}`);
      const frame = page.frameLocator('#sco');
      await openCall(frame);
      // One answer of the three: the call is under way, not over.
      await play(frame, 1);
      await expect
        .poll(async () => {
          const set = (await calls(page)).filter((c) => c.name === SET && c.args[0] === 'cmi.suspend_data');
          return decodeSuspend(set.at(-1)?.args[1] ?? '').progress.inProgress?.events.length ?? 0;
        })
        .toBe(1);
      // The learner closes the window; the LMS opens the package again, at its start, with what it kept.
      await page.goto(`${ORIGIN}/lms.html`);
      const again = page.frameLocator('#sco');
      await again.getByRole('link', { name: /Resume/ }).click();
      await again.getByRole('button', { name: 'Resume your call' }).click();
      await play(again, 30);
      await expect.poll(() => again.getByRole('heading', { name: /^Debrief:/ }).isVisible()).toBe(true);
      const set = (await calls(page)).filter((c) => c.name === SET);
      const entry = (await calls(page)).find(
        (c) =>
          c.name === (v12 ? 'LMSGetValue' : 'GetValue') &&
          c.args[0] === (v12 ? 'cmi.core.entry' : 'cmi.entry'),
      );
      expect(entry?.result).toBe('resume');
      const suspended = decodeSuspend(
        set.filter((c) => c.args[0] === 'cmi.suspend_data').at(-1)?.args[1] ?? '',
      );
      expect(suspended.progress.counted).toHaveLength(1);
      expect(suspended.progress.inProgress).toBeNull();
    } finally {
      await context.close();
    }
  });
});

describe('a cmi5 package', () => {
  it('follows the launch sequence and sends valid statements: initialized, one per decision, completed, passed or failed, terminated', async () => {
    // A CommonJS library without types: its default export checks one statement, listing what is wrong.
    const validate = (require('@learninglocker/xapi-validation') as { default: Validate }).default;
    const context = await browser.browser.newContext({ reducedMotion: 'reduce' });
    const registration = '1b0f5a5e-6c1e-4a8a-9a43-3f4c2e1d2b7a';
    const sessionId = '9e2a2c44-1a1a-4c1c-8d8d-3a3a3a3a3a3a';
    const activityId = 'https://lms.test/courses/keep-cool/au/1';
    const publisher = 'https://lms.test/courses/keep-cool';
    const actor = {
      objectType: 'Agent',
      account: { homePage: 'https://lms.test', name: 'learner-7' },
      name: 'Sam Learner',
    };
    const statements: Record<string, unknown>[] = [];
    const problems: string[] = [];
    let tokens = 0;
    const states = new Map<string, string>();
    try {
      await serve(context, 'cmi5', '<!doctype html><title>unused</title>', (url, method, body) => {
        if (url.pathname === '/fetch' && method === 'POST') {
          tokens += 1;
          return tokens === 1
            ? { status: 200, body: JSON.stringify({ 'auth-token': 'dG9rZW4=' }) }
            : { status: 400, body: '{}' };
        }
        if (url.pathname === '/lrs/activities/state') {
          const stateId = url.searchParams.get('stateId') ?? '';
          if (url.searchParams.get('registration') !== registration)
            problems.push(`state ${stateId} without the registration`);
          if (stateId === 'LMS.LaunchData' && method === 'GET') {
            return {
              status: 200,
              body: JSON.stringify({
                contextTemplate: {
                  contextActivities: { grouping: [{ objectType: 'Activity', id: publisher }] },
                  extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': sessionId },
                },
                launchMode: 'Normal',
                masteryScore: 0.7,
                moveOn: 'CompletedAndPassed',
              }),
            };
          }
          if (stateId === PROGRESS_STATE) {
            if (method === 'PUT') {
              states.set(stateId, body ?? '');
              return { status: 204, body: '' };
            }
            const held = states.get(stateId);
            return held ? { status: 200, body: held } : { status: 404, body: '{}' };
          }
        }
        if (url.pathname === '/lrs/statements' && method === 'PUT') {
          const statement = JSON.parse(body ?? '{}') as Record<string, unknown>;
          if (statement.id !== url.searchParams.get('statementId'))
            problems.push('a statement id differs from its address');
          for (const warning of validate(statement))
            problems.push(`invalid xAPI: ${warning.message ?? JSON.stringify(warning)}`);
          statements.push(statement);
          return { status: 204, body: '' };
        }
        return null;
      });
      const page = await context.newPage();
      const launch = new URLSearchParams({
        endpoint: `${ORIGIN}/lrs/`,
        fetch: `${ORIGIN}/fetch`,
        actor: JSON.stringify(actor),
        registration,
        activityId,
      });
      await page.goto(`${ORIGIN}/pkg/index.html?${launch.toString()}#/play/${scenario.id}`);
      await expect.poll(() => page.locator('.lms-status').innerText()).toContain('(cmi5)');
      await page.getByRole('button', { name: 'Start the call' }).click();
      const buttons = page.getByRole('group', { name: 'Your answer' }).getByRole('button');
      const debrief = page.getByRole('heading', { name: /^Debrief:/ });
      for (let turn = 0; turn < 30 && !(await debrief.isVisible()); turn++) {
        await page.keyboard.press('Escape');
        await expect.poll(async () => (await debrief.isVisible()) || (await buttons.count()) > 1).toBe(true);
        if (await debrief.isVisible()) break;
        const offered = (await buttons.allInnerTexts()).join('|');
        await buttons.first().click();
        await expect
          .poll(
            async () => (await debrief.isVisible()) || (await buttons.allInnerTexts()).join('|') !== offered,
          )
          .toBe(true);
      }
      const total = Number(await page.locator('.score-total').innerText());
      const verbs = () => statements.map((s) => (s.verb as { id: string }).id.split('/').pop());
      await expect.poll(() => verbs().filter((v) => v === 'passed' || v === 'failed').length).toBe(1);
      // The page goes (pagehide; the statements left go with keepalive): terminated is the last.
      await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
      await expect.poll(() => verbs().at(-1)).toBe('terminated');

      expect(problems).toEqual([]);
      expect(tokens).toBe(1);
      const sequence = verbs();
      expect(sequence[0]).toBe('initialized');
      const answered = sequence.filter((v) => v === 'answered').length;
      expect(answered).toBeGreaterThanOrEqual(2);
      expect(sequence.slice(1, 1 + answered).every((v) => v === 'answered')).toBe(true);
      expect(sequence.slice(1 + answered)).toEqual([
        'completed',
        total >= 700 ? 'passed' : 'failed',
        'terminated',
      ]);
      expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
      for (const s of statements) {
        const ctx = s.context as {
          registration: string;
          extensions: Record<string, unknown>;
          contextActivities: { category?: { id: string }[]; grouping?: { id: string }[] };
        };
        expect(ctx.registration).toBe(registration);
        expect(ctx.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe(sessionId);
        expect(ctx.contextActivities.grouping?.[0]?.id).toBe(publisher);
        const verb = (s.verb as { id: string }).id.split('/').pop();
        const categories = (ctx.contextActivities.category ?? []).map((c) => c.id);
        if (verb === 'answered') {
          expect(categories).not.toContain('https://w3id.org/xapi/cmi5/context/categories/cmi5');
          const result = s.result as { extensions: Record<string, unknown>; success: boolean };
          expect(Array.isArray(result.extensions[EXT_LETTERS])).toBe(true);
          expect(Array.isArray(result.extensions[EXT_DONTS])).toBe(true);
          expect(
            (s.object as { id: string }).id.startsWith(`${activityId}/interactions/c1-${scenario.id}-d`),
          ).toBe(true);
        } else {
          expect(categories).toContain('https://w3id.org/xapi/cmi5/context/categories/cmi5');
          expect((s.object as { id: string }).id).toBe(activityId);
        }
        if (verb === 'passed' || verb === 'failed') {
          const result = s.result as { score: { scaled: number }; success: boolean };
          expect(result.score.scaled).toBe(total / 1000);
          expect(result.success).toBe(total >= 700);
          expect(ctx.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.7);
        }
      }
      // The progress is kept in the LRS's state for the next launch.
      expect(
        decodeSuspend((JSON.parse(states.get(PROGRESS_STATE) ?? '{}') as { s?: string }).s ?? '').progress
          .counted,
      ).toHaveLength(1);
    } finally {
      await context.close();
    }
  });
});

describe('a package opened as a plain page', () => {
  it('still plays, and says it is not reporting', async () => {
    const context = await browser.browser.newContext({ reducedMotion: 'reduce' });
    try {
      await serve(context, 'scorm2004', '');
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/pkg/index.html#/play/${scenario.id}`);
      const status = page.locator('.lms-status');
      await expect.poll(() => status.innerText()).toContain('Not reporting');
      expect(await status.getAttribute('data-reporting')).toBe('false');
      await page.getByRole('button', { name: 'Start the call' }).click();
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.getByRole('group', { name: 'Your answer' }).getByRole('button').count())
        .toBeGreaterThan(1);
    } finally {
      await context.close();
    }
  });
});
