/**
 * The labelled corpus (assets/nlu/corpus/*.jsonl), read and checked: every line a JSON object
 * with a text and known labels; a bad line is reported as file:line with what to fix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LABELS, type Label } from '../../engine/understand/labels.js';
import { isHeldOut } from '../../engine/understand/split.js';

export const CORPUS_DIR = 'assets/nlu/corpus';

const CASES = [
  'non-apology',
  'polite-authoritative',
  'sarcasm',
  'questions',
  'mixed',
  'typos',
  'lowercase',
  'chat',
] as const;

const Line = z.strictObject({
  text: z.string().trim().min(1, 'the text is empty'),
  labels: z.array(
    z.enum(LABELS, {
      error: (issue) => `"${String(issue.input)}" is not a label (docs/understanding-labels.md)`,
    }),
  ),
  case: z.enum(CASES).optional(),
});

export interface Example {
  text: string;
  labels: Label[];
  case?: (typeof CASES)[number];
  /** file:line, for messages. */
  at: string;
  heldOut: boolean;
}

export interface Corpus {
  examples: Example[];
  problems: string[];
}

export function readCorpus(dir = CORPUS_DIR): Corpus {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const examples: Example[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const path = join(dir, file);
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((raw, index) => {
        const at = `${path}:${index + 1}`;
        if (!raw.trim()) return;
        let value: unknown;
        try {
          value = JSON.parse(raw);
        } catch {
          problems.push(`${at}: not a JSON object; write {"text": "…", "labels": […]}`);
          return;
        }
        const line = Line.safeParse(value);
        if (!line.success) {
          problems.push(
            `${at}: ${line.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ')}`,
          );
          return;
        }
        const key = line.data.text.toLowerCase().replace(/\s+/g, ' ');
        const before = seen.get(key);
        if (before) {
          problems.push(`${at}: the same text as ${before}; keep one`);
          return;
        }
        seen.set(key, at);
        const labels = [...new Set(line.data.labels)];
        examples.push({
          text: line.data.text,
          labels,
          ...(line.data.case ? { case: line.data.case } : {}),
          at,
          heldOut: isHeldOut(line.data.text),
        });
      });
  }
  return { examples, problems };
}
