/**
 * `npm run bench` (last part): the LMS packages `npm run package` writes, and how big they are.
 * One routine call and the whole course, each in the three standards (one build per set of calls):
 * the zip an LMS imports, its files and what they unpack to, and how long the build and zips took.
 * Prints figures; asserts nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { makePackages, type PackageOptions } from '../../src/cli/packager.js';
import { FORMAT_NAMES, LMS_FORMATS } from '../../src/lms/report.js';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

const SETS: { name: string; options: Pick<PackageOptions, 'scenarios' | 'course'> }[] = [
  { name: 'one routine call', options: { scenarios: ['routine-gift-receipt'], course: false } },
  { name: 'the whole course', options: { scenarios: [], course: true } },
];

const out = mkdtempSync(join(tmpdir(), 'keep-cool-bench-packages-'));
try {
  console.log('\nLMS packages (npm run package)');
  console.log('| calls | standard | zip | files | unpacked | build + zip |');
  console.log('|---|---|---|---|---|---|');
  for (const set of SETS) {
    const started = performance.now();
    const made = await makePackages({ ...set.options, formats: LMS_FORMATS, mode: 'coach', pass: 700, out });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    for (const m of made) {
      const files = unzipSync(new Uint8Array(readFileSync(m.zip)));
      const unpacked = Object.values(files).reduce((sum, f) => sum + f.length, 0);
      console.log(
        `| ${set.name} (${m.config.scenarios.length}) | ${FORMAT_NAMES[m.config.format]} | ${mb(m.bytes)} | ${m.files} | ${mb(unpacked)} | ${seconds} s for all three |`,
      );
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
