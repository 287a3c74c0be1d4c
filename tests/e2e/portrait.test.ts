/**
 * The customer portrait and the settings in Chromium: every mood × pose and every backdrop is a
 * valid image the browser can draw, and the live stage draws each setting, moves while idle and
 * holds still with reduced motion. Writes test-results/portraits.png and settings.png (contact
 * sheets) and test-results/stage-<setting>-<width>.png (the stage in the page, on a desk and on a
 * phone) for a reviewer to look at.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright';
import { expect, it } from 'vitest';
import { MOODS, POSES, SETTINGS, type Setting } from '../../src/engine/index.js';
import { STAGE_WIDTH, backdropSvg, foregroundSvg } from '../../src/stage/backdrop.js';
import { PORTRAIT_WIDTH, portraitSvg } from '../../src/stage/portrait.js';
import { browserSuite } from '../support/browser.js';
import { SHIPPED, loadFile } from '../support/scenarios.js';

const suite = browserSuite();

/** Decodes every <img> on the page; 0 for one the browser could not draw. */
const decodedWidths = (page: Page) =>
  page.locator('img').evaluateAll((imgs: HTMLImageElement[]) =>
    Promise.all(
      imgs.map((img) =>
        img.decode().then(
          () => img.naturalWidth,
          () => 0,
        ),
      ),
    ),
  );

const dataUrl = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

it('draws every mood and pose, each different from the others', async () => {
  const svgs = POSES.flatMap((pose) =>
    MOODS.map((mood) => ({ pose, mood, svg: portraitSvg('parent-40s', mood, pose) })),
  );
  expect(new Set(svgs.map((s) => s.svg)).size).toBe(MOODS.length * POSES.length);

  const page = await suite.browser.newPage({ viewport: { width: 1100, height: 1200 } });
  const cells = svgs
    .map(
      ({ pose, mood, svg }) =>
        `<figure><img alt="${mood} ${pose}" src="${dataUrl(svg)}"><figcaption>${mood} · ${pose}</figcaption></figure>`,
    )
    .join('');
  await page.setContent(
    `<style>body{margin:8px;font:12px sans-serif;background:#f6f4ef;display:grid;grid-template-columns:repeat(${MOODS.length},1fr);gap:4px}figure{margin:0;text-align:center}img{width:160px;height:200px;background:#e8e4da;border-radius:8px}</style>${cells}`,
  );
  expect(await decodedWidths(page)).toEqual(svgs.map(() => PORTRAIT_WIDTH));
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/portraits.png', fullPage: true });
  await page.close();
});

it('draws every setting: the customer stands between its back wall and its foreground', async () => {
  const page = await suite.browser.newPage({ viewport: { width: 1100, height: 290 } });
  const portrait = dataUrl(portraitSvg('parent-40s', 'calm', 'leaning-in'));
  const cells = SETTINGS.map(
    (setting) =>
      `<figure><div class="scene"><img alt="" src="${dataUrl(backdropSvg(setting))}"><img alt="" class="who" src="${portrait}"><img alt="" src="${dataUrl(foregroundSvg(setting))}"></div><figcaption>${setting}</figcaption></figure>`,
  ).join('');
  await page.setContent(
    `<style>body{margin:8px;font:12px sans-serif;display:flex;gap:8px}figure{margin:0;text-align:center}.scene{position:relative;width:${STAGE_WIDTH / 1.4}px;height:${360 / 1.4}px}.scene img{position:absolute;inset:0;width:100%}.scene img.who{width:50%;left:25%;top:8%}</style>${cells}`,
  );
  const widths = await decodedWidths(page);
  expect(widths.filter((w) => w === STAGE_WIDTH)).toHaveLength(SETTINGS.length * 2);
  expect(widths.filter((w) => w === PORTRAIT_WIDTH)).toHaveLength(SETTINGS.length);
  await page.screenshot({ path: 'test-results/settings.png' });
  await page.close();
});

/** The first shipped scenario of each setting. */
const SCENARIO_OF = Object.fromEntries(
  [...SHIPPED].reverse().map((file) => {
    const { id, setting } = loadFile(file);
    return [setting, id];
  }),
) as Record<Setting, string>;

/** A call's briefing in a fresh context, once the stage has drawn its customer. */
async function briefing(
  browser: Browser,
  setting: Setting,
  options: { width: number; height: number; reducedMotion?: boolean },
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
  });
  const page = await context.newPage();
  await page.goto(`${suite.url}#/play/${SCENARIO_OF[setting]}`);
  const stage = page.locator('#stage');
  await expect.poll(() => stage.getAttribute('data-setting'), { timeout: 60_000 }).toBe(setting);
  await expect.poll(() => stage.getAttribute('data-customer')).toBe('present');
  return page;
}

const stageShot = (page: Page) => page.locator('#stage canvas').screenshot();

it('draws the live stage in every setting, on a desk and on a phone', async () => {
  expect(Object.keys(SCENARIO_OF).sort()).toEqual([...SETTINGS].sort());
  mkdirSync('test-results', { recursive: true });
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    for (const setting of SETTINGS) {
      const page = await briefing(suite.browser, setting, { width, height });
      const box = await page.locator('#stage canvas').boundingBox();
      // The stage is 4:3 and fills its box's width or height.
      expect(box && Math.abs(box.width / box.height - 4 / 3)).toBeLessThan(0.02);
      await page.locator('#stage canvas').screenshot({ path: `test-results/stage-${setting}-${width}.png` });
      await page.context().close();
    }
  }
});

it('lets the idle customer breathe and blink, and holds them still with reduced motion', async () => {
  const moving = await briefing(suite.browser, 'counter', { width: 1280, height: 800 });
  const first = await stageShot(moving);
  await expect.poll(async () => (await stageShot(moving)).equals(first)).toBe(false);
  await moving.context().close();

  const still = await briefing(suite.browser, 'counter', { width: 1280, height: 800, reducedMotion: true });
  expect(await still.locator('#stage').getAttribute('data-mood')).toBeTruthy();
  // Two pictures in a row alike: nothing on the stage moves (a new minute on the clock may, once).
  let previous = await stageShot(still);
  await expect
    .poll(async () => {
      const next = await stageShot(still);
      const same = next.equals(previous);
      previous = next;
      return same;
    })
    .toBe(true);
  await still.context().close();
});
