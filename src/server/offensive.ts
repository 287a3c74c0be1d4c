/**
 * Offensive nicknames, refused at the door. A name is folded before it is compared with the word
 * lists (offensive-words.ts): look-alikes from any script by the UTS #39 skeleton, leetspeak (sh1t,
 * b!tch, $lut), accents, spellings that sound alike (phuck, fuk, fuq, fvck) and repeated letters
 * (fuuuck). It is checked word by word, with separators inside a word dropped (f/u/c/k, f.u.c.k,
 * f_u_c_k), letters spelt out one by one joined (f u c k), each word reversed (kcuf), and the whole
 * name run together. A listed word must be the whole of a word, so real names that merely contain
 * one (Hancock, Shitaye, Matsushita, Kuntal) pass; a short list of real names is let through.
 */
import { skeleton } from '../api/look-alikes.js';
import {
  ENGLISH,
  ENGLISH_HEADS,
  ENGLISH_STEMS,
  ENGLISH_TAILS,
  NAMES,
  OTHER_LANGUAGES,
} from './offensive-words.js';

const REFUSED = 'That nickname is not allowed here. Pick another one.';

/** Digits and symbols used for letters. Applied before the skeleton, which reads 1 as l and 0 as o. */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
  '+': 't',
  '€': 'e',
};
const NOT_A_LETTER = /[^\p{L}\p{N}]+/gu;

/** Lower case, letters of any script as the Latin letters they look like, no accents. */
function plain(text: string, leet: boolean): string {
  const folded = text.normalize('NFKD').toUpperCase().toLowerCase().normalize('NFKD');
  const spelt = leet ? Array.from(folded, (c) => LEET[c] ?? c).join('') : folded;
  return skeleton(spelt).normalize('NFD').replace(/\p{M}/gu, '').replace(NOT_A_LETTER, '');
}

/** Spellings that sound alike made one: ph is f, ck, c and q are k, v is u. */
function sounds(word: string): string {
  return word.replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/[cq]/g, 'k').replace(/v/g, 'u');
}

const fold = (text: string) => sounds(plain(text, true));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Every letter may be repeated: "fuck" matches "fuuuck", but "nigger" does not match "Niger". */
const stretchy = (word: string) => Array.from(fold(word), (c) => `${escape(c)}+`).join('');
const alternatives = (words: string[], map: (w: string) => string) =>
  [...new Set(words.map(map))].sort((a, b) => b.length - a.length).join('|');

const STEMS = alternatives(ENGLISH_STEMS, stretchy);
const WORDS = alternatives([...ENGLISH, ...OTHER_LANGUAGES], stretchy);
const HEADS = alternatives(ENGLISH_HEADS, (w) => escape(fold(w)));
const TAILS = alternatives(ENGLISH_TAILS, (w) => escape(fold(w)));
/** A word: a listed word, or an English stem with its endings and heads. */
const WORD = new RegExp(`^(?:(?:${HEADS})?(?:${STEMS})(?:${TAILS})?|${WORDS})$`, 'u');
/** A whole name run together: listed words only, without endings, so "Fu Kin" is not "fukin". */
const PHRASE = new RegExp(`^(?:${STEMS}|${WORDS})$`, 'u');
const ALLOWED = new Set(NAMES.map((name) => plain(name, false)));

const SPACES = /[\s\p{Z}]+/u;
/** One character, with any marks on it. */
const SINGLE = /^\P{M}\p{M}*$/u;

/** Runs of single characters split by spaces, joined up: "f u c k" gives "fuck". */
export function spelledOut(name: string): string[] {
  const words: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length >= 2) words.push(run.join(''));
    run = [];
  };
  for (const token of name.split(SPACES)) {
    if (SINGLE.test(token)) run.push(token);
    else close();
  }
  close();
  return words;
}

/**
 * What a name is checked as: each word, whole and in its parts (f/u/c/k, Ana-fuck), letters spelt
 * out one by one (f u c k) and, as a phrase, the whole name run together (nique ta mère).
 */
export function candidates(name: string): { words: string[]; phrase: string | null } {
  const words = name.split(SPACES).filter(Boolean);
  const parts = words.flatMap((word) => word.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean));
  return {
    words: [...new Set([...words, ...parts, ...spelledOut(name)])],
    phrase: words.length > 1 ? words.join('') : null,
  };
}

/** Whether a word (or a name run together, matched by `pattern`) is offensive, forwards or backwards. */
function offensive(text: string, pattern: RegExp): boolean {
  if (ALLOWED.has(plain(text, false)) || ALLOWED.has(plain(text, true))) return false;
  const folded = fold(text);
  if (!folded) return false;
  return pattern.test(folded) || pattern.test(Array.from(folded).reverse().join(''));
}

/** Returns the reason to refuse a (cleaned) nickname, or null when it may be used. */
export function nicknameFilter(): (nickname: string) => string | null {
  return (nickname) => {
    const { words, phrase } = candidates(nickname);
    const refused =
      words.some((word) => offensive(word, WORD)) || (phrase !== null && offensive(phrase, PHRASE));
    return refused ? REFUSED : null;
  };
}
