/**
 * Scenario format v1: the one schema behind the TypeScript types, the loader's validation and the
 * JSON Schema editors use for autocompletion (`npm run schema`).
 */
import { z } from 'zod';
import {
  CALL_TYPES,
  CURRENCIES,
  DIFFICULTIES,
  DONTS,
  ENDING_KINDS,
  LETTERS,
  POSES,
  SETTINGS,
  SHOWN,
  TONES,
} from './vocabulary.js';

/** Oldest and newest scenario `format` this engine reads. */
export const FORMAT_MIN = 1;
export const FORMAT_MAX = 3;

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,63}$/, 'ids are lower-case words joined by hyphens, like "first-contact"');
const Text = (max: number) => z.string().trim().min(1).max(max);
const Percent = z.number().int().min(0).max(100);
const Delta = z.number().int().min(-100).max(100);
const Scale4 = z.number().int().min(0).max(4);

const Lines = z
  .strictObject({
    default: Text(600).describe('What the customer says in any mood without a line of its own.'),
    relieved: Text(600).optional().describe('Said when the mood is relieved.'),
    calm: Text(600).optional().describe('Said when the mood is calm.'),
    annoyed: Text(600).optional().describe('Said when the mood is annoyed.'),
    angry: Text(600).optional().describe('Said when the mood is angry.'),
    furious: Text(600).optional().describe('Said when the mood is furious.'),
  })
  .describe('Lines that vary with the customer’s mood band.');

export const Says = z
  .union([Text(600), Lines])
  .describe('What the customer says: one line, or lines per mood band with a default.');

export const Cue = z
  .strictObject({
    pose: z
      .enum(POSES)
      .optional()
      .describe('Body-language pose the game draws: needed at a counter, where the customer is seen.'),
    tone: z
      .enum(TONES)
      .optional()
      .describe('How the voice sounds: what a phone call is heard as, and what its voice level follows.'),
    text: Text(300).describe('What the trainee can see or hear, in words.'),
    matches: z
      .boolean()
      .describe('Whether the body language matches the words. false makes it a moment to Observe.'),
  })
  .describe('Body language and tone of voice at this moment.');

const ConditionFields = {
  anger_at_least: Percent.optional(),
  anger_below: Percent.optional(),
  trust_at_least: Percent.optional(),
  trust_below: Percent.optional(),
  flag: Id.optional().describe('True when a response has set this flag.'),
  not_flag: Id.optional().describe('True when no response has set this flag.'),
  var: Id.optional().describe('A number variable to test with at_least, below or equals.'),
  at_least: z.number().optional().describe('With var: true when the variable is at least this.'),
  below: z.number().optional().describe('With var: true when the variable is below this.'),
  equals: z.number().optional().describe('With var: true when the variable is exactly this.'),
};

/** Every field a condition may have. */
export const CONDITION_FIELDS = [...Object.keys(ConditionFields), 'any', 'all'];

/** A condition's shape, written out: zod cannot infer a type that refers to itself. */
export interface ConditionShape {
  anger_at_least?: number | undefined;
  anger_below?: number | undefined;
  trust_at_least?: number | undefined;
  trust_below?: number | undefined;
  flag?: string | undefined;
  not_flag?: string | undefined;
  var?: string | undefined;
  at_least?: number | undefined;
  below?: number | undefined;
  equals?: number | undefined;
  any?: ConditionShape[] | undefined;
  all?: ConditionShape[] | undefined;
}

export const Condition: z.ZodType<ConditionShape> = z
  .strictObject({
    ...ConditionFields,
    get any() {
      return z.array(Condition).min(1).max(8).optional().describe('True when any of these holds (or).');
    },
    get all() {
      return z.array(Condition).min(1).max(8).optional().describe('True when all of these hold (and).');
    },
  })
  .refine((c) => Object.keys(c).length > 0, 'a condition needs at least one test')
  .describe(
    'All tests must hold; `any` holds when one of its conditions does. Anger and trust are read after the response’s own effect.',
  );

export const Branch = z.strictObject({
  when: Condition.optional().describe(
    'Leave out on the last branch (or write otherwise: true): it is taken when nothing else holds.',
  ),
  otherwise: z.literal(true).optional().describe('The default branch, taken when no branch before it holds.'),
  goto: Id.describe('A node or ending id.'),
});

/** A number a variable can hold or change by: whole or with cents, within a million either way. */
const Amount = z.number().min(-1_000_000).max(1_000_000);

const Numbers = (what: string) => z.record(Id, Amount).default({}).describe(what);

export const Next = z
  .union([Id, z.array(Branch).min(1).max(6)])
  .describe('A node or ending id, or branches tried in order.');

export const ResponseVariant = z.strictObject({
  when: Condition.describe('When this holds (before the answer), the response reads as below.'),
  says: Text(400),
});

export const Response = z.strictObject({
  id: Id.describe('Unique within the node; transcripts record it.'),
  says: Text(400).describe('The trainee’s words. `{name}` puts in a number variable.'),
  variants: z
    .array(ResponseVariant)
    .max(6)
    .default([])
    .describe('Other wordings, tried in order: the first whose condition holds replaces says.'),
  paraphrases: z
    .array(Text(200))
    .max(6)
    .default([])
    .describe(
      'Other ways a trainee might type this response in their own words; they help the game match typed answers.',
    ),
  uses: z.array(z.enum(LETTERS)).max(7).default([]).describe('SOARING letters this response uses.'),
  breaks: z.array(z.enum(DONTS)).max(12).default([]).describe('Don’ts this response breaks.'),
  anger: Delta.default(0).describe('Change to the customer’s anger (0–100).'),
  trust: Delta.default(0).describe('Change to the customer’s trust (0–100).'),
  sets: z.array(Id).max(8).default([]).describe('Flags this response sets, for later conditions.'),
  set: Numbers('Number variables this response sets, e.g. { refund: 45 }.'),
  add: Numbers('Amounts this response adds to number variables (negative to take away).'),
  feedback: Text(600).describe('Coaching: why this works or what it costs.'),
  next: Next,
});

/** One piece the trainee can put into an I-message. */
export const Fragment = z.strictObject({
  id: Id.describe('Unique among the scenario’s I-message fragments; transcripts record it.'),
  text: Text(200).describe('The words this piece adds.'),
  tone: z
    .enum(['calm', 'harsh'])
    .default('calm')
    .describe('harsh pieces blame or lecture: they cost points and heat the customer up.'),
});

const Fragments = (what: string, min: number) => z.array(Fragment).min(min).max(4).describe(what);

/**
 * The I-message builder's pieces for the whole scenario: the four steps in order, and pieces that
 * run on after the consequence (rambling re-ignites the customer).
 */
export const IMessageParts = z
  .strictObject({
    attention: Fragments('Step 1: get the customer’s attention politely.', 1),
    feeling: Fragments('Step 2: name your own feeling.', 1),
    behaviour: Fragments('Step 3: name the behaviour (nodes may bring their own).', 1),
    consequence: Fragments('Step 4: state the consequence.', 1),
    ramble: Fragments('Pieces that keep talking after the consequence.', 0).default([]),
  })
  .describe('Pieces for the I-message builder; a node offers the builder with its own i_message.');

/** A node that offers the builder: where an I-message leads, and pieces for this moment. */
export const NodeIMessage = z
  .strictObject({
    behaviour: Fragments('Step 3 pieces for this moment, in place of the scenario’s.', 1).optional(),
    next: Next.describe('Where the call goes after the I-message; anger is read after its effect.'),
  })
  .describe('Offer the I-message builder here. Used where nobody crossed a line, it is a mistake.');

/** A thought the trainee can choose in a time-out. */
export const Thought = z.strictObject({
  id: Id,
  text: Text(200),
});

export const Thoughts = z
  .strictObject({
    helpful: z.array(Thought).min(1).max(6).describe('Positive self-talk: restores composure.'),
    unhelpful: z.array(Thought).min(1).max(6).describe('Negative self-talk: costs composure.'),
  })
  .describe('The inner thoughts a time-out offers: one helpful and one unhelpful each time.');

export const LineVariant = z.strictObject({
  when: Condition.describe('When this holds (on arrival), the moment’s line is the one below.'),
  says: Says,
});

export const Node = z.strictObject({
  speaker: Id.optional().describe(
    'Who says this moment’s line: the customer (left out), narrator, hold, or a key of speakers.',
  ),
  says: Says,
  variants: z
    .array(LineVariant)
    .max(6)
    .default([])
    .describe('Other lines, tried in order on arrival: the first whose condition holds replaces says.'),
  silence: Text(400)
    .optional()
    .describe('What the customer says if the trainee stays silent past their patience.'),
  cue: Cue.optional(),
  shows: z
    .enum(SHOWN)
    .optional()
    .describe(
      'What the picture shows, when it is not the mood the numbers give: a mood band, outburst or defeated.',
    ),
  calls_for: z
    .array(z.enum(LETTERS))
    .max(7)
    .default([])
    .describe('The SOARING letters that are the right move here: the scoring opportunities.'),
  bait: z.boolean().default(false).describe('The line is meant to provoke.'),
  misconduct: z.boolean().default(false).describe('The customer crosses a line (shouting, insults).'),
  rambling: z.boolean().default(false).describe('The customer runs on; a moment to Summarize.'),
  time_out: z
    .boolean()
    .default(false)
    .describe('The moment the trainee’s buttons are pushed: the method’s right time for a time-out.'),
  i_message: NodeIMessage.optional(),
  responses: z
    .array(Response)
    .min(2)
    .max(4)
    .default([])
    .describe('What the trainee can answer. Leave out for a moment nobody answers (give it a next).'),
  next: Next.optional().describe(
    'For a moment without responses (narration, a hold): where the call goes once the line is said.',
  ),
});

export const Speaker = z.strictObject({
  name: Text(80).describe('As the conversation shows it, e.g. "Dana (supervisor)".'),
  role: Text(120).optional().describe('Who they are, for the briefing and the debrief.'),
  appearance: Id.optional().describe(
    'Key of the portrait the game draws for them at the counter once they have spoken (as the customer’s).',
  ),
});

export const Ending = z.strictObject({
  kind: z.enum(ENDING_KINDS),
  good: z
    .boolean()
    .default(false)
    .describe('For a handed-off ending: the hand-off was the right call, and scores as a good ending.'),
  says: Text(600).optional().describe('The customer’s last line.'),
  gratitude: Scale4.describe('Magnitude of gratitude, 0 (none) to 4 (effusive).'),
  recommit: Scale4.describe('How strongly the customer says they will stay, 0 to 4.'),
  cost: z.number().min(0).max(1_000_000).describe('Extra cost to the company, in dollars.'),
  narrative: Text(1200).describe('What happens next, told in the debrief.'),
});

export const Customer = z.strictObject({
  name: Text(80),
  persona: Text(600),
  appearance: Id.describe('Key of the portrait the game draws.'),
  anger: Percent.describe('Starting anger, 0–100.'),
  trust: Percent.describe('Starting trust, 0–100.'),
  patience: z
    .number()
    .min(3)
    .max(120)
    .describe('Seconds of silence tolerated after the customer finishes speaking.'),
  silence_anger: z
    .number()
    .int()
    .min(0)
    .max(50)
    .default(10)
    .describe('Anger added each time the silence runs past patience.'),
});

export const Scenario = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.number().int().describe(`Scenario format; this engine reads ${FORMAT_MIN}–${FORMAT_MAX}.`),
    id: Id,
    version: z.number().int().min(1).describe('Raise it whenever a change could change a score.'),
    title: Text(120),
    summary: Text(600),
    setting: z.enum(SETTINGS),
    difficulty: z.enum(DIFFICULTIES),
    call_type: z
      .enum(CALL_TYPES)
      .default('hostile')
      .describe('routine: an everyday call; hostile: a difficult customer. A shift mixes them.'),
    minutes: z.number().int().min(1).max(60),
    currency: z
      .enum(CURRENCIES)
      .default('USD')
      .describe('The currency of the endings’ costs, as the debrief shows them (ISO 4217 code).'),
    goals: z.array(Text(200)).min(1).max(8).describe('Learning goals shown before the call.'),
    customer: Customer,
    timeouts: z
      .number()
      .int()
      .min(0)
      .max(5)
      .default(2)
      .describe('Time-outs the trainee may take in one call (0 for none).'),
    thoughts: Thoughts.optional().describe('Inner thoughts for time-outs; Keep Cool has its own set.'),
    i_message: IMessageParts.optional(),
    speakers: z
      .record(Id, Speaker)
      .default({})
      .describe('People besides the customer who speak, such as a supervisor who joins.'),
    variables: Numbers('Number variables and their starting values, e.g. { refund: 0 }.'),
    start: Id.describe('The first node.'),
    at_max_anger: Id.describe('The ending reached from any node when anger hits 100.'),
    nodes: z.record(Id, Node),
    endings: z.record(Id, Ending),
  })
  .describe('A Keep Cool scenario.');

export type Scenario = z.output<typeof Scenario>;
export type ScenarioNode = z.output<typeof Node>;
export type ScenarioResponse = z.output<typeof Response>;
export type ScenarioEnding = z.output<typeof Ending>;
export type Condition = z.output<typeof Condition>;
export type Branch = z.output<typeof Branch>;
export type Says = z.output<typeof Says>;
export type Fragment = z.output<typeof Fragment>;
export type IMessageParts = z.output<typeof IMessageParts>;
export type Thought = z.output<typeof Thought>;
export type Speaker = z.output<typeof Speaker>;

/** The JSON Schema for editors, generated from the zod schema above. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    title: 'Keep Cool scenario',
    ...z.toJSONSchema(Scenario, { io: 'input', target: 'draft-2020-12' }),
  };
}
