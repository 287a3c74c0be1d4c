/**
 * What the model sees of an answer: its words, pairs of words, the starts of words (which survive
 * typos), and a few cues the method names — a question count, an apology hedged with "if", "when
 * you" followed by a consequence. Each feature keeps the words it came from, so the game can show
 * the trainee what it heard.
 */
import { tokenize, type Token } from './text.js';

export interface Feature {
  key: string;
  /** The span of the answer it came from (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
}

export interface FeatureOptions {
  /** Word pairs ("b:") as well as single words. */
  pairs: boolean;
  /** The first five letters of longer words ("p:"): "apolo" for apologise, apologies, apologizing. */
  prefixes: boolean;
  /** The method's cues ("cue:"), written by hand below. */
  cues: boolean;
  /** Runs of three words ("t:"). */
  triples: boolean;
  /** Runs of four letters inside words ("c:"), which survive most typos. Absent means off. */
  chars?: boolean;
  /** Where sentences start and end ("s:", "s2:", "e:"), and a word set off by a comma ("k:"). Absent means off. */
  sentences?: boolean;
  /** The answer's first three words, each with its place ("f0:", "f1:", "f2:"). Absent means off. */
  lead?: boolean;
  /** Words after "not", "never", "no"… in the same clause, marked as negated ("n:"). Absent means off. */
  negation?: boolean;
  /** Two words with one between them ("k2:"). Absent means off. */
  skips?: boolean;
  /** Marks of tone: a 'quoted' word, "…", "!!", a word in capitals, and how many sentences ("m:"). Absent means off. */
  marks?: boolean;
}

export const DEFAULT_FEATURES: FeatureOptions = { pairs: true, prefixes: true, cues: true, triples: false };

const PREFIX = 5;

/** Hand-written cues: each a test on the words, and the span it covers when it fires. */
type Cue = (words: readonly string[]) => [number, number] | null;

/** The first place the words `seq` (exact, or by prefix when ending in "*") appear, from `from`. */
function find(words: readonly string[], seq: readonly string[], from = 0): number {
  const matches = (word: string | undefined, want: string) =>
    word !== undefined && (want.endsWith('*') ? word.startsWith(want.slice(0, -1)) : word === want);
  for (let i = from; i + seq.length <= words.length; i++)
    if (seq.every((w, k) => matches(words[i + k], w))) return i;
  return -1;
}

function near(
  words: readonly string[],
  first: readonly string[],
  then: readonly string[][],
  within: number,
): [number, number] | null {
  for (let i = find(words, first); i >= 0; i = find(words, first, i + 1)) {
    for (const seq of then) {
      const j = find(words, seq, i + first.length);
      if (j >= 0 && j - i <= within) return [i, j + seq.length - 1];
    }
  }
  return null;
}

function anyOf(words: readonly string[], seqs: readonly string[][]): [number, number] | null {
  for (const seq of seqs) {
    const i = find(words, seq);
    if (i >= 0) return [i, i + seq.length - 1];
  }
  return null;
}

const CUES: Readonly<Record<string, Cue>> = {
  // An apology that takes itself back: "sorry if", "sorry you feel", "apologise if anyone".
  'hedged-apology': (w) =>
    near(
      w,
      ['sorry'],
      [['if'], ['you', 'feel*'], ['that', 'you', 'feel*'], ['but'], ['for', 'any', 'confusion']],
      4,
    ) ?? near(w, ['apologi*'], [['if'], ['for', 'any'], ['that', 'you', 'feel*'], ['but']], 4),
  // A behaviour named: "when you shout", "when my name is".
  'when-you': (w) => near(w, ['when'], [['you'], ['i', 'am', 'called'], ['voices'], ['my', 'name']], 2),
  // The speaker's own feeling: "i feel", "i am finding", "it makes me".
  'i-feel': (w) =>
    near(
      w,
      ['i'],
      [['feel*'], ['am', 'finding'], ['find', 'it'], ['am', 'uncomfortable'], ['am', 'uneasy']],
      2,
    ) ?? near(w, ['makes'], [['me']], 1),
  // A consequence: "because then", "so i can not", "which means".
  consequence: (w) =>
    near(w, ['because'], [['then'], ['i', 'can', 'not'], ['it', 'makes'], ['i', 'lose']], 3) ??
    near(w, ['so'], [['i', 'can', 'not']], 1) ??
    near(w, ['which'], [['means'], ['makes']], 1),
  // Asking leave to speak or to interrupt.
  'may-i': (w) =>
    near(w, ['may'], [['i']], 1) ??
    near(
      w,
      ['can'],
      [
        ['i', 'just'],
        ['i', 'stop'],
        ['i', 'say'],
        ['i', 'jump'],
      ],
      1,
    ),
  // Ending the conversation, or calling someone in: a threat when it is a condition.
  'end-talk': (w) =>
    near(
      w,
      ['if'],
      [
        ['i', 'will'],
        ['i', 'am', 'going'],
        ['we', 'will'],
      ],
      8,
    ) ??
    anyOf(w, [
      ['hang*', 'up'],
      ['end', 'this'],
      ['end', 'the', 'call'],
      ['call', 'security'],
      ['disconnect*'],
      ['terminat*'],
      ['close', 'this', 'chat'],
    ]),
};

const NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'nothing', 'none', 'nowhere', 'neither', 'nor']);

/**
 * What stands between each word and the one before it: 2 when a sentence ends there (". ! ? ; :"
 * or the start of the answer), 1 when a clause does (", —"), 0 otherwise.
 */
function breaks(text: string, tokens: readonly Token[]): number[] {
  return tokens.map((token, i) => {
    const before = tokens[i - 1];
    if (!before || token.norm === '?' || token.norm === '!') return 2;
    if (before.norm === '?' || before.norm === '!') return 2;
    const gap = text.slice(before.end, token.start);
    if (/[.;:]/.test(gap)) return 2;
    if (/[,(\u2013\u2014]|\s-+\s/.test(gap)) return 1;
    return 0;
  });
}

/** Every feature of an answer, in the order its words come. */
export function featuresOf(text: string, options: FeatureOptions = DEFAULT_FEATURES): Feature[] {
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.norm);
  const out: Feature[] = [];
  const span = (from: Token | undefined, to: Token | undefined) => ({
    start: from?.start ?? 0,
    end: to?.end ?? 0,
  });
  tokens.forEach((token, i) => {
    out.push({ key: `w:${token.norm}`, ...span(token, token) });
    if (options.prefixes && token.norm.length > PREFIX + 1)
      out.push({ key: `p:${token.norm.slice(0, PREFIX)}`, ...span(token, token) });
    if (options.pairs) {
      const before = tokens[i - 1];
      out.push({ key: `b:${before?.norm ?? '^'}_${token.norm}`, ...span(before ?? token, token) });
    }
    if (options.chars && token.norm.length >= 4) {
      const padded = `<${token.norm}>`;
      for (let k = 0; k + 4 <= padded.length; k++)
        out.push({ key: `c:${padded.slice(k, k + 4)}`, ...span(token, token) });
    }
    if (options.triples && i >= 2) {
      const first = tokens[i - 2];
      out.push({
        key: `t:${first?.norm ?? ''}_${tokens[i - 1]?.norm ?? ''}_${token.norm}`,
        ...span(first, token),
      });
    }
  });
  if (options.sentences || options.negation) {
    const cut = breaks(text, tokens);
    const word = (i: number) => tokens[i]?.norm ?? '';
    const mark = (i: number) => word(i) === '?' || word(i) === '!';
    let negated = false;
    tokens.forEach((token, i) => {
      if (cut[i]) negated = false;
      if (mark(i)) return;
      if (options.sentences && cut[i] === 2) {
        out.push({ key: `s:${token.norm}`, ...span(token, token) });
        if (tokens[i + 1] && !cut[i + 1] && !mark(i + 1))
          out.push({ key: `s2:${token.norm}_${word(i + 1)}`, ...span(token, tokens[i + 1]) });
        // A word standing alone before a comma or a full stop: "Oh,", "Right.", "Lovely."
        if (cut[i + 1] !== undefined && cut[i + 1] !== 0)
          out.push({ key: `k:${token.norm}`, ...span(token, token) });
      }
      if (options.sentences && (i + 1 >= tokens.length || cut[i + 1] === 2)) {
        const end = mark(i + 1) ? word(i + 1) : '.';
        out.push({ key: `e:${token.norm}_${end}`, ...span(token, token) });
      }
      if (options.negation) {
        if (negated) out.push({ key: `n:${token.norm}`, ...span(token, token) });
        if (NEGATORS.has(token.norm)) negated = true;
      }
    });
  }
  if (options.marks) {
    const whole = span(tokens[0], tokens[tokens.length - 1]);
    const plainText = text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
    if (/(^|[\s(])(['"])[^'"]+\2(?=[\s.,;:!?)]|$)/.test(plainText)) out.push({ key: 'm:quote', ...whole });
    if (/\.\.\.|\u2026/.test(text)) out.push({ key: 'm:dots', ...whole });
    if (/[!?]\s*[!?]/.test(text)) out.push({ key: 'm:!!', ...whole });
    if (/\b[A-Z]{4,}\b/.test(text)) out.push({ key: 'm:caps', ...whole });
    const sentences = breaks(text, tokens).filter(
      (b, i) => b === 2 && !/^[?!]$/.test(tokens[i]?.norm ?? ''),
    ).length;
    out.push({ key: `m:s${Math.min(sentences, 3)}`, ...whole });
  }
  if (options.lead)
    tokens.slice(0, 3).forEach((token, i) => out.push({ key: `f${i}:${token.norm}`, ...span(token, token) }));
  if (options.skips)
    tokens.forEach((token, i) => {
      const first = tokens[i - 2];
      if (first) out.push({ key: `k2:${first.norm}_${token.norm}`, ...span(first, token) });
    });
  if (options.pairs && tokens.length) {
    const last = tokens[tokens.length - 1];
    out.push({ key: `b:${last?.norm ?? ''}_$`, ...span(last, last) });
  }
  // How the answer is shaped: its questions and exclamations, its length.
  const questions = words.filter((w) => w === '?').length;
  const whole = span(tokens[0], tokens[tokens.length - 1]);
  out.push({ key: `q:${Math.min(questions, 3)}`, ...whole });
  if (words.includes('!')) out.push({ key: 'x:!', ...whole });
  const length = words.length < 8 ? 's' : words.length < 20 ? 'm' : words.length < 40 ? 'l' : 'xl';
  out.push({ key: `len:${length}`, ...whole });
  if (options.cues) {
    for (const [name, cue] of Object.entries(CUES)) {
      const at = cue(words);
      if (at) out.push({ key: `cue:${name}`, ...span(tokens[at[0]], tokens[at[1]]) });
    }
  }
  return out;
}
