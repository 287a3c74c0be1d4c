/** The loader on good files and on the odd inputs trainers produce. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMAT_MAX, FORMAT_MIN, lineFor, moodOf } from '../../src/engine/index.js';
import { loadScenario } from '../../src/engine/load.js';
import { PARCEL, SHIPPED } from '../support/scenarios.js';

describe('loadScenario', () => {
  it.each([PARCEL, ...SHIPPED])('loads %s with no errors', (file) => {
    const { scenario, diagnostics } = loadScenario(readFileSync(file, 'utf8'), file);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(scenario?.format).toBeGreaterThanOrEqual(FORMAT_MIN);
    expect(scenario?.format).toBeLessThanOrEqual(FORMAT_MAX);
  });

  it.each(SHIPPED)('loads the shipped %s without a single warning', (file) => {
    const { diagnostics } = loadScenario(readFileSync(file, 'utf8'), file);
    expect(diagnostics).toEqual([]);
  });

  it('fills defaults a trainer may leave out', () => {
    const { scenario } = loadScenario(readFileSync(PARCEL, 'utf8'));
    const facts = scenario?.nodes.facts;
    expect(facts?.bait).toBe(false);
    expect(facts?.responses[0]?.breaks).toEqual([]);
    expect(facts?.responses[0]?.sets).toEqual([]);
  });

  it.each([
    ['an empty file', ''],
    ['a list', '- a\n- b\n'],
    ['a bare word', 'hello'],
    ['a number', '42'],
    ['null', 'null'],
  ])('reports %s as a located error instead of throwing', (_, source) => {
    const { scenario, diagnostics } = loadScenario(source, 'x.yaml');
    expect(scenario).toBeUndefined();
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]).toMatchObject({ file: 'x.yaml', severity: 'error' });
  });

  it('suggests the closest field for a misspelt one', () => {
    const source = readFileSync(PARCEL, 'utf8').replace('  patience: 6', '  patince: 6');
    const { diagnostics } = loadScenario(source, 'p.yaml');
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['KC010', 'KC012']);
    expect(diagnostics.find((d) => d.code === 'KC012')?.hint).toBe("did you mean 'patience'?");
  });
});

describe('mood', () => {
  it('bands anger into moods, with relief needing trust', () => {
    expect(moodOf(10, 70)).toBe('relieved');
    expect(moodOf(10, 30)).toBe('calm');
    expect(moodOf(30, 30)).toBe('annoyed');
    expect(moodOf(55, 30)).toBe('angry');
    expect(moodOf(80, 30)).toBe('furious');
  });

  it('picks the line written for the mood, else the default', () => {
    const says = { default: 'plain', angry: 'loud' };
    expect(lineFor(says, 'angry')).toBe('loud');
    expect(lineFor(says, 'furious')).toBe('plain');
    expect(lineFor('only', 'calm')).toBe('only');
  });
});
