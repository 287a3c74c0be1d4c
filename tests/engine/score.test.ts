/** Scoring rules, each checked on a hand-built call. */
import { describe, expect, it } from 'vitest';
import {
  bestResponse,
  merit,
  paths,
  replay,
  score,
  type Scenario,
  type Transcript,
} from '../../src/engine/index.js';
import { PARCEL, loadFile } from '../support/scenarios.js';

const parcel = loadFile(PARCEL);
const header = { format: 1 as const, scenario: { id: 'late-parcel', version: 3 } };

function transcript(events: Transcript['events']): Transcript {
  return { ...header, events };
}

/** A copy of the parcel scenario where the opening also calls for S, which nobody offers. */
function withUnmetOpportunity(): Scenario {
  const copy = structuredClone(parcel);
  copy.nodes.opening?.calls_for.push('S');
  return copy;
}

/** The method followed calmly: reflect, then the options, each well after the customer finishes. */
function calmBest(): Transcript {
  return transcript([
    { kind: 'choice', at: 4000, node: 'opening', response: 'reflect' },
    { kind: 'choice', at: 8000, node: 'facts', response: 'options' },
  ]);
}

describe('score', () => {
  it('gives 1000 for the method followed calmly to a resolved ending', () => {
    const r = score(parcel, calmBest());
    expect(r.total).toBe(1000);
    expect(r.letters.R).toEqual({ opportunities: 1, hits: 1, ratio: 1 });
    expect(r.letters.S).toEqual({ opportunities: 0, hits: 0, ratio: null });
  });

  it('scores letters only on the opportunities offered', () => {
    const r = score(withUnmetOpportunity(), calmBest());
    expect(r.letters.S).toEqual({ opportunities: 1, hits: 0, ratio: 0 });
    // Two letters of three met: technique is two thirds of 450.
    expect(r.parts.technique).toBe(300);
  });

  it('gives no credit for a letter used where the moment did not call for it', () => {
    const r = score(parcel, transcript([{ kind: 'choice', at: 4000, node: 'opening', response: 'reflect' }]));
    // reflect uses R and A; the opening calls only for R.
    expect(r.decisions[0]?.hits).toEqual(['R']);
    expect(r.letters.A.opportunities).toBe(0);
  });

  it('counts an answer within a second of the customer finishing as rushed, and nothing is gained by speed', () => {
    const finished = 2220;
    const calm = score(
      parcel,
      transcript([{ kind: 'choice', at: finished + 1000, node: 'opening', response: 'reflect' }]),
    );
    const rushed = score(
      parcel,
      transcript([{ kind: 'choice', at: finished + 999, node: 'opening', response: 'reflect' }]),
    );
    const slow = score(
      parcel,
      transcript([{ kind: 'choice', at: finished + 5999, node: 'opening', response: 'reflect' }]),
    );
    expect(calm.timing.rushed).toBe(0);
    expect(rushed.timing.rushed).toBe(1);
    expect(rushed.total).toBeLessThan(calm.total);
    expect(slow.total).toBe(calm.total);
  });

  it('charges each don’t broken and names the better option', () => {
    const r = score(
      parcel,
      transcript([{ kind: 'choice', at: 4000, node: 'opening', response: 'blame-courier' }]),
    );
    expect(r.donts).toEqual([{ dont: 'defensive', node: 'opening', response: 'blame-courier' }]);
    // Its only answer had a fault: no clean share of conduct, and the fault takes 15% of the rest.
    expect(r.parts.conduct).toBe(0);
    expect(r.faults).toEqual({ count: 1, factor: 0.85, penalty: r.earned - r.total });
    expect(r.total).toBe(Math.round(r.earned * 0.85));
    expect(r.decisions[0]?.better?.id).toBe('reflect');
    expect(r.decisions[0]?.feedback).toContain('blame');
  });

  it('treats naming misconduct where there is none as a mistake', () => {
    const copy = structuredClone(parcel);
    const reflect = copy.nodes.opening?.responses[0];
    if (!reflect) throw new Error('fixture changed');
    reflect.uses = ['N'];
    const r = score(copy, transcript([{ kind: 'choice', at: 4000, node: 'opening', response: 'reflect' }]));
    expect(r.donts.map((d) => d.dont)).toEqual(['early-i-message']);
    expect(r.decisions[0]?.misplacedN).toBe(true);
  });

  it('scores an unfinished call without an ending', () => {
    const r = score(parcel, transcript([{ kind: 'choice', at: 4000, node: 'opening', response: 'reflect' }]));
    expect(r.ending).toBeNull();
    expect(r.parts.outcome).toBe(0);
  });

  it('draws the anger timeline with a marker per decision', () => {
    const r = score(parcel, calmBest());
    expect(r.timeline).toEqual([
      { at: 0, anger: 50, trust: 40, decision: null },
      { at: 4000, anger: 30, trust: 55, decision: 0 },
      { at: 8000, anger: 15, trust: 75, decision: 1 },
    ]);
  });

  it('is deterministic: the same transcript always gives the same result', () => {
    for (const path of paths(parcel)) {
      const a = replay(parcel, path.transcript);
      const b = replay(structuredClone(parcel), structuredClone(path.transcript));
      expect(a).toEqual(b);
    }
  });
});

describe('best response', () => {
  it('prefers the response that meets the moment without breaking anything', () => {
    const node = parcel.nodes.opening;
    if (!node) throw new Error('fixture changed');
    expect(bestResponse(node).id).toBe('reflect');
    const [reflect, blame] = node.responses;
    if (!reflect || !blame) throw new Error('fixture changed');
    expect(merit(node, reflect)).toBeGreaterThan(merit(node, blame));
  });
});
