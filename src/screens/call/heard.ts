/**
 * How the game heard a typed answer, shown to the trainee: the answer with the words that weighed
 * most marked, and each move and don't heard, named, with those words quoted. The marks are a help
 * for the eye; the list says the same in words, so a screen reader (and a colour-blind trainee)
 * gets all of it.
 */
import { LETTERS, type IStep, type Letter } from '../../engine/index.js';
import { isDont, typedIMessage, type Label } from '../../engine/understand/labels.js';
import type { Heard } from '../../engine/understand/model.js';
import { el } from '../kit/dom.js';
import { t } from '../i18n/index.js';
import { dontName, iStepName, letterName } from '../i18n/names.js';

/** A label as the page names it (the engine's labelName, from the catalogue). */
function heardName(label: Label): string {
  if (isDont(label)) return dontName(label);
  if (label === 'ramble') return t('heard.ramble');
  if ((LETTERS as readonly string[]).includes(label)) return letterName(label as Letter);
  return t('heard.istep', { step: iStepName(label as IStep).toLowerCase() });
}

/** A don't, or talking on after an I-message's consequence: heard as a fault, not a move. */
const isFault = (label: Label) => isDont(label) || label === 'ramble';

/** The answer's text with the evidence of every label heard marked (a don't's words in its own shade). */
export function markedAnswer(text: string, heard: readonly Heard[]): HTMLElement {
  // 0: plain, 1: a move's words, 2: a don't's words (a don't wins where the two overlap).
  const shade = new Uint8Array(text.length);
  for (const h of heard) {
    const value = isFault(h.label) ? 2 : 1;
    for (const { start, end } of h.evidence) {
      for (let i = Math.max(0, start); i < Math.min(end, text.length); i++) {
        shade[i] = Math.max(shade[i] ?? 0, value);
      }
    }
  }
  const quote = el('q', { className: 'typed-text' });
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && shade[i] === shade[from]) continue;
    const part = text.slice(from, i);
    const kind = shade[from];
    quote.append(kind ? el('mark', { className: kind === 2 ? 'heard-dont' : 'heard-move' }, part) : part);
    from = i;
  }
  return quote;
}

/** The words of `text` that weighed most for `h`, quoted in the page's language: “tell me what happened”, “sorry”. */
function wordsFor(text: string, h: Heard): string {
  return h.evidence
    .map(({ start, end }) => text.slice(start, end))
    .filter((words) => /\p{L}/u.test(words))
    .map((words) => t('heard.quote', { words }))
    .join(', ');
}

/** Each label heard, named, with its words: moves first, then don'ts, in the model's order. */
export function heardList(text: string, heard: readonly Heard[]): HTMLElement {
  const moves = heard.filter((h) => !isFault(h.label));
  const donts = heard.filter((h) => isFault(h.label));
  const item = (h: Heard) => {
    const words = wordsFor(text, h);
    return el(
      'li',
      { className: isFault(h.label) ? 'dont' : 'hit' },
      el('strong', {}, heardName(h.label)),
      words ? ` — ${words}` : '',
    );
  };
  const list = el('ul', { className: 'heard' }, ...moves.map(item), ...donts.map(item));
  if (heard.length === 0) list.append(el('li', {}, t('heard.none')));
  list.setAttribute('aria-label', t('heard.label'));
  return list;
}

/** The labels alone, named, for a summary line: "Reflect, Indicate you care · Argued". */
export function labelSummary(labels: readonly Label[]): string {
  const moves = labels.filter((l) => !isFault(l)).map(heardName);
  const donts = labels.filter((l) => isFault(l)).map(heardName);
  return [moves.join(', ') || t('heard.noMoves'), ...(donts.length ? [donts.join(', ')] : [])].join(' · ');
}

/** What a typed I-message lacked, as the score counts it (`typedIMessage`), in words. */
export function typedIMessageSlips(labels: readonly Label[], misconduct: boolean): string[] {
  const craft = typedIMessage(labels, misconduct);
  if (!craft) return [];
  const { missing, rambled } = craft;
  return [
    ...(missing.length
      ? [t('heard.missing', { steps: missing.map((m) => iStepName(m).toLowerCase()).join(', ') })]
      : []),
    ...(rambled ? [t('heard.rambled')] : []),
  ];
}
