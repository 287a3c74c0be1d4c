/** Ids are data: names a JavaScript object already answers to work like any other id, everywhere. */
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  explore,
  replay,
  rewindTo,
  scenarioReport,
  startCall,
  toDot,
  toMermaid,
  typicalMoods,
  type Scenario,
} from '../../src/engine/index.js';
import { dictionary, hasOwn, own } from '../../src/engine/own.js';
import { loadFile } from '../support/scenarios.js';

const ids = loadFile('tests/fixtures/scenarios/prototype-ids.yaml');
const endingIds = loadFile('tests/fixtures/scenarios/constructor-ending.yaml');
/** As the game and the server see a scenario after JSON: plain objects with a prototype. */
const asJson = (s: Scenario) => JSON.parse(JSON.stringify(s)) as Scenario;

describe('own-property lookups', () => {
  it('answer only for keys the map holds itself', () => {
    const plain: Record<string, number> = { a: 1 };
    expect(own(plain, 'a')).toBe(1);
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(own(plain, key)).toBeUndefined();
      expect(hasOwn(plain, key)).toBe(false);
    }
  });

  it('a dictionary keeps __proto__ as an ordinary key', () => {
    const map = dictionary([
      ['__proto__', 1],
      ['constructor', 2],
    ]);
    expect(Object.getPrototypeOf(map)).toBeNull();
    expect(Object.keys(map)).toEqual(['__proto__', 'constructor']);
    expect(own(map, '__proto__')).toBe(1);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('a scenario whose ids are named constructor', () => {
  it('loads with node and ending maps that have no prototype', () => {
    expect(Object.getPrototypeOf(ids.nodes)).toBeNull();
    expect(Object.getPrototypeOf(ids.endings)).toBeNull();
    expect(Object.keys(ids.nodes)).toEqual(['opening', 'constructor']);
  });

  it.each([
    ['as loaded', ids],
    ['after JSON', asJson(ids)],
  ])('explores every path to a finite whole score (%s)', (_, scenario) => {
    const found = explore(scenario);
    expect(found.paths).toBe(6);
    for (const end of [found.best, found.worst]) expect(Number.isInteger(end?.score.total)).toBe(true);
    expect(found.best?.score.ending?.id).toBe('sorted');
    expect(Object.keys(found.endings).sort()).toEqual(['gone', 'partly', 'sorted']);
  });

  it('plays live through the compiled machine: node constructor, flag, thought and piece', () => {
    const clock = new SimulatedClock();
    const call = startCall(asJson(ids), { clock });
    clock.increment(4735);
    expect(call.choose('constructor')).toEqual({ ok: true });
    expect(call.state).toMatchObject({ node: 'constructor', ending: null, flags: ['constructor'] });
    const timeOut = call.timeOut();
    expect(timeOut.ok && timeOut.thoughts.map((t) => t.id).sort()).toEqual(['constructor', 'value-of']);
    expect(call.think('constructor')).toEqual({ ok: true });
    expect(call.sayIMessage(['constructor', 'to-string', 'has-own-property', 'proto'])).toEqual({
      ok: true,
    });
    expect(call.ended).toBe(true);
    expect(call.result().ending?.id).toBe('sorted');
    expect(Number.isInteger(call.result().total)).toBe(true);
    const again = startCall(ids, { clock, restore: rewindTo(ids, call.transcript(), 1) });
    expect(again.state.node).toBe('constructor');
    call.stop();
    again.stop();
  });

  it('draws its diagram and reports on it', () => {
    const moods = typicalMoods(ids);
    expect(Object.keys(moods)).toEqual(['opening', 'constructor']);
    expect(toMermaid(ids)).toContain('["constructor"]:::');
    expect(toDot(ids)).toContain('"constructor" [label="constructor\\n(');
    const report = scenarioReport(asJson(ids));
    expect(report.endings.map((e) => e.id)).toEqual(['sorted', 'partly', 'gone']);
  });

  it('ends at an ending called constructor, by an answer and by anger running out', () => {
    for (const scenario of [endingIds, asJson(endingIds)]) {
      expect(explore(scenario).endings.constructor).toBe(1);
      const result = replay(scenario, {
        format: 2,
        scenario: { id: 'ending-ids', version: 1 },
        events: [{ kind: 'choice', at: 3160, node: 'opening', response: 'threaten' }],
      });
      expect(result.ok && result.result.ending).toMatchObject({ id: 'constructor', kind: 'hung-up' });
      // Scoring v2: one considered answer (timing 100), no clean answer, one fault: round(100 × 0.85).
      expect(result.ok && result.result.total).toBe(85);
    }
  });
});
