/**
 * The largest scenario the size limit allows still loads, with every diagnostic where it was before
 * the loader was made fast on big files. Behaviour only: the timings are in `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, type Diagnostic } from '../../src/engine/diagnostics.js';
import { loadScenario } from '../../src/engine/load.js';
import { denseScenarioYaml, largestAllowedScenarioYaml } from '../bench/large-scenario.js';

const { size, yaml } = largestAllowedScenarioYaml();
const lines = yaml.split('\n');
/** 1-based line of node `i`: the generator writes one line a node, after `nodes:`. */
const nodesAt = lines.indexOf('nodes:') + 2;
const idOf = (i: number): string => /^ {2}([a-z0-9]+):/.exec(lines[nodesAt - 1 + i] ?? '')?.[1] ?? '?';

/** Where response b's id is on node i's line: KC033 points at it. */
function teachesNothing(i: number): Diagnostic {
  const line = lines[nodesAt - 1 + i] ?? '';
  return {
    code: 'KC033',
    severity: 'warning',
    file: 'largest.yaml',
    line: nodesAt + i,
    col: line.indexOf('{id: b,') + '{id: '.length + 1,
    message: "response 'b' uses no technique and breaks no don't",
    hint: 'add the SOARING letters it uses ("uses:") or the don\'ts it breaks ("breaks:") so the debrief can teach from it',
  };
}

describe('the largest scenario the size limit allows', () => {
  it('is as large as allowed: one node more is refused as too large', () => {
    expect(new TextEncoder().encode(yaml).length).toBeLessThanOrEqual(MAX_FILE_BYTES);
    expect(size).toBeGreaterThan(2_000);
    const { diagnostics } = loadScenario(denseScenarioYaml(size + 1), 'larger.yaml');
    expect(diagnostics.map((d) => d.code)).toEqual(['KC004']);
  });

  it('loads, warning at every response that teaches nothing', () => {
    const { scenario, diagnostics } = loadScenario(yaml, 'largest.yaml');
    expect(Object.keys(scenario?.nodes ?? {})).toHaveLength(size);
    const silent = Array.from({ length: size }, (_, i) => i).filter((i) => i % 11 === 10);
    expect(diagnostics).toEqual(silent.map(teachesNothing));
    expect(diagnostics).toHaveLength(185);
  });

  it('reports every node as unreachable when the call starts at the last one', () => {
    const last = idOf(size - 1);
    const { scenario, diagnostics } = loadScenario(
      yaml.replace(/^start: .*$/m, `start: ${last}`),
      'largest.yaml',
    );
    expect(scenario).toBeUndefined();
    const unreachable = diagnostics.filter((d) => d.code === 'KC030');
    expect(unreachable).toHaveLength(size - 1);
    expect(unreachable.map((d) => [d.line, d.col, d.message])).toEqual(
      Array.from({ length: size - 1 }, (_, i) => [
        nodesAt + i,
        3,
        `node '${idOf(i)}' can never be reached from '${last}'`,
      ]),
    );
    expect(diagnostics.filter((d) => d.code !== 'KC030' && d.code !== 'KC033')).toEqual([]);
  });
});
