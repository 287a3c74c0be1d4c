/**
 * `npm run bench`: figures for the engine on the flagship scenario and on generated big ones.
 * Prints numbers; asserts nothing. Times are CPU time (process.cpuUsage), the median of several
 * runs, so other work on a shared machine barely moves them.
 * Aims: ≥ 25,000 replays/s of a 20-step transcript on one core; loading a 500-node scenario
 * ≤ 150 ms, a 2,000-node one ≤ 600 ms and the largest the size limit allows ≤ 1.5 s.
 */
import { readFileSync } from 'node:fs';
import { checkScenarioSource } from '../../src/cli/check.js';
import { denseScenarioYaml, largeScenarioYaml, largestAllowedScenarioYaml } from './large-scenario.js';
import { SimulatedClock } from 'xstate';
import {
  CALM_MS,
  compileScenario,
  explore,
  initialState,
  parseTranscript,
  paths,
  replay,
  scoreRecords,
  startCall,
  step,
  type CallState,
  type Scenario,
  type StepRecord,
  type Transcript,
  type TranscriptEvent,
} from '../../src/engine/index.js';
import { loadScenario } from '../../src/engine/load.js';

const FILE = process.argv[2] ?? 'scenarios/insurance-meal-receipt.yaml';
const source = readFileSync(FILE, 'utf8');

/** CPU milliseconds this process has used: unlike the wall clock, it stands still while others run. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The median CPU time of `fn` over `trials` batches of `runs` calls, in ms per call. */
function msEach(runs: number, fn: () => unknown, trials = 5): number {
  for (let i = 0; i < Math.min(50, runs); i++) fn(); // warm up
  const each: number[] = [];
  for (let t = 0; t < trials; t++) {
    const start = cpuMs();
    for (let i = 0; i < runs; i++) fn();
    each.push((cpuMs() - start) / runs);
  }
  return each.sort((a, b) => a - b)[Math.floor(trials / 2)] ?? 0;
}

function timeIt(label: string, runs: number, fn: () => unknown): { perSecond: number; msEach: number } {
  const ms = msEach(Math.ceil(runs / 5), fn);
  const result = { perSecond: 1000 / ms, msEach: ms };
  console.log(
    `${label.padEnd(44)} ${result.msEach.toFixed(3).padStart(9)} ms each  ${Math.round(result.perSecond).toLocaleString('en').padStart(9)} /s`,
  );
  return result;
}

const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

function load(): Scenario {
  const { scenario } = loadScenario(source, FILE);
  if (!scenario) throw new Error(`${FILE} does not load`);
  return scenario;
}

/**
 * The best calm path, made up to 20 events with silences. They are added from the end of the call
 * backwards, where the customer is calmest, and kept only while the call still ends the same way.
 */
function twentyStepTranscript(scenario: Scenario): Transcript {
  const best = explore(scenario).best;
  const choices = (best?.transcript.events ?? []).filter((e) => e.kind === 'choice');
  const ending = best?.score.ending?.id;
  const play = (silences: number[]): TranscriptEvent[] | null => {
    const events: TranscriptEvent[] = [];
    let state: CallState = initialState(scenario);
    for (const [i, choice] of choices.entries()) {
      for (let k = 0; k < (silences[i] ?? 0); k++) {
        const r = step(scenario, state, { kind: 'silence', at: state.deadline, node: choice.node });
        if (!r.ok) return null;
        events.push(r.record.event);
        state = r.state;
      }
      const r = step(scenario, state, { ...choice, at: state.finishedAt + CALM_MS });
      if (!r.ok) return null;
      events.push(r.record.event);
      state = r.state;
    }
    return state.ending === ending ? events : null;
  };
  const silences = choices.map(() => 0);
  let events = play(silences) ?? [];
  for (let i = choices.length - 1; i >= 0 && events.length < 20; i--) {
    for (;;) {
      silences[i] = (silences[i] ?? 0) + 1;
      const attempt = events.length < 20 ? play(silences) : null;
      if (!attempt) {
        silences[i] = (silences[i] ?? 1) - 1;
        break;
      }
      events = attempt;
    }
  }
  return { format: 1, scenario: { id: scenario.id, version: scenario.version }, events };
}

console.log(
  `Keep Cool engine benchmark — ${FILE} (${(source.length / 1024).toFixed(1)} KiB), Node ${process.version}\n`,
);
const scenario = load();
timeIt('load (parse + validate + analyze)', 200, load);
timeIt('compile to XState machine', 500, () => compileScenario(scenario));
timeIt('load + compile', 200, () => compileScenario(load()));

const transcript = twentyStepTranscript(scenario);
const check = replay(scenario, transcript);
if (!check.ok) throw new Error(check.reason);
console.log(
  `\ntranscript: ${transcript.events.length} steps, ends '${check.state.ending ?? 'unfinished'}', score ${check.result.total}`,
);
const replays = timeIt(`replay + score (${transcript.events.length} steps)`, 20_000, () =>
  replay(scenario, transcript),
);
// The three parts of a replay, timed apart: reading the transcript, the steps, and scoring.
const parsed = parseTranscript(transcript);
if (!parsed.success) throw new Error('the bench transcript does not parse');
let records: StepRecord[] = [];
const playSteps = () => {
  let state = initialState(scenario);
  records = [];
  for (const event of parsed.data.events) {
    const next = step(scenario, state, event);
    if (!next.ok) throw new Error(next.reason);
    state = next.state;
    records.push(next.record);
  }
};
const parts = [
  { name: 'parse (parseTranscript)', ms: msEach(4_000, () => parseTranscript(transcript)) },
  { name: 'steps (initialState + step per event)', ms: msEach(4_000, playSteps) },
  { name: 'scoring (scoreRecords)', ms: msEach(4_000, () => scoreRecords(scenario, records)) },
];
const partsMs = parts.reduce((sum, p) => sum + p.ms, 0);
for (const p of parts) {
  console.log(
    `  ${p.name.padEnd(42)} ${(p.ms * 1000).toFixed(1).padStart(7)} µs   ${Math.round((100 * p.ms) / partsMs)
      .toString()
      .padStart(3)} % of the parts`,
  );
}

const machine = compileScenario(scenario);
const live = timeIt(`live call on XState (${transcript.events.length} steps)`, 2_000, () => {
  const clock = new SimulatedClock();
  const call = startCall(scenario, { clock, machine });
  for (const e of transcript.events) {
    if (e.kind === 'choice') {
      clock.set(e.at);
      call.choose(e.response);
    } else {
      clock.set(e.at);
    }
  }
  call.stop();
});
console.log(
  `live steps/s                                 ${Math.round(live.perSecond * transcript.events.length)
    .toLocaleString('en')
    .padStart(26)}`,
);

let count = 0;
const t0 = process.hrtime.bigint();
for (const path of paths(scenario)) count += path.final.node === null ? 1 : 0;
const pathMs = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(
  `path enumeration                             ${count.toLocaleString('en')} paths in ${pathMs.toFixed(0)} ms`,
);
const heap = process.memoryUsage().heapUsed / 1024 / 1024;
console.log(`heap used                                    ${heap.toFixed(1)} MiB`);
console.log(
  `\nreplays/s on one core: ${Math.round(replays.perSecond).toLocaleString('en')} (aim ≥ 25,000): ${verdict(replays.perSecond >= 25_000)}`,
);

// Big files: loading (parse, validate, analyse) must grow about linearly with the file.
const largest = largestAllowedScenarioYaml();
const big = [
  { label: '500 nodes, one line a node', source: denseScenarioYaml(500), aim: 150 },
  { label: '500 nodes, long lines', source: largeScenarioYaml(500), aim: 150 },
  { label: '2,000 nodes, one line a node', source: denseScenarioYaml(2_000), aim: 600 },
  { label: `largest allowed: ${largest.size.toLocaleString('en')} nodes`, source: largest.yaml, aim: 1_500 },
];
console.log(
  '\nGenerated scenarios, ms of CPU (median of 5): loadScenario (parse, validate, analyse: the aims), then load +\ncompile, then the whole checkScenarioSource (also a walk of the paths within its 150,000-answer budget, each\nscored, and the blind strategies within theirs: bounded, so it stays about a second however big the file)',
);
for (const { label, source, aim } of big) {
  const file = 'generated.yaml';
  const loaded = loadScenario(source, file);
  if (!loaded.scenario) throw new Error(`the ${label} scenario does not load`);
  const loadMs = msEach(1, () => loadScenario(source, file));
  const compileMs = msEach(1, () => compileScenario(loadScenario(source, file).scenario as Scenario));
  const checkMs = msEach(1, () => checkScenarioSource(source, file));
  const size = `${label} (${(source.length / 1024).toFixed(0)} KiB)`;
  console.log(
    `  ${size.padEnd(44)} load ${loadMs.toFixed(0).padStart(5)} ms (aim ≤ ${aim}: ${verdict(loadMs <= aim)})  load + compile ${compileMs.toFixed(0).padStart(5)} ms  whole check ${checkMs.toFixed(0).padStart(5)} ms`,
  );
}

// The report a trainer asks for with --report, on the long-lines 500-node scenario.
const large = largeScenarioYaml(500);
const summary = checkScenarioSource(large, 'generated-500.yaml').summary;
const reportStart = cpuMs();
const withReport = checkScenarioSource(large, 'generated-500.yaml', true);
const reportMs = cpuMs() - reportStart;
console.log(
  `\nscenarios:check --report on the long-lines 500-node scenario: ${reportMs.toFixed(0)} ms, ${withReport.report?.sampled ? `a random sample of ${withReport.report.paths} paths` : `all ${withReport.report?.paths ?? 0} paths`}; the check explores ${summary?.paths ?? 0} paths${summary?.truncated ? ' (stopped at the step budget)' : ''}`,
);
