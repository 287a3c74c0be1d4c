/** Generated scenarios for benchmarks and the large-file test: long calls where every answer goes on. */
import { MAX_FILE_BYTES } from '../../src/engine/diagnostics.js';

const HEADER = [
  'format: 2',
  'id: generated-large',
  'version: 1',
  'title: A very long call',
  'summary: Generated for the benchmark.',
  'setting: phone',
  'difficulty: hard',
  'minutes: 60',
  'goals: [Stay with it]',
  'customer:',
  '  name: Generated Customer',
  '  persona: Patient, but only so far.',
  '  appearance: adult-30s',
  '  anger: 40',
  '  trust: 40',
  '  patience: 30',
  'start: n0',
  'at_max_anger: gone',
];

const ENDINGS = [
  'endings:',
  '  done:',
  '    kind: resolved',
  '    gratitude: 3',
  '    recommit: 3',
  '    cost: 0',
  '    narrative: The long call ends well.',
  '  gone:',
  '    kind: hung-up',
  '    gratitude: 0',
  '    recommit: 0',
  '    cost: 100',
  '    narrative: The customer gives up.',
];

/** A generated scenario of `size` nodes in block style, about 450 bytes a node. */
export function largeScenarioYaml(size: number): string {
  const lines = [...HEADER, 'nodes:'];
  for (let i = 0; i < size; i++) {
    const next = i + 1 < size ? `n${i + 1}` : 'done';
    lines.push(
      `  n${i}:`,
      `    says: Line ${i} of a long complaint, with a little more to say each time.`,
      '    calls_for: [R]',
      '    responses:',
      '      - id: reflect',
      `        says: Reflecting moment ${i}.`,
      '        uses: [R]',
      '        anger: -1',
      '        feedback: Reflecting keeps the customer with you.',
      `        next: ${next}`,
      '      - id: argue',
      `        says: Arguing at moment ${i}.`,
      '        breaks: [argue]',
      '        anger: 3',
      '        feedback: Arguing pushes the customer away.',
      `        next: ${next}`,
    );
  }
  lines.push(...ENDINGS);
  return `${lines.join('\n')}\n`;
}

/** Short node ids: a letter, then base-36 digits (a, b, …, z, a0, a1, …). */
function shortId(i: number): string {
  const letter = String.fromCharCode(97 + (i % 26));
  return i < 26 ? letter : `${letter}${Math.floor(i / 26 - 1).toString(36)}`;
}

/**
 * A generated scenario of `size` nodes written densely, one line of about 130 bytes a node, so that
 * 2,000 nodes fit under the size limit. Every 25th node branches on a flag the node before it sets,
 * and every eleventh node has a response that teaches nothing (a KC033 warning), so the analysis
 * has conditions, flags and warnings to work through.
 */
export function denseScenarioYaml(size: number): string {
  const id = (i: number) => (i < size ? shortId(i) : 'done');
  const lines = [...HEADER.map((l) => (l === 'start: n0' ? `start: ${id(0)}` : l)), 'nodes:'];
  for (let i = 0; i < size; i++) {
    const next = id(i + 1);
    const sets = i % 25 === 24 ? ',sets: [f]' : '';
    const branched = i % 25 === 0 && i > 0 ? `[{when: {flag: f},goto: ${next}},{goto: ${next}}]` : next;
    const teaches = i % 11 === 10 ? '' : i % 2 === 0 ? ',breaks: [argue]' : ',uses: [S]';
    lines.push(
      `  ${id(i)}: {says: L,responses: [{id: a,says: X,feedback: G,uses: [R]${sets},next: ${branched}},{id: b,says: N,feedback: B${teaches},next: ${next}}]}`,
    );
  }
  lines.push(...ENDINGS);
  return `${lines.join('\n')}\n`;
}

/** The dense scenario with as many nodes as the size limit (MAX_FILE_BYTES) allows. */
export function largestAllowedScenarioYaml(): { size: number; yaml: string } {
  let low = 1;
  let high = 10_000;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (Buffer.byteLength(denseScenarioYaml(mid)) <= MAX_FILE_BYTES) low = mid;
    else high = mid - 1;
  }
  return { size: low, yaml: denseScenarioYaml(low) };
}
