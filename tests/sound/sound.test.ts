/** Which moments of a call play which sounds, and the captions they leave (silent audio, in Node). */
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { initialState, startCall, step, type Scenario, type StepRecord } from '../../src/engine/index.js';
import { CUES, captionFor, cuesForRecord, incomingCue } from '../../src/sound/cues.js';
import { callSounds } from '../../src/sound/director.js';
import { SilentAudio } from '../../src/sound/service.js';
import sprite from '../../src/sound/sprite.json';
import { PARCEL, loadFile } from '../support/scenarios.js';

const parcel = loadFile(PARCEL);
const flagship = loadFile('scenarios/insurance-meal-receipt.yaml');
const caller = loadFile('tests/fixtures/scenarios/swearing-caller.yaml');

/** The record of one calm answer from the start of a scenario. */
function answer(scenario: Scenario, response: string): StepRecord {
  const start = initialState(scenario);
  const result = step(scenario, start, {
    kind: 'choice',
    at: start.finishedAt + 1500,
    node: scenario.start,
    response,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.record;
}

describe('cues', () => {
  it('every cue is in the generated sprite, and the ambience loops', () => {
    expect(Object.keys(sprite).sort()).toEqual([...CUES].sort());
    expect(sprite.ambience[2]).toBe(true);
  });

  it('a call comes in with a ring on the phone and in a chat, the bell at a counter', () => {
    expect(incomingCue(parcel)).toBe('ring');
    expect(incomingCue(flagship)).toBe('bell');
  });

  it('anger rising plays a sting and, across a mood band, the customer’s reaction', () => {
    // Parcel: anger 50 (annoyed); blaming the courier adds 25 → 75 (angry).
    expect(cuesForRecord(parcel, answer(parcel, 'blame-courier'))).toEqual(['hotter', 'huff']);
    // In a chat nobody hears a huff: the sting stays, the body's sound goes.
    const chat = { ...parcel, setting: 'chat' as const };
    expect(cuesForRecord(chat, answer(chat, 'blame-courier'))).toEqual(['hotter']);
    // Reflecting takes 20 off: 30, still annoyed. Calming short of relief: the sting alone.
    expect(cuesForRecord(parcel, answer(parcel, 'reflect'))).toEqual(['calmer']);
  });

  it('small changes are quiet, and a time-out makes no sound of the customer’s', () => {
    const start = initialState(caller);
    const timeout = step(caller, start, { kind: 'timeout', at: 100, node: 'complaint', thought: 'his-day' });
    if (!timeout.ok) throw new Error(timeout.reason);
    expect(cuesForRecord(caller, timeout.record)).toEqual([]);
    // Reflect at the complaint: anger −5, at the edge of "small".
    expect(cuesForRecord(caller, answer(caller, 'reflect'))).toEqual(['calmer']);
  });

  it('the ending has its own cue: settled, hung up on the phone, walked out at the counter', () => {
    const clock = new SimulatedClock();
    const call = startCall(parcel, { clock });
    clock.set(call.state.finishedAt + 1500);
    call.choose('reflect');
    clock.set(call.state.finishedAt + 1500);
    call.choose('options');
    expect(cuesForRecord(parcel, call.records.at(-1) as StepRecord)).toEqual(['resolved']);
    call.stop();

    const phone = startCall(caller, { clock: new SimulatedClock() });
    const hungUp = step(
      caller,
      { ...phone.state, node: 'insult-again', anger: 90 },
      {
        kind: 'choice',
        at: phone.state.finishedAt + 1500,
        node: 'insult-again',
        response: 'wait',
      },
    );
    if (!hungUp.ok) throw new Error(hungUp.reason);
    expect(cuesForRecord(caller, hungUp.record)).toEqual(['hangup']);
    phone.stop();
    const counter = { ...caller, setting: 'counter' as const };
    expect(cuesForRecord(counter, hungUp.record)).toEqual(['escalation']);
  });

  it('captions say what would be heard; interface clicks have none', () => {
    expect(captionFor('sigh', 'Rosa Delgado')).toBe('Rosa Delgado sighs.');
    expect(captionFor('hangup', 'Sam')).toBe('The line goes dead.');
    expect(captionFor('select', 'Sam')).toBeNull();
    expect(captionFor('ambience', 'Sam')).toBeNull();
  });
});

describe('a call’s sounds', () => {
  it('connects, keeps the room going, ducks it while the customer speaks, and captions each sound', () => {
    const audio = new SilentAudio();
    const captions: string[] = [];
    const clock = new SimulatedClock();
    const call = startCall(parcel, { clock });
    const sounds = callSounds(parcel, audio, (text) => captions.push(text));
    expect(audio.played).toEqual(['connect']);
    expect(audio.ambienceOn).toBe(true);
    sounds.speaking(true);
    expect(audio.ducked).toBe(true);
    sounds.speaking(false);
    expect(audio.ducked).toBe(false);

    // Silence past patience: anger +20 (50 → 70, annoyed → angry).
    clock.increment(call.state.deadline);
    sounds.step(call.records[0] as StepRecord);
    expect(audio.played).toEqual(['connect', 'hotter', 'huff']);
    expect(captions).toEqual(['You are connected.', 'Sam Ortiz huffs.']);

    clock.set(call.state.finishedAt + 1500);
    call.choose('reflect');
    clock.set(call.state.finishedAt + 1500);
    call.choose('options');
    for (const record of call.records.slice(1)) sounds.step(record);
    expect(audio.played.at(-1)).toBe('resolved');
    expect(audio.ambienceOn).toBe(false);
    expect(captions.at(-1)).toBe('A warm goodbye.');
    sounds.end();
    expect(audio.ambienceOn).toBe(false);
    call.stop();
  });

  it('the silent service is unlocked by the first gesture and reports it once', () => {
    const audio = new SilentAudio();
    const states: string[] = [];
    audio.onState((s) => states.push(s));
    expect(audio.state).toBe('locked');
    audio.unlock();
    audio.unlock();
    expect(states).toEqual(['running']);
  });
});
