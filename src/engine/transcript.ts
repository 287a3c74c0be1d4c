/**
 * The transcript: what the trainee did and when, the only input scoring needs. Versioned so later
 * event kinds (a time-out, an assembled I-message) can be added without breaking old files.
 */
import { z } from 'zod';

export const TRANSCRIPT_FORMAT = 1;

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

export const TranscriptEvent = z.discriminatedUnion('kind', [ChoiceEvent, SilenceEvent]);

export const Transcript = z.strictObject({
  format: z.literal(TRANSCRIPT_FORMAT),
  scenario: z.strictObject({ id: Id, version: z.number().int().min(1) }),
  events: z.array(TranscriptEvent).max(500),
});

export type ChoiceEvent = z.output<typeof ChoiceEvent>;
export type SilenceEvent = z.output<typeof SilenceEvent>;
export type TranscriptEvent = z.output<typeof TranscriptEvent>;
export type Transcript = z.output<typeof Transcript>;
