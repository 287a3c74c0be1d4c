/**
 * The page shows what the engine says in the trainee's language: the engine works on the source
 * scenario (its lines decide the timing and the score), and each text it hands the page — a line,
 * an answer's words, a piece of feedback, an ending — is looked up here and shown as its translation.
 */
import { own } from './own.js';
import type { Scenario } from './schema.js';
import { scenarioStrings } from './strings.js';
import type { Translation } from './translation.js';

/** Turns a source text into the text to show; anything it does not know is shown as it is. */
export type ShownText = (text: string) => string;

/** Shows every text as it is: the scenario's own language. */
export const asWritten: ShownText = (text) => text;

const NAME = /\{([a-z][a-z0-9-]{0,63})\}/g;
/** How `fill` writes a number: whole, or to the cent, maybe negative. */
const NUMBER = '(-?\\d+(?:\\.\\d\\d)?)';

/** A pattern that matches `template` with its `{name}`s filled, and the names in order. */
function filled(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const parts = template.split(NAME);
  const source = parts
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part);
      return NUMBER;
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names };
}

/**
 * A ShownText for `source` in `translation`'s language. A text with `{name}`s is recognised whatever
 * numbers were put in, and its translation gets the same numbers. Where one English text is said in
 * several places with different translations, the first in the file wins.
 */
export function textShower(source: Scenario, translation: Translation | undefined): ShownText {
  if (!translation) return asWritten;
  const plain = new Map<string, string>();
  const named: { pattern: RegExp; names: string[]; to: string }[] = [];
  for (const s of scenarioStrings(source)) {
    const done = own(translation.strings, s.id);
    if (!done) continue;
    if (NAME.test(s.text)) named.push({ ...filled(s.text), to: done.text });
    else if (!plain.has(s.text)) plain.set(s.text, done.text);
    NAME.lastIndex = 0;
  }
  return (text) => {
    const found = plain.get(text);
    if (found !== undefined) return found;
    for (const { pattern, names, to } of named) {
      const m = pattern.exec(text);
      if (!m) continue;
      const values = new Map(names.map((name, i) => [name, m[i + 1] ?? '']));
      return to.replace(NAME, (whole, name: string) => values.get(name) ?? whole);
    }
    return text;
  };
}
