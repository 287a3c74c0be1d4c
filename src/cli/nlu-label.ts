/**
 * `npm run -s nlu:label -- --json`: labels answers the way the game hears them. Reads JSON Lines on
 * standard input, one {"text": …, "context": …} per line (context optional), and prints one JSON
 * object per line, in order: {"labels": [...], "heard": [...], "model": "…"}, or {"error": "…"}
 * for a line it cannot read. Without --json, each line of input is an answer, printed as text.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { bundledModel } from '../engine/understand/bundled.js';

const Request = z.object({ text: z.string(), context: z.string().optional() });

const json = process.argv.includes('--json');
const model = bundledModel();
let failed = false;
let number = 0;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  number++;
  if (!json) {
    if (!line.trim()) continue;
    const u = model.label(line);
    const words = u.heard.map(
      (h) => `${h.label} (${h.evidence.map((e) => `"${line.slice(e.start, e.end)}"`).join(', ')})`,
    );
    console.log(`${line}\n  → ${words.length ? words.join('; ') : 'nothing the method names'}`);
    continue;
  }
  if (!line.trim()) {
    console.log(JSON.stringify({ error: `line ${number}: empty; write {"text": "…"}` }));
    failed = true;
    continue;
  }
  let parsed: z.infer<typeof Request>;
  try {
    parsed = Request.parse(JSON.parse(line));
  } catch {
    console.log(
      JSON.stringify({ error: `line ${number}: not {"text": "…", "context": "…"} (context optional)` }),
    );
    failed = true;
    continue;
  }
  const u = model.label(parsed.text);
  console.log(
    JSON.stringify({
      labels: u.labels,
      heard: u.heard.map((h) => ({
        label: h.label,
        words: h.evidence.map((e) => parsed.text.slice(e.start, e.end)),
      })),
      model: u.modelVersion,
    }),
  );
}
process.exitCode = failed ? 1 : 0;
