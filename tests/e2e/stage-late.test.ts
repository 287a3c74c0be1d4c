/**
 * The page comes first and the stage (Phaser) after it: the menu and a call work before the stage
 * has arrived, and when it arrives it draws what the page shows by then, not what it showed first.
 */
import { describe, expect, it } from 'vitest';
import { moodOf } from '../../src/engine/index.js';
import { FLAGSHIP, FLAGSHIP_BEST, answer, browserSuite, withTab } from '../support/browser.js';
import { loadFile } from '../support/scenarios.js';
import { JOIN_HREF } from '../../src/screens/workshop/routes.js';
import { quickAtRest } from '../../src/stage/pace.js';
import type { Mood, Pose } from '../../src/engine/index.js';

const suite = browserSuite();
const scenario = loadFile('scenarios/insurance-meal-receipt.yaml');
/** The stage's module, as the build (or the dev server) serves it to the page's dynamic import. */
const STAGE_MODULE = /\/(assets\/stage-[\w-]+\.js|src\/stage\/stage\.ts)(\?|$)/;

it('the menu works before the stage arrives, and the stage then draws the latest view', async () => {
  await withTab(suite.browser, 'about:blank', async (page) => {
    let release: (() => void) | undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(STAGE_MODULE, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(suite.url);
    // The menu's view is the first scenario's customer, calm; the briefing's is the flagship's.
    const first = await page.locator('.scenario-card a').first().getAttribute('href');
    const menuView = {
      setting: loadFile(`scenarios/${first?.split('/').at(-1) ?? ''}.yaml`).setting,
      mood: 'calm',
    };
    const briefingView = {
      setting: scenario.setting,
      mood: moodOf(scenario.customer.anger, scenario.customer.trust),
    };
    expect(briefingView).not.toEqual(menuView);
    // While the stage is held back, the menu takes the player to the briefing (no timers run there).
    await page.locator(`.scenario-card a[href="#/play/${scenario.id}"]`).click();
    await page.getByRole('button', { name: 'Start the call' }).waitFor();
    expect(await page.locator('#stage canvas').count()).toBe(0);
    expect(await page.locator('#stage .stage-waiting').count()).toBe(1);

    release?.();
    const stage = page.locator('#stage');
    await expect.poll(() => stage.getAttribute('data-customer'), { timeout: 30_000 }).toBe('present');
    expect({
      setting: await stage.getAttribute('data-setting'),
      mood: await stage.getAttribute('data-mood'),
    }).toEqual(briefingView);
  });
});

it('without the stage the page still plays: the drawing is decoration', async () => {
  await withTab(suite.browser, 'about:blank', async (page) => {
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    await page.route(STAGE_MODULE, (route) => route.abort());
    await page.goto(suite.url);
    await page.locator(`.scenario-card a[href="#/play/${scenario.id}"]`).click();
    await page.getByRole('button', { name: 'Start the call' }).click();
    await answer(page, 'The policy covers fifty percent');
    await expect
      .poll(() => page.getByRole('log', { name: 'Conversation' }).innerText())
      .toContain('fifty percent');
    expect(await page.locator('#stage canvas').count()).toBe(0);
    // The stage's box does not go on saying the office is being set up.
    await expect.poll(() => page.locator('#stage .stage-waiting').count()).toBe(0);
    expect(failures).toEqual([]);
  });
});

it('the stage sleeps on pages without a customer, and wakes to draw the latest view', async () => {
  await withTab(suite.browser, suite.url, async (page) => {
    const stage = page.locator('#stage');
    await expect.poll(() => stage.getAttribute('data-loop'), { timeout: 30_000 }).toBe('running');
    // The workshop's join page has no customer: the stage's box is hidden and its loop stops.
    await page.evaluate((hash) => (location.hash = hash), JOIN_HREF);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => stage.getAttribute('data-loop')).toBe('asleep');
    // Back to a call's briefing, it draws again, and draws that call's customer.
    await page.evaluate((hash) => (location.hash = hash), `#/play/${scenario.id}`);
    await page.getByRole('button', { name: 'Start the call' }).waitFor();
    await expect.poll(() => stage.getAttribute('data-loop')).toBe('running');
    await expect.poll(() => stage.getAttribute('data-setting')).toBe(scenario.setting);
  });
});

it('on a phone the menu hides the stage; started there, it fits the call screen it is shown on', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await page.goto(suite.url);
    const stage = page.locator('#stage');
    // The title screen leads: the customer's box is hidden, and the stage boots into it asleep.
    await page.getByRole('heading', { name: 'Start here' }).waitFor();
    expect(await stage.isVisible()).toBe(false);
    await expect.poll(() => stage.getAttribute('data-loop'), { timeout: 30_000 }).toBe('asleep');
    await page.evaluate((hash) => (location.hash = hash), `#/play/${scenario.id}`);
    await page.getByRole('button', { name: 'Start the call' }).click();
    await expect.poll(() => stage.getAttribute('data-loop')).toBe('running');
    await expect.poll(() => stage.getAttribute('data-setting')).toBe(scenario.setting);
    // The page's CSS, not Phaser, sizes the box: nothing written on it, nothing past the edge.
    expect(await stage.getAttribute('style')).toBeNull();
    const edges = await page.evaluate(() => {
      const box = document.getElementById('stage')?.getBoundingClientRect();
      const canvas = document.querySelector('#stage canvas')?.getBoundingClientRect();
      return {
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        box: box ? { height: box.height, right: box.right } : null,
        canvas: canvas ? { width: canvas.width, right: canvas.right } : null,
      };
    });
    expect(edges.overflow).toBeLessThanOrEqual(0);
    expect(edges.box?.height).toBeGreaterThan(150);
    expect(edges.box?.right).toBeLessThanOrEqual(390);
    await expect
      .poll(async () => (await stage.locator('canvas').boundingBox())?.width ?? 0)
      .toBeGreaterThan(150);
  } finally {
    await context.close();
  }
});

it('the stage draws at the full rate while the customer speaks and slower at rest, in one frame loop', async () => {
  const context = await suite.browser.newContext();
  try {
    // Every frame callback the page asks for, counted by the frame it runs in.
    await context.addInitScript(() => {
      const counts = new Map<number, number>();
      Reflect.set(window, 'frameCallbacks', counts);
      const request = window.requestAnimationFrame.bind(window);
      Reflect.set(window, 'plainFrame', request);
      window.requestAnimationFrame = (callback) =>
        request((time) => {
          counts.set(time, (counts.get(time) ?? 0) + 1);
          callback(time);
        });
    });
    const page = await context.newPage();
    await page.goto(suite.url + FLAGSHIP);
    const stage = page.locator('#stage');
    await expect.poll(() => stage.getAttribute('data-customer'), { timeout: 30_000 }).toBe('present');
    await page.getByRole('button', { name: 'Start the call' }).click();
    // The opening line is being said: the mouth moves, at the full rate.
    await expect.poll(() => stage.getAttribute('data-pace')).toBe('moving');
    // Two answers: the pace changes back and forth as lines are said and heard out.
    for (const says of FLAGSHIP_BEST.slice(0, 2)) await answer(page, says);
    await page.keyboard.press('Escape');
    const resting = {
      mood: (await stage.getAttribute('data-mood')) as Mood,
      pose: (await stage.getAttribute('data-pose')) as Pose,
    };
    // (The path's third turn rests slowly: were it a throb or a tremble, the stage would not idle.)
    expect(quickAtRest(resting.mood, resting.pose), JSON.stringify(resting)).toBe(false);
    await expect.poll(() => stage.getAttribute('data-pace'), { timeout: 15_000 }).toBe('idle');
    // At rest only the stage asks for frames, once a frame: its loop was restarted at each change
    // of pace and none was left running beside the new one.
    const perFrame = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const counts = Reflect.get(window, 'frameCallbacks') as Map<number, number>;
          const plainFrame = Reflect.get(window, 'plainFrame') as typeof requestAnimationFrame;
          counts.clear();
          const wait = () => {
            if (counts.size >= 30) resolve([...counts.values()]);
            else plainFrame(wait);
          };
          plainFrame(wait);
        }),
    );
    expect(Math.max(...perFrame)).toBe(1);
  } finally {
    await context.close();
  }
});

describe('the renderer', () => {
  it('is Canvas where WebGL would be drawn in software, as in this test browser', async () => {
    await withTab(suite.browser, suite.url + FLAGSHIP, async (page) => {
      const stage = page.locator('#stage');
      await expect.poll(() => stage.getAttribute('data-customer'), { timeout: 30_000 }).toBe('present');
      // The suite's Chromium runs without a graphics card (--disable-gpu): its WebGL is SwiftShader.
      expect(await stage.getAttribute('data-renderer')).toBe('canvas');
    });
  });

  it('is WebGL where the browser names a graphics card, and the call plays the same', async () => {
    const context = await suite.browser.newContext();
    try {
      // The browser's WebGL says it is a laptop's graphics card (it is still SwiftShader underneath).
      await context.addInitScript(() => {
        const UNMASKED_RENDERER = 0x9246;
        for (const type of [WebGLRenderingContext, WebGL2RenderingContext]) {
          const original = Reflect.get(type.prototype, 'getParameter') as (
            this: unknown,
            name: number,
          ) => unknown;
          Reflect.set(type.prototype, 'getParameter', function (this: unknown, name: number): unknown {
            if (name === UNMASKED_RENDERER)
              return 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620, OpenGL 4.6)';
            return original.call(this, name);
          });
        }
      });
      const page = await context.newPage();
      const failures: string[] = [];
      page.on('pageerror', (e) => failures.push(e.message));
      await page.goto(suite.url + FLAGSHIP);
      const stage = page.locator('#stage');
      await expect.poll(() => stage.getAttribute('data-customer'), { timeout: 30_000 }).toBe('present');
      expect(await stage.getAttribute('data-renderer')).toBe('webgl');
      await page.getByRole('button', { name: 'Start the call' }).click();
      await answer(page, FLAGSHIP_BEST[0] ?? '');
      await expect
        .poll(() => stage.getAttribute('data-mood'))
        .toBe(moodOf(scenario.customer.anger - 4, scenario.customer.trust));
      expect(failures).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
