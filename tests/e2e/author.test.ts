/**
 * Author mode in Chromium: the largest file allowed is analysed in a worker (or on the page where
 * none may run); a broken file shows its errors at the right lines; a good file shows its graph
 * and plays, from the start or from any moment, with a live panel. Screenshot:
 * test-results/author.png.
 */
import type { Page } from 'playwright';

import { describe, expect, it } from 'vitest';
import { answer, browserSuite, seriousViolations } from '../support/browser.js';
import { PARCEL, loadFile } from '../support/scenarios.js';
import { largestAllowedScenarioYaml } from '../bench/large-scenario.js';

const parcel = loadFile(PARCEL);
const suite = browserSuite();

async function openAuthor(withoutWorkers = false): Promise<{ page: Page; problems: string[] }> {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
  // A browser (or a policy) that allows no worker: author mode loads files on the page's thread.
  if (withoutWorkers) await page.addInitScript('window.Worker = undefined');
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(suite.url);
  await page.getByRole('link', { name: 'check and playtest a scenario file' }).click();
  await page.getByRole('heading', { name: 'Check and playtest a scenario' }).waitFor();
  return { page, problems };
}

describe('author mode', () => {
  it.each([
    ['in a worker', false],
    ['on the page where no worker may run', true],
  ])('analyses the largest file the size limit allows %s', async (_, withoutWorkers) => {
    const { page, problems } = await openAuthor(withoutWorkers);
    const { size, yaml } = largestAllowedScenarioYaml();
    await page.locator('#scenario-file').setInputFiles({
      name: 'largest.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(yaml),
    });
    await expect
      .poll(() => page.getByRole('status').first().innerText(), { timeout: 30_000 })
      .toBe('A very long call: loads, with 185 warnings.');
    expect(await page.locator('.diagnostics li.warning').count()).toBe(185);
    expect(await page.locator('#playtest-from option').count()).toBe(size);
    const fetched = await page.evaluate<string[]>(
      "performance.getEntriesByType('resource').map((e) => e.name)",
    );
    expect(fetched.some((name) => name.includes('analysis.worker'))).toBe(!withoutWorkers);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a broken file’s errors at their lines', async () => {
    const { page, problems } = await openAuthor();
    await page
      .locator('#scenario-file')
      .setInputFiles('tests/fixtures/diagnostics/KC020-unknown-target.yaml');
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('does not load');
    const item = page.locator('.diagnostics li').first();
    expect(await item.innerText()).toContain("error KC020 at line 28, column 15: no node or ending 'dnoe'");
    expect(await page.locator('#line-28').getAttribute('class')).toContain('marked');
    expect(await page.locator('.source li.marked').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws a good file as a graph and playtests it, from the start or any moment', async () => {
    const { page, problems } = await openAuthor();
    await page.locator('#scenario-file').setInputFiles(PARCEL);
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('loads cleanly');
    const graph = page.getByRole('group', { name: /^Graph of The late parcel/ });
    await graph.waitFor();
    expect(await graph.locator('g.moment').count()).toBe(Object.keys(parcel.nodes).length);
    expect(await graph.locator('g.ending').count()).toBe(Object.keys(parcel.endings).length);

    await page.getByRole('button', { name: 'Playtest', exact: true }).click();
    await page.getByRole('button', { name: 'Start the call' }).click();
    await answer(page, 'A week late and damaged');
    const live = page.getByLabel('Live panel');
    await expect.poll(() => live.innerText()).toContain('Moment\nfacts');
    expect(await live.innerText()).toMatch(/Score so far\n\d+/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/author.png', fullPage: true });

    // Jump straight to the outburst.
    await page.getByLabel('From', { exact: true }).selectOption('shouting');
    await page.getByRole('button', { name: 'Playtest', exact: true }).click();
    await page.getByRole('button', { name: 'Start the call' }).click();
    await expect
      .poll(() => page.locator('.log li .line').first().textContent())
      .toBe(typeof parcel.nodes.shouting?.says === 'string' ? parcel.nodes.shouting.says : '-');
    // Playtests leave the trainee's progress alone.
    expect(await page.evaluate(() => localStorage.getItem('keep-cool:progress'))).toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });
});
