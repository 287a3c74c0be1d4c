/**
 * Author mode's graph and playtest from a state, in Chromium: every moment and ending drawn with
 * labelled arrows and conditions, the view pans and zooms, a moment clicked or Entered starts a
 * playtest there, a chosen state starts the call with those numbers, and the live panel says which
 * condition sent the call where. The largest file lays out without holding the page. Screenshots:
 * test-results/author-graph.png, author-graph-phone.png, author-practice.png.
 */
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { answer, browserSuite, seriousViolations } from '../support/browser.js';
import { PARCEL, loadFile } from '../support/scenarios.js';
import { largestAllowedScenarioYaml } from '../bench/large-scenario.js';

const parcel = loadFile(PARCEL);
const suite = browserSuite();

async function openFile(
  file: string | { name: string; mimeType: string; buffer: Buffer },
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; problems: string[] }> {
  const page = await suite.browser.newPage({ viewport, reducedMotion: 'reduce' });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${suite.url}#/author`);
  await page.locator('#scenario-file').setInputFiles(file);
  return { page, problems };
}

const graphOf = (page: Page) => page.getByRole('group', { name: /^Graph of / });
const viewOf = (page: Page) => graphOf(page).getAttribute('data-view');

describe('the author’s graph', () => {
  it('draws every moment and ending, an arrow per answer with its label, conditions on branches', async () => {
    const { page, problems } = await openFile(PARCEL);
    const graph = graphOf(page);
    await graph.waitFor();
    const moments = graph.locator('g.moment');
    expect(await moments.count()).toBe(Object.keys(parcel.nodes).length);
    expect(await graph.locator('g.ending').count()).toBe(Object.keys(parcel.endings).length);
    // Each moment says its range on arrival; the outburst is only ever reached at anger 75.
    expect(await graph.locator('g.moment[data-id="shouting"]').textContent()).toContain(
      'anger 75 · trust 30',
    );
    expect(await graph.locator('g.moment[data-id="facts"]').textContent()).toContain('anger 30–50');
    // Endings say their kind in words, not only in colour.
    expect(await graph.locator('g.ending[data-id="walks-away"]').textContent()).toContain('hung up');
    expect(await graph.locator('g.ending[data-id="sorted"]').textContent()).toContain('resolved');
    // An arrow from each moment to each place its answers lead (branches counted; answers going the
    // same way share one, labels stacked): opening 2, shouting 2, facts 3, and the dashed max-anger one.
    const arrows = graph.locator('g.arrow');
    expect(await arrows.count()).toBe(7 + 1);
    expect(await graph.locator('g.arrow[data-from="opening"][data-to="facts"]').textContent()).toBe(
      "1. A week late and damaged,… R 2. That is the courier's fau… ✗ defensive otherwise",
    );
    const blame = graph.locator('g.arrow[data-from="opening"][data-to="shouting"]');
    expect(await blame.textContent()).toBe("2. That is the courier's fau… ✗ defensive if anger ≥ 70");
    expect(
      await graph.locator('g.arrow.branch[data-from="facts"][data-to="partly"]').textContent(),
    ).toContain('if flag blamed set');
    expect(
      await graph.locator('g.arrow.branch[data-from="facts"][data-to="sorted"]').textContent(),
    ).toContain('otherwise');
    const maxed = graph.locator('g.arrow.max-anger');
    expect(await maxed.count()).toBe(1);
    expect(await maxed.getAttribute('data-from')).toBe('shouting');
    expect(await maxed.textContent()).toBe('anger 100');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.graph').screenshot({ path: 'test-results/author-graph.png' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('pans and zooms by buttons, keys, wheel and drag, and fits back', async () => {
    const { page, problems } = await openFile(PARCEL);
    await graphOf(page).waitFor();
    await expect.poll(() => viewOf(page)).not.toBeNull();
    const fitted = await viewOf(page);
    const zoomOf = async () => Number((await viewOf(page))?.split(' ')[2]);
    const k = await zoomOf();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await zoomOf()).toBeCloseTo(k * 1.25, 2);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    expect(await zoomOf()).toBeCloseTo(k * 0.8, 2);
    // Keys on the focused graph: + zooms, arrows pan, 0 fits.
    const viewport = page.getByRole('region', { name: /^The call as a graph/ });
    await viewport.focus();
    await page.keyboard.press('+');
    expect(await zoomOf()).toBeCloseTo(k, 2);
    const before = (await viewOf(page))?.split(' ') ?? [];
    await page.keyboard.press('ArrowRight');
    const after = (await viewOf(page))?.split(' ') ?? [];
    expect(Number(after[0])).toBe(Number(before[0]) - 60);
    await page.keyboard.press('0');
    expect(await viewOf(page)).toBe(fitted);
    // The wheel zooms around the pointer; a drag pans.
    const box = await viewport.boundingBox();
    if (!box) throw new Error('the graph is on the page');
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.wheel(0, -200);
    expect(await zoomOf()).toBeGreaterThan(k);
    await page.keyboard.press('0');
    await page.mouse.move(box.x + 30, box.y + box.height - 30);
    await page.mouse.down();
    await page.mouse.move(box.x + 130, box.y + box.height - 60, { steps: 5 });
    await page.mouse.up();
    const dragged = (await viewOf(page))?.split(' ') ?? [];
    const home = fitted?.split(' ') ?? [];
    expect(Number(dragged[0]) - Number(home[0])).toBe(100);
    expect(Number(dragged[1]) - Number(home[1])).toBe(-30);
    // A drag ends no playtest: nothing started.
    expect(await page.getByRole('button', { name: 'Start the call' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('starts a playtest from a moment clicked, or reached by Tab and Entered', async () => {
    const { page, problems } = await openFile(PARCEL);
    await graphOf(page).waitFor();
    await graphOf(page).locator('g.moment[data-id="shouting"]').click();
    // As on the best path there: blaming the courier, so anger 75, trust 30 and the flag.
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('shouting');
    expect(await page.getByRole('spinbutton', { name: 'Anger' }).inputValue()).toBe('75');
    expect(await page.getByRole('checkbox', { name: 'blamed' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Start the call' }).click();
    await expect
      .poll(() => page.locator('.log li .line').first().textContent())
      .toBe(parcel.nodes.shouting?.says);

    await page.getByRole('region', { name: /^The call as a graph/ }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('opening');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('facts');
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('facts');
    // The keyboard goes on from the briefing's start button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Start the call');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.log li .line').first().textContent())
      .toBe(parcel.nodes.facts?.says);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lays out the largest file allowed without holding the page', async () => {
    const { size, yaml } = largestAllowedScenarioYaml();
    const { page, problems } = await openFile({
      name: 'largest.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(yaml),
    });
    await graphOf(page).waitFor({ timeout: 60_000 });
    expect(await graphOf(page).locator('g.moment').count()).toBe(size);
    // The page answers at once: a frame comes within a short while.
    const gap = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t = performance.now();
          requestAnimationFrame(() => {
            resolve(performance.now() - t);
          });
        }),
    );
    expect(gap).toBeLessThan(500);
    expect(await page.locator('.graph-legend').textContent()).toContain('in rows by distance from the start');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await viewOf(page)).not.toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('playtest from a chosen state', () => {
  it('starts with those numbers, says it is practice, and explains a branch taken by a condition', async () => {
    const { page, problems } = await openFile(PARCEL);
    await page.getByLabel('From', { exact: true }).selectOption('opening');
    await page.getByRole('spinbutton', { name: 'Anger' }).fill('62');
    await page.getByRole('spinbutton', { name: 'Trust' }).fill('35');
    await page.getByRole('spinbutton', { name: 'Your composure' }).fill('70');
    await page.getByRole('button', { name: 'Playtest', exact: true }).click();
    expect(await page.locator('.practice-note').textContent()).toContain(
      "Practice run from 'opening' (anger 62, trust 35, composure 70): not saved as an attempt",
    );
    await page.getByRole('button', { name: 'Start the call' }).click();
    // The meters start at the chosen numbers.
    await expect.poll(() => page.locator('.meter-anger .meter-value').textContent()).toBe('62 · angry');
    expect(await page.locator('.meter-trust .meter-value').textContent()).toMatch(/^35 /);
    expect(await page.locator('.meter-composure .meter-value').textContent()).toMatch(/^70 /);
    // Blaming the courier: +25 makes 87, over the branch's 70, so the outburst.
    await answer(page, "That is the courier's fault");
    const why = page.getByRole('status', { name: 'Why it went there' });
    await expect
      .poll(() => why.textContent())
      .toBe("After 'blame-courier' at 'opening': anger 87 ≥ 70 → 'shouting' (branch 1 of 2).");
    await expect.poll(() => page.getByLabel('Live panel').innerText()).toContain('Moment\nshouting');
    await page.screenshot({ path: 'test-results/author-practice.png', fullPage: true });
    // The threat takes anger to 100: the max-anger ending, said as such; the run ends as practice.
    await answer(page, 'If you keep shouting');
    await expect
      .poll(() => why.textContent())
      .toBe(
        "After 'threaten' at 'shouting': anger reached 100 → 'walks-away', the ending for anger at the top, whatever the answer's next.",
      );
    await expect.poll(() => page.getByRole('heading', { name: 'Practice run over' }).count()).toBe(1);
    expect(await page.locator('.practice-end').textContent()).toContain("ended at 'walks-away' (hung up)");
    // Nothing kept: no attempt, no call in progress, on the device.
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('progress'))),
    ).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fills the numbers of the best path to a moment, and lays out on a phone', async () => {
    const { page, problems } = await openFile(PARCEL, { width: 390, height: 844 });
    await page.getByLabel('From', { exact: true }).selectOption('facts');
    await expect.poll(() => page.locator('.arrived').textContent()).toBe("As on the method's path: reflect.");
    expect(await page.getByRole('spinbutton', { name: 'Anger' }).inputValue()).toBe('30');
    expect(await page.getByRole('spinbutton', { name: 'Trust' }).inputValue()).toBe('55');
    await page.getByRole('spinbutton', { name: 'Anger' }).fill('90');
    await page.getByRole('button', { name: 'Arrive as on the best path to here' }).click();
    expect(await page.getByRole('spinbutton', { name: 'Anger' }).inputValue()).toBe('30');
    await graphOf(page).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/author-graph-phone.png', fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
