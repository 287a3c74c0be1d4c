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
    // The toy parcel's right answer is always the longer one, and written first: blind play wins.
    expect(report.blind.map((b) => [b.strategy, b.total])).toEqual([
      ['longest', 1000],
      ['shortest', report.worst?.total],
      ['first', 1000],
      ['random', expect.any(Number) as number],
    ]);
    expect(report.warnings).toEqual([
      expect.stringMatching(/^a blind strategy wins: always the longest answer scores 1000/),
      expect.stringMatching(/^a blind strategy wins: always the first answer written scores 1000/),
    ]);
  });

  it('agrees with the check’s summary on paths and score range, because both read one walk', async () => {
    const { checkScenarioSource } = await import('../../src/cli/check.js');
    const { readFileSync } = await import('node:fs');
    for (const file of [PARCEL, 'scenarios/insurance-meal-receipt.yaml']) {
      const checked = checkScenarioSource(readFileSync(file, 'utf8'), file, true);
      expect(checked.report?.paths).toBe(checked.summary?.paths);
      expect(checked.report?.sampled).toBe(checked.summary?.truncated);
      expect(checked.report?.best?.total).toBe(checked.summary?.best);
      expect(checked.report?.worst?.total).toBe(checked.summary?.worst);
    }
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
    const warnings = scenarioReport(flattering, { blind: [] }).warnings;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^a path that ends 'escalates' \(escalated\) scores \d+/);
  });

  it('warns where a don’t pays: a mistake and its recovery beat a clean but empty answer', () => {
    // Before it was mended: the refund counter offered no chance to show care, so quick and
    // correct (missing her distress) scored below a checklist of questions followed by an apology.
    const copy = structuredClone(loadFile('scenarios/fine-whatever.yaml'));
    const refund = copy.nodes['the-refund'];
    if (!refund) throw new Error('fixture changed');
    refund.calls_for = ['G'];
    for (const r of refund.responses) r.uses = r.uses.filter((l) => l !== 'I');
    const warnings = scenarioReport(copy, { blind: [] }).warnings;
    expect(warnings).toEqual([
      expect.stringMatching(
        /^a don't pays at 'its-fine': its-fine\/questions-first \(interrogating\) then the better options scores \d+, more than its-fine\/take-the-word \(clean\)/,
      ),
    ]);
    // As shipped, no mistake pays.
    expect(scenarioReport(loadFile('scenarios/fine-whatever.yaml')).warnings).toEqual([]);
  });

  it('names both paths when a path with faults beats a clean one', () => {
    // Reflecting now misses the moment and ends the call with Sam walking away; blaming the courier
    // three ways over still goes on to the facts and a partly happy ending.
    const copy = structuredClone(parcel);
    const opening = copy.nodes.opening;
    if (!opening) throw new Error('fixture changed');
    for (const r of opening.responses) {
      if (r.id === 'reflect') Object.assign(r, { uses: ['A'], next: 'walks-away' });
      if (r.id === 'blame-courier')
        Object.assign(r, { breaks: ['defensive', 'argue', 'tell-wrong'], next: 'facts' });
    }
    const warnings = scenarioReport(copy, { blind: [] }).warnings;
    const beat = warnings.find((w) => w.startsWith('a bad path beats a clean path'));
    expect(beat).toContain('opening/blame-courier');
    expect(beat).toContain('opening/reflect');
    expect(beat).toMatch(
      /\(3 faults, ends 'partly'\) scores \d+, more than opening\/reflect \(no fault, ends 'walks-away'\)/,
    );
  });
});
