/**
 * Offensive nicknames, refused at the door: obscenity's English list with its look-alike handling
 * (fvck, b1tch), plus names spelt out letter by letter (f u c k). Real names that merely contain a
 * listed word (Dickson, Cummings, Analise) are let through, and words are never run together across
 * a space ("Anna Lee" is not checked as "AnnaLee").
 */
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';

/** Common names and surnames the word list would otherwise catch. */
const NAMES = [
  'dickson',
  'dickens',
  'dickinson',
  'dickerson',
  'cumming',
  'cummings',
  'cummins',
  'analise',
  'analisa',
  'analia',
  'dikshit',
  'titus',
];

const SEPARATORS = /[\s._-]+/u;
/** One letter or digit, with any marks on it. */
const SINGLE_LETTER = /^[\p{L}\p{N}]\p{M}*$/u;

/** Runs of single letters split by separators, joined up: "f u c k" gives "fuck". */
export function spelledOut(name: string): string[] {
  const words: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length >= 2) words.push(run.join(''));
    run = [];
  };
  for (const token of name.split(SEPARATORS)) {
    if (SINGLE_LETTER.test(token)) run.push(token);
    else close();
  }
  close();
  return words;
}

/** Returns the reason to refuse a (cleaned) nickname, or null when it may be used. */
export function nicknameFilter(): (nickname: string) => string | null {
  const dataset = englishDataset.build();
  const matcher = new RegExpMatcher({
    ...dataset,
    whitelistedTerms: [...(dataset.whitelistedTerms ?? []), ...NAMES],
    ...englishRecommendedTransformers,
  });
  return (nickname) =>
    matcher.hasMatch(nickname) || spelledOut(nickname).some((word) => matcher.hasMatch(word))
      ? 'That nickname is not allowed here. Pick another one.'
      : null;
}
