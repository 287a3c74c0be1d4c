/**
 * `npm run bench`: figures for the engine on the flagship scenario. Prints numbers; asserts nothing.
 * Aim: ≥ 10,000 replays/s of a 20-step transcript on one core.
 */
import { readFileSync } from 'node:fs';
import { checkScenarioSource } from '../../src/cli/check.js';
import { largeScenarioYaml } from './large-scenario.js';
import { SimulatedClock } from 'xstate';
import {
  CALM_MS,
  compileScenario,
  explore,
  initialState,
  paths,
  replay,
  startCall,
  step,
  type CallState,
  type Scenario,
  type Transcript,
  type TranscriptEvent,
} from '../../src/engine/index.js';
import { loadScenario } from '../../src/engine/load.js';

const FILE = process.argv[2] ?? 'scenarios/insurance-meal-receipt.yaml';
const source = readFileSync(FILE, 'utf8');

function timeIt(label: string, runs: number, fn: () => unknown): { perSecond: number; msEach: number } {
  for (let i = 0; i < Math.min(50, runs); i++) fn(); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const result = { perSecond: (runs / ms) * 1000, msEach: ms / runs };
  console.log(
    `${label.padEnd(44)} ${result.msEach.toFixed(3).padStart(9)} ms each  ${Math.round(result.perSecond).toLocaleString('en').padStart(9)} /s`,
  );
  return result;
}

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
  `\nreplays/s on one core: ${Math.round(replays.perSecond).toLocaleString('en')} (aim ≥ 10,000): ${replays.perSecond >= 10_000 ? 'met' : 'NOT met'}`,
);

// A trainer's check of a very large scenario must stay quick: a generated 500-node call.
const large = largeScenarioYaml(500);
const checks: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = process.hrtime.bigint();
  const result = checkScenarioSource(large, 'generated-500.yaml');
  checks.push(Number(process.hrtime.bigint() - t) / 1e6);
  if (!result.ok) throw new Error('the generated scenario does not load');
}
const reportStart = process.hrtime.bigint();
const withReport = checkScenarioSource(large, 'generated-500.yaml', true);
const reportMs = Number(process.hrtime.bigint() - reportStart) / 1e6;
const checkMs = [...checks].sort((a, b) => a - b)[1] ?? 0;
console.log(
  `\nscenarios:check on a generated 500-node scenario (${(large.length / 1024).toFixed(0)} KiB): median ${checkMs.toFixed(0)} ms of ${checks.map((c) => c.toFixed(0)).join(', ')} (aim ≤ 1000 ms): ${checkMs <= 1000 ? 'met' : 'NOT met'}; paths ${withReport.summary?.paths ?? 0}${withReport.summary?.truncated ? ' (stopped at the step budget)' : ''}`,
);
console.log(
  `  with --report: ${reportMs.toFixed(0)} ms, ${withReport.report?.sampled ? `a random sample of ${withReport.report.paths} paths` : `all ${withReport.report?.paths ?? 0} paths`}`,
);
