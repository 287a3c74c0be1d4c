/**
 * The transcript: what the trainee did and when, the only input scoring needs. Versioned so later
 * event kinds (a time-out, an assembled I-message) can be added without breaking old files.
 */
import { z } from 'zod';
import { LABELS } from './understand/labels.js';

/**
 * Format 2 adds time-outs, assembled I-messages, typed answers and the run's mode; format 1 files
 * still read.
 */
export const TRANSCRIPT_FORMAT = 2;

const Ms = z
  .number()
  .int()
  .min(0)
  .max(24 * 3600 * 1000);
const Id = z.string().min(1).max(64);

export const ChoiceEvent = z.strictObject({
  kind: z.literal('choice'),
  at: Ms.describe('ms since the call started'),
  node: Id,
  response: Id,
});

export const SilenceEvent = z.strictObject({
  kind: z.literal('silence'),
  at: Ms.describe('the moment the silence ran past the customer’s patience'),
  node: Id,
});

export const TimeoutEvent = z.strictObject({
  kind: z.literal('timeout'),
  at: Ms.describe('when the trainee paused; the call’s clock stands still during a time-out'),
  node: Id,
  thought: Id.describe('the inner thought the trainee chose'),
});

export const IMessageEvent = z.strictObject({
  kind: z.literal('i-message'),
  at: Ms.describe('when the trainee said it'),
  node: Id,
  parts: z.array(Id).min(1).max(8).describe('the pieces, in the order the trainee put them'),
});

/**
 * An answer typed in the trainee's own words (Type mode). It is scored on what the model heard in
 * it; the story follows `response`, the authored answer it was matched to, or the one the trainee
 * picked from the closest few when no match was clear. A server re-labels the text and refuses
 * labels or a match it cannot reproduce (understand/verify.ts).
 */
export const TypedEvent = z.strictObject({
  kind: z.literal('typed'),
  at: Ms.describe('when the trainee sent it'),
  node: Id,
  text: z
    .string()
    .max(600)
    .refine((t) => t.trim().length > 0, 'an empty answer'),
  model: Id.describe('the version of the understanding model that labelled it'),
  labels: z.array(z.enum(LABELS)).max(LABELS.length).describe("the moves and don'ts the model heard"),
  response: Id.describe('the authored response the story followed'),
  picked: z.boolean().describe('true when the trainee chose it from the closest few'),
});

export const TranscriptEvent = z.discriminatedUnion('kind', [
  ChoiceEvent,
  SilenceEvent,
  TimeoutEvent,
  IMessageEvent,
  TypedEvent,
]);

/** Coach gives feedback after every choice; assessment keeps it for the debrief. */
export const MODES = ['coach', 'assessment'] as const;
export type Mode = (typeof MODES)[number];

/** Pick: the trainee chooses among written answers. Type: they write their own (understand/). */
export const ANSWER_WAYS = ['pick', 'type'] as const;
export type AnswerWay = (typeof ANSWER_WAYS)[number];

export const Transcript = z.strictObject({
  format: z.union([z.literal(1), z.literal(TRANSCRIPT_FORMAT)]),
  scenario: z.strictObject({ id: Id, version: z.number().int().min(1) }),
  mode: z.enum(MODES).optional().describe('the mode the run was played in; absent means coach'),
  answers: z
    .enum(ANSWER_WAYS)
    .optional()
    .describe('how the trainee answered: picked written answers or typed their own; absent means pick'),
  events: z.array(TranscriptEvent).max(500),
});

export type ChoiceEvent = z.output<typeof ChoiceEvent>;
export type SilenceEvent = z.output<typeof SilenceEvent>;
export type TimeoutEvent = z.output<typeof TimeoutEvent>;
export type IMessageEvent = z.output<typeof IMessageEvent>;
export type TypedEvent = z.output<typeof TypedEvent>;
/** A typed answer as the page hands it to the call: the event less where and when. */
export type TypedAnswer = Omit<TypedEvent, 'kind' | 'at' | 'node'>;
export type TranscriptEvent = z.output<typeof TranscriptEvent>;
export type Transcript = z.output<typeof Transcript>;
