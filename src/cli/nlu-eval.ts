/**
 * `npm run nlu:eval`: the understanding model on the corpus's held-out fifth — precision, recall
 * and F1 per label, the macro-F1 over all labels, the worst confusions (a label missed while
 * another was heard instead), and how each kind of hard case fares.
 */
import { LABELS, type Label } from '../engine/understand/labels.js';
import { bundledModel } from '../engine/understand/bundled.js';
import { readCorpus } from './nlu/corpus.js';
import { evaluateMatching } from './nlu/match-eval.js';
import { loadScenarioDir } from '../scenario-files/dir.js';

const corpus = readCorpus();
if (corpus.problems.length) {
  for (const p of corpus.problems) console.error(p);
  process.exit(1);
}
const model = bundledModel();
const heldOut = corpus.examples.filter((e) => e.heldOut);
const counts = new Map<Label, { tp: number; fp: number; fn: number }>(
  LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]),
);
const confusions = new Map<string, number>();
const byCase = new Map<string, { exact: number; all: number }>();
for (const example of heldOut) {
  const heard = new Set(model.label(example.text).labels);
  const truth = new Set(example.labels);
  const missed = LABELS.filter((l) => truth.has(l) && !heard.has(l));
  const extra = LABELS.filter((l) => heard.has(l) && !truth.has(l));
  for (const l of LABELS) {
    const c = counts.get(l);
    if (!c) continue;
    if (truth.has(l) && heard.has(l)) c.tp++;
    else if (heard.has(l)) c.fp++;
    else if (truth.has(l)) c.fn++;
  }
  for (const m of missed)
    for (const x of extra)
      confusions.set(`${m} heard as ${x}`, (confusions.get(`${m} heard as ${x}`) ?? 0) + 1);
  const kind = example.case ?? 'plain';
  const tally = byCase.get(kind) ?? { exact: 0, all: 0 };
  tally.all++;
  if (!missed.length && !extra.length) tally.exact++;
  byCase.set(kind, tally);
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
console.log(
  `model ${model.version} on the held-out fifth: ${heldOut.length} answers (of ${corpus.examples.length})\n`,
);
console.log('label          support  precision  recall     F1');
let sum = 0;
for (const [label, c] of counts) {
  const p = ratio(c.tp, c.tp + c.fp);
  const r = ratio(c.tp, c.tp + c.fn);
  const f1 = ratio(2 * p * r, p + r);
  sum += f1;
  console.log(
    `${label.padEnd(14)} ${String(c.tp + c.fn).padStart(7)}  ${p.toFixed(3).padStart(9)}  ${r.toFixed(3).padStart(6)}  ${f1.toFixed(3)}`,
  );
}
console.log(`\nmacro-F1 ${(sum / LABELS.length).toFixed(3)} over ${LABELS.length} labels`);
console.log('\nworst confusions (missed, and heard instead, in one answer):');
for (const [pair, n] of [...confusions].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10))
  console.log(`  ${String(n).padStart(3)}  ${pair}`);
console.log('\nanswers labelled exactly right, by kind:');
for (const [kind, t] of [...byCase].sort((a, b) => a[0].localeCompare(b[0])))
  console.log(`  ${kind.padEnd(22)} ${t.exact}/${t.all}  ${(100 * ratio(t.exact, t.all)).toFixed(0)}%`);

const tallies = evaluateMatching(loadScenarioDir('scenarios').scenarios, model);
console.log('\nmatching typed answers to the authored responses (assets/nlu/match/):');
console.log(
  'scenario                      answers  matched right  matched wrong  asked, offered  asked, not offered',
);
const pct = (n: number, of: number) => `${n} (${(100 * ratio(n, of)).toFixed(0)}%)`.padStart(13);
const all = { answers: 0, right: 0, wrong: 0, offered: 0, missed: 0 };
for (const t of tallies) {
  for (const p of t.problems) console.error(p);
  console.log(
    `${t.scenario.padEnd(28)} ${String(t.answers).padStart(8)} ${pct(t.right, t.answers)}  ${pct(t.wrong, t.answers)}  ${pct(t.offered, t.answers)}  ${pct(t.missed, t.answers)}`,
  );
  all.answers += t.answers;
  all.right += t.right;
  all.wrong += t.wrong;
  all.offered += t.offered;
  all.missed += t.missed;
}
console.log(
  `${'all'.padEnd(28)} ${String(all.answers).padStart(8)} ${pct(all.right, all.answers)}  ${pct(all.wrong, all.answers)}  ${pct(all.offered, all.answers)}  ${pct(all.missed, all.answers)}`,
);
