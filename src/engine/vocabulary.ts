/** The closed vocabularies a scenario may use: SOARING letters, don'ts, poses, mood bands, settings. */

/** The seven SOARING moves, in the order the method lists them. */
export const LETTERS = ['S', 'O', 'A', 'R', 'I', 'N', 'G'] as const;
export type Letter = (typeof LETTERS)[number];

/** Each letter's place in LETTERS, for counts kept as arrays. */
export const LETTER_INDEX: Record<Letter, number> = { S: 0, O: 1, A: 2, R: 3, I: 4, N: 5, G: 6 };

export const LETTER_NAMES: Record<Letter, string> = {
  S: 'Summarize',
  O: 'Observe',
  A: 'Actively listen',
  R: 'Reflect',
  I: 'Indicate you care',
  N: 'Name the misconduct',
  G: 'Go beyond to the facts',
};

/**
 * The don'ts a response can break: the five don'ts of handling an upset customer, then the ways of
 * taking the bait or losing the thread that the method warns against.
 */
export const DONTS = [
  'tell-wrong',
  'argue',
  'authoritative',
  'never-do-that',
  'no-apology',
  'aggressive',
  'passive',
  'sarcastic',
  'defensive',
  'interrupting',
  'interrogating',
  'threatening',
] as const;
export type Dont = (typeof DONTS)[number];

export const DONT_NAMES: Record<Dont, string> = {
  'tell-wrong': 'Told the customer they are wrong',
  argue: 'Argued with the customer',
  authoritative: 'Used an authoritative tone to prove a point',
  'never-do-that': 'Said "we would never do that"',
  'no-apology': 'Held back an apology',
  aggressive: 'Aggressive',
  passive: 'Passive',
  sarcastic: 'Sarcastic',
  defensive: 'Defensive',
  interrupting: 'Interrupted',
  interrogating: 'Fired questions like an interrogation',
  threatening: 'Threatened to end the conversation',
};

export const SETTINGS = ['phone', 'counter', 'chat'] as const;
export type Setting = (typeof SETTINGS)[number];

/** What kind of call a scenario is: a shift mixes mostly routine calls with the odd hostile one. */
export const CALL_TYPES = ['routine', 'hostile'] as const;
export type CallType = (typeof CALL_TYPES)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

/** The currencies an ending's cost can be counted in (ISO 4217). */
export const CURRENCIES = ['USD', 'GBP', 'EUR', 'CAD', 'AUD', 'NZD', 'INR', 'ZAR'] as const;
export type Currency = (typeof CURRENCIES)[number];
export type Difficulty = (typeof DIFFICULTIES)[number];

/** Body-language poses the game can draw. */
export const POSES = [
  'neutral',
  'open',
  'arms-crossed',
  'fists-clenched',
  'leaning-in',
  'pointing',
  'slumped',
] as const;
export type Pose = (typeof POSES)[number];

/**
 * How the customer's voice sounds at a moment: what a phone call's cues are made of, and what the
 * phone scene's voice level follows. `silent` is a pause that says something.
 */
export const TONES = [
  'steady',
  'warm',
  'flat',
  'clipped',
  'shaky',
  'sighing',
  'raised',
  'shouting',
  'silent',
] as const;
export type Tone = (typeof TONES)[number];

/** Mood bands, derived from anger and trust; the portrait's expression follows them. */
export const MOODS = ['relieved', 'calm', 'annoyed', 'angry', 'furious'] as const;
export type Mood = (typeof MOODS)[number];

/**
 * What the picture shows of the customer at a moment, when the author means something other than
 * the mood the numbers give: any mood band, an outburst (beyond furious, for a moment) or defeat (a
 * slump with the fight gone out of them).
 */
export const SHOWN = [...MOODS, 'outburst', 'defeated'] as const;
export type Shown = (typeof SHOWN)[number];

export const ENDING_KINDS = ['resolved', 'partly-resolved', 'handed-off', 'escalated', 'hung-up'] as const;
export type EndingKind = (typeof ENDING_KINDS)[number];
