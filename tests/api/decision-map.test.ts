/** The room's decision map, computed in Node from stored runs with no server (src/api/decision-map.ts). */
import { describe, expect, it } from 'vitest';
import type { Scenario, Transcript } from '../../src/engine/index.js';
import {
  buildDecisionMap,
  callDecisions,
  latestRuns,
  shares,
  viewMap,
  type MapRun,
} from '../../src/api/decision-map.js';
import { RoomMap } from '../../src/api/map-replies.js';
import { LIBRARY, golden, typedTranscript } from '../support/workshop.js';
import { loadFile } from '../support/scenarios.js';

const DENTED = LIBRARY.find((s) => s.id === 'dented-shelves') as Scenario;
const PLAYS = [
  'dented-shelves-argued-then-listened',
  'dented-shelves-tell-me-about-it',
  'dented-shelves-we-would-never',
  'dented-shelves-we-would-never',
] as const;

/** Player i plays PLAYS[i] (as "Player i"), finishing at second i. */
function runsOf(plays: readonly string[], change: (t: Transcript) => Transcript = (t) => t): MapRun[] {
  return plays.map((name, i) => ({
    run: `run-${i}`,
    player: `player-${i}`,
    nickname: `Player ${i}`,
    scenario: 'dented-shelves',
    finishedAt: 1000 * i,
    transcript: change(golden(name).transcript),
  }));
}

function mapOf(runs: MapRun[], answers: 'pick' | 'type' = 'pick', scenarios: Scenario[] = [DENTED]) {
  return buildDecisionMap({ room: 'K7PX3M', revision: 3, answers, scenarios, runs });
}

describe('the decision map', () => {
  it('gives each moment the room reached, in the order the room reached them, with shares adding up to 100', () => {
    const map = viewMap(mapOf(runsOf(PLAYS)), { names: false });
    expect(RoomMap.parse(map)).toEqual(map);
    const [dented] = map.scenarios;
    expect(dented?.players).toBe(4);
    expect(dented?.moments.map((m) => m.node)).toEqual(['the-refusal', 'proof', 'the-photos']);
    expect(dented?.moments.map((m) => m.reached)).toEqual([4, 3, 2]);
    for (const moment of dented?.moments ?? []) {
      expect(moment.answers.reduce((sum, a) => sum + a.share, 0)).toBe(100);
      expect(moment.answers.reduce((sum, a) => sum + a.count, 0)).toBe(moment.reached);
      // Exactly one best answer, and every written answer listed (an answer nobody chose at 0%).
      expect(moment.answers.filter((a) => a.best)).toHaveLength(1);
      expect(moment.answers.filter((a) => a.kind === 'response')).toHaveLength(
        DENTED.nodes[moment.node]?.responses.length ?? -1,
      );
    }
    const refusal = dented?.moments[0];
    expect(refusal?.answers.map((a) => [a.id, a.count, a.share])).toEqual([
      ['policy-right', 1, 25],
      ['explain-cosmetic', 0, 0],
      ['reflect-apologize', 1, 25],
      ['never', 2, 50],
    ]);
    expect(refusal?.bestAnswer).toBe('reflect-apologize');
    expect(refusal?.bestLetters).toEqual(['R', 'I']);
    // Three players at one moment: 33 + 33 + 34, never 99.
    expect(dented?.moments[1]?.answers.map((a) => a.share)).toEqual([0, 67, 33]);
  });

  it('splits any counts into whole percents that add up to exactly 100', () => {
    expect(shares([1, 1, 1], 3)).toEqual([34, 33, 33]);
    expect(shares([1, 0, 2], 3)).toEqual([33, 0, 67]);
    expect(shares([1, 1, 1, 1, 1, 1, 1], 7).reduce((a, b) => a + b)).toBe(100);
    expect(shares([0, 0], 0)).toEqual([0, 0]);
  });

  it('names the most common mistake: a don’t first on a tie, else the most chosen weaker answer', () => {
    const [dented] = viewMap(mapOf(runsOf(PLAYS)), { names: false }).scenarios;
    // Two of four said "we would never": it tells the customer they are wrong (ahead of its other don't).
    expect(dented?.moments[0]?.mistake).toEqual({ kind: 'dont', dont: 'tell-wrong', count: 2, share: 50 });
    expect(dented?.moments[2]?.mistake).toBeNull();
    // Where the weaker answer breaks no don't, the answer itself is the mistake.
    const quiet = structuredClone(DENTED);
    const never = quiet.nodes['the-refusal']?.responses.find((r) => r.id === 'never');
    if (!never) throw new Error('the dented shelves has "never"');
    never.breaks = [];
    const [mild] = viewMap(mapOf(runsOf(PLAYS), 'pick', [quiet]), { names: false }).scenarios;
    expect(mild?.moments[0]?.mistake).toMatchObject({ kind: 'answer', answer: 'never', count: 2, share: 50 });
  });

  it('finds where the room’s anger peaked: the moment with the highest mean anger after the answers', () => {
    const [dented] = viewMap(mapOf(runsOf(PLAYS)), { names: false }).scenarios;
    const afters = dented?.moments.map((m) => m.anger.after) ?? [];
    expect(dented?.peak).toBe('proof');
    expect(Math.max(...afters)).toBe(dented?.moments.find((m) => m.node === 'proof')?.anger.after);
    // Each mean is taken over the players who reached the moment, from the replayed calls.
    const arrivals = runsOf(PLAYS).map((r) => callDecisions(DENTED, r.transcript)?.[0]?.angerBefore);
    expect(dented?.moments[0]?.anger.before).toBe(DENTED.customer.anger);
    expect(new Set(arrivals)).toEqual(new Set([DENTED.customer.anger]));
  });

  it('shows nicknames only when asked, and marks only the asking player’s own answers', () => {
    const map = mapOf(runsOf(PLAYS));
    const hidden = viewMap(map, { names: false });
    expect(JSON.stringify(hidden)).not.toContain('Player ');
    expect(hidden.names).toBe(false);
    expect(hidden.scenarios[0]?.moments.flatMap((m) => m.answers).some((a) => 'names' in a)).toBe(false);
    expect(JSON.stringify(hidden)).not.toContain('"mine"');

    const shown = viewMap(map, { names: true });
    expect(shown.scenarios[0]?.moments[0]?.answers.find((a) => a.id === 'never')?.names).toEqual([
      'Player 2',
      'Player 3',
    ]);

    const mine = viewMap(map, { names: false, player: 'player-1' });
    const marked = mine.scenarios[0]?.moments.map((m) => m.answers.filter((a) => a.mine).map((a) => a.id));
    // Player 1 told-me-about-it: the best answer at the refusal, then both at the photos; not at proof.
    expect(marked).toEqual([['reflect-apologize'], [], ['both']]);
    expect(JSON.stringify(mine)).not.toContain('Player ');
  });

  it('counts each player’s latest run of a call, whatever order the runs come in', () => {
    const first = runsOf(['dented-shelves-we-would-never']);
    const again = runsOf(['dented-shelves-tell-me-about-it']).map((r) => ({
      ...r,
      run: 'run-9',
      finishedAt: 5000,
    }));
    expect(latestRuns([...again, ...first]).map((r) => r.run)).toEqual(['run-9']);
    const forwards = viewMap(mapOf([...first, ...again]), { names: true });
    const backwards = viewMap(mapOf([...again, ...first]), { names: true });
    expect(backwards).toEqual(forwards);
    expect(forwards.scenarios[0]?.players).toBe(1);
    expect(forwards.scenarios[0]?.moments[0]?.answers.find((a) => a.count === 1)?.id).toBe(
      'reflect-apologize',
    );
  });

  it('leaves out a run that does not replay, and a call nobody played has no moments', () => {
    const broken = {
      ...runsOf(['dented-shelves-tell-me-about-it'])[0],
      player: 'x',
      transcript: { nope: 1 },
    } as MapRun;
    const other = LIBRARY.find((s) => s.id === 'insurance-meal-receipt') as Scenario;
    const map = viewMap(mapOf([...runsOf(PLAYS), broken], 'pick', [DENTED, other]), { names: false });
    expect(map.scenarios.map((s) => [s.id, s.players, s.moments.length, s.peak])).toEqual([
      ['dented-shelves', 4, 3, 'proof'],
      ['insurance-meal-receipt', 0, 0, null],
    ]);
  });

  it('maps a typed room by the moves and don’ts heard, with each player’s own words only for them', () => {
    const runs = runsOf(PLAYS, (t) => typedTranscript(t));
    const map = viewMap(mapOf(runs, 'type'), { names: false, player: 'player-1' });
    const refusal = map.scenarios[0]?.moments[0];
    expect(refusal?.moves.length).toBeGreaterThan(0);
    for (const move of refusal?.moves ?? []) expect(move.share).toBe(Math.round((100 * move.count) / 4));
    // Most heard first.
    const counts = refusal?.moves.map((m) => m.count) ?? [];
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // The answers are the written ones the words came closest to; they still add up.
    expect(refusal?.answers.reduce((sum, a) => sum + a.share, 0)).toBe(100);
    // In a typed room a move nobody made can be the mistake.
    expect(['dont', 'missed']).toContain(refusal?.mistake?.kind);
    const said = DENTED.nodes['the-refusal']?.responses.find((r) => r.id === 'reflect-apologize')?.says;
    expect(refusal?.myWords).toBe(said);
    // Nobody else's words travel.
    const others = viewMap(mapOf(runs, 'type'), { names: true });
    expect(JSON.stringify(others)).not.toContain('myWords');
  });

  it('takes `constructor` as a node, response, piece and scenario id like any other', () => {
    const scenario = loadFile('tests/fixtures/scenarios/prototype-ids.yaml');
    const runs = ['prototype-ids-flag-branch', 'prototype-ids-time-out-then-i-message'].map((name, i) => ({
      run: `r${i}`,
      player: `p${i}`,
      nickname: i === 0 ? 'constructor' : '__proto__',
      scenario: 'constructor',
      finishedAt: i,
      transcript: golden(name).transcript,
    }));
    const map = viewMap(mapOf(runs, 'pick', [scenario]), { names: true, player: 'p0' });
    expect(RoomMap.parse(map)).toEqual(map);
    const [call] = map.scenarios;
    expect(call?.moments.map((m) => m.key)).toEqual(['constructor/opening', 'constructor/constructor']);
    const named = call?.moments[1];
    expect(named?.answers.map((a) => [a.id, a.count])).toContainEqual(['constructor', 1]);
    // The assembled I-message is listed as its own answer, and the time-out is no answer at all.
    expect(named?.answers.find((a) => a.kind === 'i-message')?.count).toBe(1);
    expect(named?.reached).toBe(2);
    expect(named?.answers.find((a) => a.id === 'constructor')?.names).toEqual(['constructor']);
    expect(named?.answers.find((a) => a.id === 'constructor')?.mine).toBe(true);
  });
});
