/** The page's words in the trainee's language: texts the engine hands over, shown translated. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fill, replay, type Scenario } from '../../src/engine/index.js';
import { shownResult } from '../../src/engine/shown-result.js';
import { asWritten, textShower } from '../../src/engine/shown-text.js';
import { scenarioStrings } from '../../src/engine/strings.js';
import { textHash } from '../../src/engine/text-hash.js';
import { Translation, translatedScenario } from '../../src/engine/translation.js';
import { loadFile } from '../support/scenarios.js';

const library = loadFile('scenarios/routine-lost-library-card.yaml');
const spanish = Translation.parse(
  parse(readFileSync('scenarios/translations/es/routine-lost-library-card.yaml', 'utf8')),
);

describe('textShower', () => {
  it('shows each text of the scenario as its translation, and anything else as it is', () => {
    const show = textShower(library, spanish);
    const copy = translatedScenario(library, spanish);
    expect(show(library.title)).toBe(copy.title);
    expect(show(library.nodes['hello']?.responses[2]?.says ?? '')).toBe(
      copy.nodes['hello']?.responses[2]?.says,
    );
    expect(show('Take a time-out')).toBe('Take a time-out');
    expect(textShower(library, undefined)).toBe(asWritten);
  });

  it('recognises a line with its {name}s filled, and fills the translation with the same numbers', () => {
    const gym: Scenario = loadFile('scenarios/the-gym-that-kept-charging.yaml');
    const slip = scenarioStrings(gym).find((s) => s.id === 'nodes.the-slip.says.default');
    if (!slip) throw new Error('no slip line');
    const translation: Translation = {
      language: 'es',
      scenario: gym.id,
      strings: {
        [slip.id]: { text: 'Me han cobrado {months} cuotas desde entonces.', source: textHash(slip.text) },
      },
    };
    const show = textShower(gym, translation);
    expect(show(fill(slip.text, { months: 4 }))).toBe('Me han cobrado 4 cuotas desde entonces.');
    expect(show(fill(slip.text, { months: 42.5 }))).toBe('Me han cobrado 42.50 cuotas desde entonces.');
    expect(show(slip.text.replace('{months}', 'several'))).toBe(slip.text.replace('{months}', 'several'));
  });
});

describe('shownResult', () => {
  it('keeps every number of a score and shows its scenario texts translated', () => {
    const fixture = JSON.parse(
      readFileSync('tests/fixtures/calls/library-card-braced-for-a-fight.json', 'utf8'),
    ) as {
      transcript: unknown;
    };
    const played = replay(library, fixture.transcript);
    if (!played.ok) throw new Error(played.reason);
    const shown = shownResult(played.result, textShower(library, spanish));
    const numbers = (r: typeof shown) =>
      JSON.stringify(r, (_, v: unknown) => (typeof v === 'string' ? '' : v));
    expect(numbers(shown)).toBe(numbers(played.result));
    expect(shown.ending?.narrative).toMatch(/^Margit /);
    expect(shown.decisions[0]?.says).toMatch(/^El duplicado del carné/);
    expect(shown.decisions[0]?.feedback).toMatch(/^Has respondido a una pelea/);
    expect(shown.decisions[0]?.better?.says).toMatch(/^¡Buenos días!/);
    expect(shown.decisions.map((d) => d.response)).toEqual(played.result.decisions.map((d) => d.response));
  });
});
