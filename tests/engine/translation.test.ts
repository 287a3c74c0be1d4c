/** Scenario translations: stable ids, fingerprints, the translated copy, and the shipped Spanish files. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineAt, moodOf, replay, scoreRecords } from '../../src/engine/index.js';
import { loadScenario } from '../../src/engine/load.js';
import type { Scenario } from '../../src/engine/schema.js';
import { placeholders, scenarioStrings } from '../../src/engine/strings.js';
import { textHash } from '../../src/engine/text-hash.js';
import { translatedScenario, translationStatus, type Translation } from '../../src/engine/translation.js';
import { loadTranslationDir } from '../../src/scenario-files/translations.js';
import { SHIPPED, loadFile } from '../support/scenarios.js';

const FLAGSHIP = 'scenarios/insurance-meal-receipt.yaml';
const flagshipText = readFileSync(FLAGSHIP, 'utf8');
const flagship = loadFile(FLAGSHIP);
const scenarios = SHIPPED.map(loadFile);
const shipped = loadTranslationDir('scenarios/translations', scenarios);

function loaded(text: string): Scenario {
  const { scenario, diagnostics } = loadScenario(text, 'edited.yaml');
  if (!scenario) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return scenario;
}

/** A translation that writes `text` for every string of `source`. */
function everyString(source: Scenario, text: string): Translation {
  const strings = Object.fromEntries(
    scenarioStrings(source).map((s) => [s.id, { text, source: '00000000' }]),
  );
  return { language: 'xx', scenario: source.id, strings };
}

function spanish(id: string): Translation {
  const found = shipped.translations.find(
    (t) => t.translation.scenario === id && t.translation.language === 'es',
  );
  if (!found) throw new Error(`no Spanish translation of ${id}`);
  return found.translation;
}

describe('string ids', () => {
  it('are unique and name where each text is', () => {
    for (const scenario of scenarios) {
      const ids = scenarioStrings(scenario).map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const ids = scenarioStrings(flagship).map((s) => s.id);
    expect(ids).toContain('nodes.arrival.says');
    expect(ids).toContain('nodes.day-of-fire.says.angry');
    expect(ids).toContain('nodes.arrival.responses.listen-first.feedback');
    expect(ids).toContain('i_message.feeling.feel-shaken');
    expect(ids).toContain('thoughts.unhelpful.padding');
    expect(ids).toContain('endings.corporate-office.narrative');
    // Paraphrases serve the English understanding model: they are not translated.
    expect(ids.some((id) => id.includes('paraphrases'))).toBe(false);
  });

  it('stay the same when a text is edited, and the edited one turns stale', () => {
    const edited = loaded(flagshipText.replace('Fifty percent. There are', 'Half. There are'));
    expect(scenarioStrings(edited).map((s) => s.id)).toEqual(scenarioStrings(flagship).map((s) => s.id));
    const status = translationStatus(edited, spanish(flagship.id));
    expect([...status].filter(([, s]) => s !== 'ok')).toEqual([['nodes.arrival.says', 'stale']]);
    // Still shown until it is translated again.
    expect(translatedScenario(edited, spanish(flagship.id)).nodes['arrival']?.says).toMatch(/^El cincuenta/);
  });

  it('change when a response is renamed, and only its own', () => {
    const renamed = loaded(flagshipText.replace('- id: listen-first', '- id: hear-her-out'));
    const before = new Set(scenarioStrings(flagship).map((s) => s.id));
    const after = new Set(scenarioStrings(renamed).map((s) => s.id));
    expect([...before].filter((id) => !after.has(id))).toEqual([
      'nodes.arrival.responses.listen-first.says',
      'nodes.arrival.responses.listen-first.feedback',
    ]);
    expect([...after].filter((id) => !before.has(id))).toEqual([
      'nodes.arrival.responses.hear-her-out.says',
      'nodes.arrival.responses.hear-her-out.feedback',
    ]);
  });
});

describe('fingerprints', () => {
  it('are FNV-1a over UTF-8: fixed values, eight hex digits, sensitive to every character', () => {
    expect(textHash('')).toBe('811c9dc5');
    expect(textHash('a')).toBe('e40c292c');
    expect(textHash('¿Qué?')).toMatch(/^[0-9a-f]{8}$/);
    expect(textHash('Fifty percent.')).not.toBe(textHash('Fifty percent!'));
    expect(textHash('Fifty percent.')).toBe(textHash('Fifty percent.'));
  });

  it('count {name}s once each, sorted', () => {
    expect(placeholders('{refund} over {months}, {refund} in all, {Not} {x y}')).toEqual([
      'months',
      'refund',
    ]);
  });
});

describe('translatedScenario', () => {
  it('differs from its source only in the texts a translator translates', () => {
    for (const t of shipped.translations) {
      const source = scenarios.find((s) => s.id === t.translation.scenario);
      if (!source) throw new Error(t.file);
      const copy = translatedScenario(source, t.translation);
      expect(copy).not.toEqual(source);
      const blank = everyString(source, '∅');
      expect(translatedScenario(copy, blank)).toEqual(translatedScenario(source, blank));
      // The id maps keep their missing prototype: `constructor` stays just another id.
      expect(Object.getPrototypeOf(copy.nodes)).toBeNull();
      // The source is left as it was.
      expect(source).toEqual(loadFile(`scenarios/${source.id}.yaml`));
    }
  });

  it('falls back to the source text, string by string', () => {
    const partial: Translation = {
      language: 'es',
      scenario: flagship.id,
      strings: { title: { text: 'El sobre de los recibos', source: textHash(flagship.title) } },
    };
    const copy = translatedScenario(flagship, partial);
    expect(copy.title).toBe('El sobre de los recibos');
    expect(copy.summary).toBe(flagship.summary);
    expect(translatedScenario(flagship, undefined)).toBe(flagship);
  });
});

describe('the shipped Spanish translations', () => {
  it('cover the flagship and two more, and load with no diagnostic at all', () => {
    expect(shipped.broken).toEqual([]);
    expect(
      shipped.translations.map((t) => `${t.translation.language}/${t.translation.scenario}`).sort(),
    ).toEqual(['es/insurance-meal-receipt', 'es/routine-lost-library-card', 'es/routine-shoe-size-swap']);
    for (const t of shipped.translations) expect(t.diagnostics).toEqual([]);
  });

  it('translate every string (a name may stay as it is)', () => {
    for (const t of shipped.translations) {
      const source = scenarios.find((s) => s.id === t.translation.scenario);
      if (!source) throw new Error(t.file);
      const same = scenarioStrings(source).filter((s) => t.translation.strings[s.id]?.text === s.text);
      expect(same.map((s) => s.id).filter((id) => id !== 'customer.name')).toEqual([]);
    }
  });

  it('a golden transcript scores the same with the Spanish copy displayed: the engine runs the source', () => {
    const source = scenarios.find((s) => s.id === 'routine-lost-library-card');
    if (!source) throw new Error('no library card');
    const copy = translatedScenario(source, spanish(source.id));
    for (const name of ['library-card-warm-welcome', 'library-card-braced-for-a-fight']) {
      const fixture = JSON.parse(readFileSync(`tests/fixtures/calls/${name}.json`, 'utf8')) as {
        transcript: unknown;
        expect: { total: number; ending: string };
      };
      const played = replay(source, fixture.transcript);
      if (!played.ok) throw new Error(`${name} did not replay`);
      expect(played.result.total).toBe(fixture.expect.total);
      expect(played.result.ending?.id).toBe(fixture.expect.ending);
      // What the page shows at each step is picked from the copy by the same pure functions.
      for (const record of played.records) {
        const node = record.after.node === null ? undefined : copy.nodes[record.after.node];
        if (node)
          expect(lineAt(node, moodOf(record.after.anger, record.after.trust), record.after)).not.toBe(
            record.after.line,
          );
      }
      // The debrief's words: the source's records (timing included) scored against the copy.
      const shown = scoreRecords(copy, played.records);
      expect(shown.total).toBe(played.result.total);
      expect(shown.parts).toEqual(played.result.parts);
      expect(shown.ending?.narrative).toMatch(/^Margit /);
      expect(shown.ending?.narrative).not.toBe(played.result.ending?.narrative);
    }
  });

  it('must never be what the engine runs: longer lines would move the timing, and the score', () => {
    const source = scenarios.find((s) => s.id === 'routine-lost-library-card');
    if (!source) throw new Error('no library card');
    const copy = translatedScenario(source, spanish(source.id));
    const fixture = JSON.parse(
      readFileSync('tests/fixtures/calls/library-card-warm-welcome.json', 'utf8'),
    ) as {
      transcript: unknown;
    };
    const english = replay(source, fixture.transcript);
    const misused = replay(copy, fixture.transcript);
    if (!english.ok || !misused.ok) throw new Error('did not replay');
    expect(misused.result.total).not.toBe(english.result.total);
  });
});
