/**
 * The customer portrait and the settings in Chromium: every mood × pose and every backdrop is a
 * valid image the browser can draw. Writes test-results/portraits.png and settings.png, contact
 * sheets for a reviewer to look at.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright';
import { expect, it } from 'vitest';
import { MOODS, POSES, SETTINGS } from '../../src/engine/index.js';
import { STAGE_WIDTH, backdropSvg, foregroundSvg } from '../../src/stage/backdrop.js';
import { PORTRAIT_WIDTH, portraitSvg } from '../../src/stage/portrait.js';
import { sharedBrowser } from '../support/browser.js';

const suite = sharedBrowser();

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
