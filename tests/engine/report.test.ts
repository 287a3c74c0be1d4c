/** The trainer's report: where paths end, best and worst, letter ranges, escalation, warnings. */
import { describe, expect, it } from 'vitest';
import { explore, scenarioReport, type Scenario } from '../../src/engine/index.js';
import { PARCEL, loadFile } from '../support/scenarios.js';

const parcel = loadFile(PARCEL);
const flagship = loadFile('scenarios/insurance-meal-receipt.yaml');

describe('scenarioReport', () => {
  it('walks every path of a small scenario and agrees with path exploration', () => {
    const report = scenarioReport(parcel);
    const exploration = explore(parcel);
    expect(report.sampled).toBe(false);
    expect(report.paths).toBe(exploration.paths);
    expect(Object.fromEntries(report.endings.map((e) => [e.id, e.paths]))).toEqual({
      sorted: exploration.endings.sorted ?? 0,
      partly: exploration.endings.partly ?? 0,
      escalates: exploration.endings.escalates ?? 0,
      'walks-away': exploration.endings['walks-away'] ?? 0,
    });
    expect(report.endings.reduce((s, e) => s + e.share, 0)).toBeCloseTo(1);
    expect(report.best?.total).toBe(exploration.best?.score.total);
    expect(report.worst?.total).toBe(exploration.worst?.score.total);
    expect(report.best?.answers[0]).toBe('opening/reflect');
    expect(report.letters.R).toEqual({ min: 0, max: 1 });
    expect(report.letters.S).toBeUndefined();
    // Quoting policy at the facts escalates every path through it, and more paths pass there than
    // through the threat at the shouting.
    expect(report.escalation?.answer).toBe('facts/policy');
    expect(report.escalation?.share).toBe(1);
    expect(report.escalation?.paths).toBeGreaterThan(1);
    expect(report.warnings).toEqual([]);
  });

  it('samples random paths when there are too many, and says so', () => {
    const report = scenarioReport(flagship, { limit: 100, samples: 400, seed: 3 });
    expect(report.sampled).toBe(true);
    expect(report.paths).toBe(400);
    expect(report).toEqual(scenarioReport(flagship, { limit: 100, samples: 400, seed: 3 }));
  });

  it('warns when the scoring lets a bad path win', () => {
    // The same parcel, but escalating leaves the customer delighted and quoting policy counts as
    // going to the facts: a path that ends in escalation now scores like a good call.
    const generous: Scenario = {
      ...parcel,
      endings: {
        ...parcel.endings,
        escalates: {
          ...(parcel.endings.escalates as Scenario['endings'][string]),
          gratitude: 4,
          recommit: 4,
        },
      },
    };
    const flattering: Scenario = {
      ...generous,
      nodes: {
        ...generous.nodes,
        facts: {
          ...(generous.nodes.facts as Scenario['nodes'][string]),
          responses: (generous.nodes.facts as Scenario['nodes'][string]).responses.map((r) =>
            r.id === 'policy' ? { ...r, breaks: [], uses: ['G' as const] } : r,
          ),
        },
      },
    };
    const warnings = scenarioReport(flattering).warnings;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^a path that ends 'escalates' \(escalated\) scores \d+/);
  });
});
