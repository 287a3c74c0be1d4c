/** `npm run scenarios:check` as a trainer runs it: output, --json and the exit code. */
import { execFileSync } from 'node:child_process';
import { runTool } from './support/tool.js';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioDir } from '../src/scenario-files/dir.js';
import { explore } from '../src/engine/index.js';
import { loadScenario } from '../src/engine/load.js';
import { describe, expect, it } from 'vitest';

const run = (script: string, args: string[]) => runTool(script, args);

const check = (...args: string[]) => run('src/cli/scenarios-check.ts', args);

describe('scenarios:check', () => {
  it('checks every shipped scenario by default and passes', () => {
    const { code, out } = check();
    expect(code).toBe(0);
    expect(out).toMatch(/scenarios\/insurance-meal-receipt\.yaml: insurance-meal-receipt v\d+ ok/);
    expect(out).toMatch(/\d+ nodes, \d+ endings, \d+ paths/);
    expect(out).toMatch(/score range \d+–\d+/);
    expect(out).toContain('opportunities per letter: S×');
  });

  it('prints file:line:col CODE message and exits 1 on errors', () => {
    const { code, out } = check(
      'tests/fixtures/diagnostics/KC020-unknown-target.yaml',
      'tests/fixtures/scenarios/late-parcel.yaml',
    );
    expect(code).toBe(1);
    expect(out).toContain(
      "tests/fixtures/diagnostics/KC020-unknown-target.yaml:28:15 error KC020 no node or ending 'dnoe' (did you mean 'done'?)",
    );
    expect(out).toContain('late-parcel v3 ok');
    expect(out).toContain('2 file(s) checked, 1 with errors');
  });

  it('passes with warnings only', () => {
    const { code, out } = check('tests/fixtures/diagnostics/KC033-teaches-nothing.yaml');
    expect(code).toBe(0);
    expect(out).toContain('warning KC033');
  });

  it('reports an unreadable file instead of crashing', () => {
    const { code, out } = check('no/such/file.yaml');
    expect(code).toBe(1);
    expect(out).toContain('no/such/file.yaml: error cannot read the file (ENOENT)');
  });

  it('refuses a named pipe, a device and a folder with a clear line each, without hanging', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keep-cool-fifo-'));
    try {
      const fifo = join(dir, 'pipe.yaml');
      execFileSync('mkfifo', [fifo]);
      const { code, out } = check(fifo, '/dev/zero', dir, 'tests/fixtures/scenarios/late-parcel.yaml');
      expect(code).toBe(1);
      expect(out).toContain(`${fifo}: error this is a named pipe, not a scenario file`);
      expect(out).toContain('/dev/zero: error this is a device, not a scenario file');
      expect(out).toContain(`${dir}: error this is a folder, not a scenario file`);
      expect(out).toContain('late-parcel v3 ok');
      expect(out).toContain('4 file(s) checked, 3 with errors');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('speaks JSON with --json', () => {
    const { code, out } = check('--json', 'tests/fixtures/scenarios/late-parcel.yaml');
    expect(code).toBe(0);
    const [report] = JSON.parse(out) as {
      ok: boolean;
      summary: { paths: number; best: number; worst: number };
    }[];
    expect(report).toMatchObject({ ok: true, summary: { paths: 5, best: 1000, worst: 41 } });
  });
});

describe('a scenario folder (the server and the build read one)', () => {
  it('lists a pipe or a folder with a .yaml name as not loaded, and loads the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keep-cool-dir-'));
    try {
      execFileSync('mkfifo', [join(dir, 'a-pipe.yaml')]);
      mkdirSync(join(dir, 'b-folder.yaml'));
      copyFileSync('tests/fixtures/scenarios/late-parcel.yaml', join(dir, 'c-parcel.yaml'));
      const loaded = loadScenarioDir(dir);
      expect(loaded.scenarios.map((s) => s.id)).toEqual(['late-parcel']);
      expect(loaded.broken.map((b) => [b.file, b.error])).toEqual([
        [join(dir, 'a-pipe.yaml'), expect.stringContaining('named pipe') as unknown],
        [join(dir, 'b-folder.yaml'), expect.stringContaining('folder') as unknown],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scenarios:check --report', () => {
  it('adds where the paths end, the best and worst path, letter ranges and the escalation answer', () => {
    const { code, out } = check('--report', 'tests/fixtures/scenarios/late-parcel.yaml');
    expect(code).toBe(0);
    expect(out).toMatch(/report on all \d+ paths:/);
    expect(out).toMatch(/endings: sorted \(resolved\) \d+%/);
    expect(out).toContain("best path 1000 → 'sorted': opening/reflect → facts/options");
    expect(out).toContain('most often leads to escalation: facts/policy (100% of the');
  });
});

describe('scenarios:new', () => {
  it('scaffolds a scenario that loads without a single diagnostic and can be won', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keep-cool-new-'));
    try {
      const made = run('src/cli/scenarios-new.ts', ['late-refund', '--dir', dir]);
      expect(made.code).toBe(0);
      const file = join(dir, 'late-refund.yaml');
      const { scenario, diagnostics } = loadScenario(readFileSync(file, 'utf8'), file);
      expect(diagnostics).toEqual([]);
      expect(scenario?.id).toBe('late-refund');
      expect(scenario && explore(scenario).best?.score.ending?.kind).toBe('resolved');
      // Never overwrites; refuses an id that is not one.
      const again = run('src/cli/scenarios-new.ts', ['late-refund', '--dir', dir]);
      expect(again.code).toBe(1);
      expect(again.err).toContain('already exists');
      expect(run('src/cli/scenarios-new.ts', ['Late Refund', '--dir', dir]).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scenarios:graph', () => {
  it('writes Mermaid and DOT for a scenario, and refuses a broken file with its diagnostics', () => {
    const out = mkdtempSync(join(tmpdir(), 'keep-cool-graph-'));
    try {
      const good = run('src/cli/scenarios-graph.ts', [
        'tests/fixtures/scenarios/late-parcel.yaml',
        '--out',
        out,
      ]);
      expect(good.code).toBe(0);
      expect(readFileSync(join(out, 'late-parcel.mmd'), 'utf8')).toMatch(/^flowchart TD\n/);
      expect(readFileSync(join(out, 'late-parcel.dot'), 'utf8')).toMatch(/^digraph "late-parcel" \{/);
      const bad = run('src/cli/scenarios-graph.ts', [
        'tests/fixtures/diagnostics/KC020-unknown-target.yaml',
        '--out',
        out,
      ]);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('KC020-unknown-target.yaml:28:15 error KC020');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
