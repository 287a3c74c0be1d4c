/**
 * With the dev server, a translator who edits a translation file sees it in the open page in place;
 * a broken one is reported in the dev server's terminal and the page falls back to the source text.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { devServerOnFolder, sharedBrowser } from '../support/browser.js';

const suite = sharedBrowser();
const ID = 'routine-shoe-size-swap';
const dev = devServerOnFolder('keep-cool-translations-', (dir) => {
  copyFileSync(`scenarios/${ID}.yaml`, join(dir, `${ID}.yaml`));
  mkdirSync(join(dir, 'translations', 'es'), { recursive: true });
  copyFileSync(`scenarios/translations/es/${ID}.yaml`, join(dir, 'translations', 'es', `${ID}.yaml`));
});
const file = join(dev.dir, 'translations', 'es', `${ID}.yaml`);
const { warnings } = dev;

it('an edited translation updates the open page in place; a broken one is reported', async () => {
  // A trainee whose browser speaks Spanish.
  const page = await suite.browser.newPage({ locale: 'es-ES' });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(dev.url);
  await page.getByRole('link', { name: 'Media talla de menos' }).waitFor();
  await page.evaluate(() => {
    (window as unknown as { stillHere: boolean }).stillHere = true;
  });

  const original = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    original.replace('text: "Media talla de menos"', 'text: "Media talla de menos, revisado"'),
  );
  await expect
    .poll(() => page.getByRole('link', { name: 'Media talla de menos, revisado' }).count(), {
      timeout: 10_000,
    })
    .toBe(1);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  // A broken file: the dev server's terminal says what and where; the page shows the English.
  writeFileSync(file, original.replace('text: "Media talla de menos"', 'text: "Media talla de menos'));
  await expect
    .poll(() => page.getByRole('link', { name: 'One size too small' }).count(), { timeout: 10_000 })
    .toBe(1);
  expect(warnings.join('\n')).toMatch(/routine-shoe-size-swap\.yaml:\d+:\d+ error KC001/);
  expect(problems).toEqual([]);
  await page.close();
});
