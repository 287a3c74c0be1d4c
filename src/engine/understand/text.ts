/**
 * A typed answer as words: each word lower-cased, its chat spelling put right ("im" is "i am",
 * "thx" is "thanks"), and where it stood in what the trainee typed, so the game can point at the
 * words that made it hear a move. Only fixed tables and ASCII rules: the same words in every
 * browser, the command line and the server.
 */

export interface Token {
  /** The word as the model reads it: lower case, one of several when a contraction is opened. */
  norm: string;
  /** Where the word stands in the original text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
}

/** Contractions and chat spellings, opened into the words they stand for. */
const SPELLINGS: Readonly<Record<string, string>> = {
  im: 'i am',
  "i'm": 'i am',
  ive: 'i have',
  "i've": 'i have',
  "i'd": 'i would',
  "i'll": 'i will',
  "you're": 'you are',
  youre: 'you are',
  "you've": 'you have',
  youve: 'you have',
  "you'll": 'you will',
  "you'd": 'you would',
  "we're": 'we are',
  "we've": 'we have',
  "we'll": 'we will',
  "they're": 'they are',
  theyre: 'they are',
  "it's": 'it is',
  "that's": 'that is',
  thats: 'that is',
  "there's": 'there is',
  theres: 'there is',
  "what's": 'what is',
  whats: 'what is',
  "let's": 'let us',
  lets: 'let us',
  "don't": 'do not',
  dont: 'do not',
  "doesn't": 'does not',
  doesnt: 'does not',
  "didn't": 'did not',
  didnt: 'did not',
  "can't": 'can not',
  cant: 'can not',
  cannot: 'can not',
  "won't": 'will not',
  wont: 'will not',
  "isn't": 'is not',
  isnt: 'is not',
  "aren't": 'are not',
  arent: 'are not',
  "wasn't": 'was not',
  wasnt: 'was not',
  "weren't": 'were not',
  "haven't": 'have not',
  havent: 'have not',
  "hasn't": 'has not',
  "shouldn't": 'should not',
  "wouldn't": 'would not',
  wouldnt: 'would not',
  "couldn't": 'could not',
  couldnt: 'could not',
  u: 'you',
  ur: 'your',
  r: 'are',
  y: 'why',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ty: 'thank you',
  sry: 'sorry',
  soz: 'sorry',
  srry: 'sorry',
  apologise: 'apologize',
  apologised: 'apologized',
  apologises: 'apologizes',
  apologising: 'apologizing',
  behaviour: 'behavior',
  realise: 'realize',
  recognise: 'recognize',
  thru: 'through',
  tho: 'though',
  cuz: 'because',
  cos: 'because',
  bc: 'because',
  coz: 'because',
  b4: 'before',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'have to',
  ok: 'okay',
  okey: 'okay',
  k: 'okay',
  idk: 'i do not know',
  omg: 'oh my god',
  asap: 'as soon as possible',
  rn: 'right now',
};

/** Typographic quotes and dashes, as the ASCII a keyboard gives. */
function plain(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc`´]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** Words (letters, digits, inner apostrophes) and the marks that carry tone (? and !). */
const WORD = /[a-z0-9]+(?:'[a-z]+)*|[?!]/g;

export function tokenize(text: string): Token[] {
  // Only ASCII is lower-cased: every offset stays where it was, in every engine.
  const lower = plain(text).replace(/[A-Z]/g, (c) => c.toLowerCase());
  const tokens: Token[] = [];
  for (const match of lower.matchAll(WORD)) {
    const word = match[0];
    const start = match.index;
    const end = start + word.length;
    const spelled = SPELLINGS[word] ?? (word.endsWith("'s") ? `${word.slice(0, -2)} 's` : word);
    for (const norm of spelled.split(' ')) tokens.push({ norm, start, end });
  }
  return tokens;
}
