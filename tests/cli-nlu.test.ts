/** The understanding tools as a trainer runs them, and the corpus and model they stand on. */
import { runTool } from './support/tool.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../src/cli/nlu/corpus.js';
import { MODEL_PATH } from '../src/cli/nlu/paths.js';
import { evaluateMatching } from '../src/cli/nlu/match-eval.js';
import { loadScenarioDir } from '../src/scenario-files/dir.js';
import { fnv1a } from '../src/engine/understand/hash.js';
import { LABELS } from '../src/engine/understand/labels.js';
import { ModelFile, loadModel } from '../src/engine/understand/model.js';

function label(input: string, args: string[] = ['--json']): { code: number; out: string } {
  return runTool('src/cli/nlu-label.ts', args, { input });
}

const committed = (): unknown => JSON.parse(readFileSync(MODEL_PATH, 'utf8'));

describe('nlu:label --json', () => {
  it('answers each line of JSON in order, and says which line it could not read', () => {
    const { code, out } = label(
      [
        JSON.stringify({
          text: 'Let us go through the receipts together, date by date.',
          context: 'insurance-meal-receipt',
        }),
        'not json',
        JSON.stringify({ text: 'When? Who told you? Did you get a name? Why did you wait a week?' }),
      ].join('\n'),
    );
    expect(code).toBe(1);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]?.labels).toContain('G');
    expect(lines[0]?.model).toBe(loadModel(committed()).version);
    expect(lines[1]).toEqual({ error: 'line 2: not {"text": "…", "context": "…"} (context optional)' });
    expect(lines[2]?.labels).toContain('interrogating');
  });

  it('labels plain lines for a trainer to read, with the words it heard', () => {
    const { code, out } = label('I apologise if anyone was confused.\n', []);
    expect(code).toBe(0);
    expect(out).toMatch(/→ .*no-apology \("/);
  });
});

describe('the corpus', () => {
  it('reads cleanly: enough answers, every label well represented, a fifth held out', () => {
    const { examples, problems } = readCorpus();
    expect(problems).toEqual([]);
    expect(examples.length).toBeGreaterThanOrEqual(2500);
    for (const l of LABELS)
      expect(examples.filter((e) => e.labels.includes(l)).length, l).toBeGreaterThanOrEqual(120);
    expect(examples.filter((e) => e.heldOut).length / examples.length).toBeGreaterThanOrEqual(0.19);
  });

  it('says where a line is wrong and how to fix it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    try {
      writeFileSync(
        join(dir, 'a.jsonl'),
        [
          '{"text": "fine", "labels": []}',
          '{"text": "x", "labels": ["constructor"]}',
          'oops',
          '{"text": "FINE", "labels": []}',
        ].join('\n'),
      );
      const { examples, problems } = readCorpus(dir);
      expect(examples).toHaveLength(1);
      expect(problems).toEqual([
        expect.stringMatching(/a\.jsonl:2: labels\.0: "constructor" is not a label/),
        expect.stringMatching(/a\.jsonl:3: not a JSON object/),
        expect.stringMatching(/a\.jsonl:4: the same text as .*a\.jsonl:1/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the committed model', () => {
  it('is the file training wrote: its version is the hash of its weights', () => {
    const file = ModelFile.parse(committed());
    const weights = file.stack ? { labels: file.labels, stack: file.stack } : file.labels;
    expect(file.version).toBe(`kc-nlu-1-${fnv1a(JSON.stringify(weights)).toString(36)}`);
    expect(file.labels.map((l) => l.label)).toEqual([...LABELS]);
  });

  it('gives the same labels every time, from a fresh load too', () => {
    const texts = readCorpus()
      .examples.slice(0, 200)
      .map((e) => e.text);
    const a = loadModel(committed());
    const b = loadModel(committed());
    const first = texts.map((t) => a.label(t));
    expect(texts.map((t) => a.label(t))).toEqual(first);
    expect(texts.map((t) => b.label(t))).toEqual(first);
  });
});

describe('matching typed answers, on answers written for the shipped scenarios', () => {
  it('finds the meant response without asking for most, almost never the wrong one, and offers it when asking', () => {
    const tallies = evaluateMatching(loadScenarioDir('scenarios').scenarios, loadModel(committed()));
    expect(tallies.flatMap((t) => t.problems)).toEqual([]);
    const sum = (key: 'answers' | 'right' | 'wrong' | 'offered' | 'missed') =>
      tallies.reduce((n, t) => n + t[key], 0);
    expect(sum('answers')).toBeGreaterThanOrEqual(300);
    expect(sum('right') / sum('answers')).toBeGreaterThanOrEqual(0.8);
    expect(sum('wrong') / sum('answers')).toBeLessThanOrEqual(0.02);
    expect(sum('missed') / sum('answers')).toBeLessThanOrEqual(0.02);
  });
});
