/**
 * With the dev server, a trainer who edits a file in the scenarios folder sees the change in place:
 * no reload, no lost state; a file that breaks is listed with its diagnostics instead.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { devServerOnFolder, sharedBrowser } from '../support/browser.js';
import { PARCEL } from '../support/scenarios.js';

// A test that needs the dev server (its HMR); the browser is the shared one.
const suite = sharedBrowser();
const dev = devServerOnFolder('keep-cool-scenarios-', (dir) => {
  copyFileSync(PARCEL, join(dir, 'late-parcel.yaml'));
});
const file = join(dev.dir, 'late-parcel.yaml');
const { warnings } = dev;

it('an edited scenario file updates the open page in place; a broken one is reported', async () => {
  const page = await suite.browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(dev.url);
  await page.getByRole('link', { name: 'The late parcel' }).waitFor();
  // A mark on the window: a full reload would lose it.
  await page.evaluate(() => {
    (window as unknown as { stillHere: boolean }).stillHere = true;
  });

  const original = readFileSync(file, 'utf8');
  writeFileSync(file, original.replace('title: The late parcel', 'title: The late parcel, edited'));
  await expect
    .poll(() => page.getByRole('link', { name: 'The late parcel, edited' }).count(), { timeout: 10_000 })
    .toBe(1);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  // On the call's own page, a save that breaks the file shows what is wrong in place of the call.
  await page.getByRole('link', { name: 'The late parcel, edited' }).click();
  await page.getByRole('heading', { level: 1, name: 'The late parcel, edited' }).waitFor();
  const address = page.url();
  writeFileSync(file, original.replace('start: opening', 'start: openning'));
  await page
    .getByRole('heading', { level: 1, name: 'This call’s file could not be loaded' })
    .waitFor({ timeout: 10_000 });
  expect(await page.locator('pre').innerText()).toContain(
    "KC020 no node 'openning' (did you mean 'opening'?)",
  );
  await page.screenshot({ path: 'test-results/live-edit-broken.png' });
  // The terminal the trainer started the dev server from says it too.
  expect(warnings.join('\n')).toContain("KC020 no node 'openning' (did you mean 'opening'?)");
  expect(warnings.join('\n')).toContain('Scenario files that could not be loaded');
  // The menu lists the broken file.
  await page.evaluate(() => {
    window.location.hash = '#/';
  });
  await expect
    .poll(() => page.getByText('Scenario files that could not be loaded').count(), { timeout: 10_000 })
    .toBe(1);
  expect(await page.locator('pre').innerText()).toContain("KC020 no node 'openning'");
  // Back on the call's page, fixed and saved: the call is back at the same address, no reload.
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'This call’s file could not be loaded' }).waitFor();
  writeFileSync(file, original);
  await page.getByRole('heading', { level: 1, name: 'The late parcel' }).waitFor({ timeout: 10_000 });
  expect(page.url()).toBe(address);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  expect(problems).toEqual([]);
  await page.close();
});
