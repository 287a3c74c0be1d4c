/**
 * The customer portrait in Chromium: every mood × pose is a valid image the browser can draw.
 * Writes test-results/portraits.png, a contact sheet for a reviewer to look at.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MOODS, POSES } from '../../src/engine/index.js';
import { PORTRAIT_WIDTH, portraitSvg } from '../../src/game/portrait.js';
import { launchChromium } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

it('draws every mood and pose, each different from the others', async () => {
  const svgs = POSES.flatMap((pose) =>
    MOODS.map((mood) => ({ pose, mood, svg: portraitSvg('parent-40s', mood, pose) })),
  );
  expect(new Set(svgs.map((s) => s.svg)).size).toBe(MOODS.length * POSES.length);

  const page = await browser.newPage({ viewport: { width: 1100, height: 1200 } });
  const cells = svgs
    .map(
      ({ pose, mood, svg }) =>
        `<figure><img alt="${mood} ${pose}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"><figcaption>${mood} · ${pose}</figcaption></figure>`,
    )
    .join('');
  await page.setContent(
    `<style>body{margin:8px;font:12px sans-serif;background:#f6f4ef;display:grid;grid-template-columns:repeat(${MOODS.length},1fr);gap:4px}figure{margin:0;text-align:center}img{width:160px;height:200px;background:#e8e4da;border-radius:8px}</style>${cells}`,
  );
  const widths = await page.locator('img').evaluateAll((imgs: HTMLImageElement[]) =>
    Promise.all(
      imgs.map((img) =>
        img.decode().then(
          () => img.naturalWidth,
          () => 0,
        ),
      ),
    ),
  );
  expect(widths).toEqual(svgs.map(() => PORTRAIT_WIDTH));
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/portraits.png', fullPage: true });
  await page.close();
});
