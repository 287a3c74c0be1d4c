/**
 * `npm run package -- --format scorm12|scorm2004|cmi5 [--scenarios id,id…|--course]
 * [--mode assessment|coach] [--pass 700] [--out dist/packages/] [--title "…"]`: writes a zip an LMS
 * imports (see docs/lms.md). Exits 2 on a mistake in the command, with what to change.
 */
import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { MODES, type Mode } from '../engine/index.js';
import { FORMAT_NAMES, LMS_FORMATS, type LmsFormat } from '../lms/report.js';
import { PackageError, makePackages } from './packager.js';

const USAGE = `usage: npm run package -- --format scorm12|scorm2004|cmi5 [--scenarios id,id…|--course]
       [--mode assessment|coach] [--pass 700] [--out dist/packages/] [--title "…"]`;

function fail(message: string): never {
  console.error(`package: ${message}\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      format: { type: 'string' },
      scenarios: { type: 'string' },
      course: { type: 'boolean', default: false },
      mode: { type: 'string', default: 'coach' },
      pass: { type: 'string', default: '700' },
      out: { type: 'string', default: 'dist/packages/' },
      title: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
// One or more standards, comma-separated: each is its own zip, from one build.
const formats = (args.format ?? '')
  .split(',')
  .map((f) => f.trim())
  .filter(Boolean);
if (formats.length === 0) fail(`--format must be one of ${LMS_FORMATS.join(', ')}`);
for (const format of formats) {
  if (!(LMS_FORMATS as readonly string[]).includes(format)) {
    fail(`--format must be one of ${LMS_FORMATS.join(', ')} (or several, comma-separated), not '${format}'`);
  }
}
if (!(MODES as readonly string[]).includes(args.mode))
  fail(`--mode must be assessment or coach, not '${args.mode}'`);
if (!/^\d+$/.test(args.pass)) fail(`--pass must be a whole number from 0 to 1000, not '${args.pass}'`);
const scenarios = (args.scenarios ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
if (args.course && scenarios.length > 0) fail('choose --scenarios or --course, not both');

try {
  const made = await makePackages(
    {
      formats: formats as LmsFormat[],
      scenarios,
      // The whole course unless calls are named.
      course: args.course || scenarios.length === 0,
      mode: args.mode as Mode,
      pass: Number(args.pass),
      out: args.out,
      ...(args.title ? { title: args.title } : {}),
    },
    (line) => {
      console.log(line);
    },
  );
  for (const { config, zip, bytes, files } of made) {
    console.log(
      `${FORMAT_NAMES[config.format]} package: ${relative(process.cwd(), zip)} (${(bytes / 1024 / 1024).toFixed(1)} MB, ${files} files)\n` +
        `  "${config.title}": ${config.scenarios.length} call(s), ${config.mode} mode, pass mark ${config.pass} (${Math.round(config.pass / 10)}%)`,
    );
  }
} catch (error) {
  if (error instanceof PackageError) fail(error.message);
  throw error;
}
