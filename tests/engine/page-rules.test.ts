/**
 * Rules the page shows as well as applies: the anger bands, a line's pressure, a rushed answer, the
 * bait taken, a walk-out in silence, a clean I-message. The engine exports each once; the page
 * reads them instead of keeping its own copy.
 */
import { describe, expect, it } from 'vitest';
import {
  ANGER_FROM,
  COMPOSURE,
  COOL_BELOW,
  FAULT_FACTOR,
  FAULT_PERCENT,
  angerMood,
  initialState,
  isCleanIMessage,
  linePressure,
  moodOf,
  responseWindow,
  rushedAt,
  RUSHED_MS,
  takesBait,
  walkedOutInSilence,
} from '../../src/engine/index.js';
import { loadFile } from '../support/scenarios.js';

describe('anger bands', () => {
  it('name anger from calm to furious at the band edges', () => {
    expect(angerMood(0)).toBe('calm');
    expect(angerMood(ANGER_FROM.annoyed - 1)).toBe('calm');
    expect(angerMood(ANGER_FROM.annoyed)).toBe('annoyed');
    expect(angerMood(ANGER_FROM.angry - 1)).toBe('annoyed');
    expect(angerMood(ANGER_FROM.angry)).toBe('angry');
    expect(angerMood(ANGER_FROM.furious - 1)).toBe('angry');
    expect(angerMood(ANGER_FROM.furious)).toBe('furious');
    expect(angerMood(100)).toBe('furious');
  });

  it('are the customer’s mood whenever trust does not make them relieved', () => {
    for (let anger = 0; anger <= 100; anger++) {
      expect(moodOf(anger, 0)).toBe(angerMood(anger));
      const relieved = moodOf(anger, 100);
      expect(relieved === 'relieved' || relieved === angerMood(anger)).toBe(true);
    }
  });
});

describe('a line’s pressure', () => {
  it('costs composure for bait and for misconduct, each', () => {
    expect(linePressure({ bait: false, misconduct: false })).toBe(0);
    expect(linePressure({ bait: true, misconduct: false })).toBe(COMPOSURE.pressure);
    expect(linePressure({ bait: false, misconduct: true })).toBe(COMPOSURE.pressure);
    expect(linePressure({ bait: true, misconduct: true })).toBe(2 * COMPOSURE.pressure);
  });

  it('is what the first line takes off the trainee’s composure', () => {
    const scenario = loadFile('scenarios/insurance-meal-receipt.yaml');
    const start = scenario.nodes[scenario.start];
    if (!start) throw new Error('no start node');
    expect(initialState(scenario).composure).toBe(100 - linePressure(start));
  });
});

describe('a rushed answer', () => {
  it('comes within RUSHED_MS of the customer finishing, unless a time-out came first', () => {
    const state = { breathed: false, finishedAt: 4_000 };
    expect(rushedAt(state, 4_000 + RUSHED_MS - 1)).toBe(true);
    expect(rushedAt(state, 4_000 + RUSHED_MS)).toBe(false);
    expect(rushedAt({ ...state, breathed: true }, 4_000)).toBe(false);
  });

  it('takes the bait only where the line is bait', () => {
    expect(takesBait({ bait: true }, true)).toBe(true);
    expect(takesBait({ bait: true }, false)).toBe(false);
    expect(takesBait({ bait: false }, true)).toBe(false);
  });
});

describe('the debrief’s readings of a score', () => {
  it('knows a walk-out in silence by its silence faults outnumbering its silences', () => {
    const silence = { dont: 'silence' as const, node: 'n', response: '' };
    const timing = { answers: 2, rushed: 0, silences: 1 };
    expect(walkedOutInSilence({ donts: [silence], timing })).toBe(false);
    expect(walkedOutInSilence({ donts: [silence, silence, silence], timing })).toBe(true);
  });

  it('says what each fault takes in the same terms the score applies it', () => {
    expect(FAULT_FACTOR).toBe(1 - FAULT_PERCENT / 100);
    expect(FAULT_FACTOR).toBe(0.85);
  });

  it('keeps cool below the composure where the answer window starts to shrink', () => {
    expect(responseWindow(COOL_BELOW)).toBe(1);
    expect(responseWindow(COOL_BELOW - 1)).toBeLessThan(1);
    expect(responseWindow(0)).toBe(0.5);
  });

  it('calls an I-message clean only with no flaw, where a line was crossed', () => {
    expect(isCleanIMessage({ flaws: [], misplaced: false })).toBe(true);
    expect(isCleanIMessage({ flaws: [], misplaced: true })).toBe(false);
    expect(isCleanIMessage({ flaws: ['i-message-order'], misplaced: false })).toBe(false);
  });
});
