/** Debrief charts say in text everything they show in shape. */
import { describe, expect, it } from 'vitest';
import { explore, type ScoreResult } from '../../src/engine/index.js';
import { angerChart, soaringChart } from '../../src/screens/call/charts.js';
import { loadFile } from '../support/scenarios.js';

const scenario = loadFile('scenarios/insurance-meal-receipt.yaml');
const worst = explore(scenario).worst?.score as ScoreResult;
const best = explore(scenario).best?.score as ScoreResult;

describe('soaringChart', () => {
  it('draws one labelled bar per letter the call offered, with hits out of opportunities', () => {
    for (const result of [best, worst]) {
      const svg = soaringChart(result);
      const offered = Object.entries(result.letters).filter(([, s]) => s.opportunities > 0);
      expect(svg.match(/<rect/g)).toHaveLength(offered.length * 2);
      for (const [, s] of offered) expect(svg).toContain(`${s.hits} / ${s.opportunities}`);
      expect(svg).toMatch(/role="img" aria-label="SOARING: /);
    }
  });
});

describe('angerChart', () => {
  it('marks every decision with its number and names the start and end anger', () => {
    const svg = angerChart(best);
    expect(svg.match(/<circle/g)).toHaveLength(best.decisions.length);
    for (let n = 1; n <= best.decisions.length; n++) expect(svg).toContain(`>${n}</text>`);
    expect(svg).toContain(`from ${scenario.customer.anger} to ${best.timeline.at(-1)?.anger ?? -1}`);
    for (const band of ['calm', 'annoyed', 'angry', 'furious']) expect(svg).toContain(`>${band}</text>`);
  });
});
