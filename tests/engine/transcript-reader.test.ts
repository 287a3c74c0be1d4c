/** parseTranscript (the quick transcript reader) must agree with the zod schema on every input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Transcript } from '../../src/engine/transcript.js';
import { parseTranscript } from '../../src/engine/transcript-reader.js';

/** Mostly a valid value, sometimes one at or past a limit, or of the wrong type. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: other });
const MAX_MS = 24 * 3600 * 1000;
const ms = mostly(
  fc.oneof(fc.constantFrom(0, MAX_MS), fc.integer({ min: 0, max: 100_000 })),
  fc.constantFrom(MAX_MS + 1, -1, 1.5, NaN, Infinity, 2 ** 53, '5'),
);
const id = mostly(
  fc.oneof(fc.constantFrom('a', 'x'.repeat(64), 'opening'), fc.string({ minLength: 1, maxLength: 8 })),
  fc.constantFrom('', 'x'.repeat(65), 7, null),
);
const parts = mostly(
  fc.array(id, { minLength: 1, maxLength: 8 }),
  fc.oneof(fc.constant([]), fc.array(id, { minLength: 9, maxLength: 9 }), fc.constantFrom('a', null)),
);
/** A field given (mostly), left out, or given as undefined. */
const field = <T>(value: fc.Arbitrary<T>) =>
  mostly(
    value.map((v) => ({ v })),
    fc.constantFrom(null, { v: undefined }),
  );
const rarely = fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, fc.constant(true));

const event = fc
  .record({
    kind: field(mostly(fc.constantFrom('choice', 'silence', 'timeout', 'i-message'), fc.constant('pause'))),
    at: field(ms),
    node: field(id),
    response: field(id),
    thought: field(id),
    parts: field(parts),
    // A field of another kind, or one no event has.
    stray: rarely,
    strayKey: fc.constantFrom('response', 'thought', 'parts', 'extra'),
  })
  .map(({ stray, strayKey, ...fields }) => {
    const kind = fields.kind?.v;
    const own: Record<string, string> = { choice: 'response', timeout: 'thought', 'i-message': 'parts' };
    const keys = ['kind', 'at', 'node', ...(typeof kind === 'string' && own[kind] ? [own[kind]] : [])];
    if (stray) keys.push(strayKey);
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const f = key === 'extra' ? { v: 1 } : fields[key as keyof typeof fields];
      if (f) out[key] = f.v;
    }
    return out;
  });

/** An object that is not a plain one. */
class Holder {
  describe(): string {
    return 'a holder';
  }
}

const transcript = fc
  .record({
    format: field(mostly(fc.constantFrom(1, 2), fc.constantFrom(3, '2'))),
    id: field(id),
    version: field(mostly(fc.constantFrom(1, 2, 9), fc.constantFrom(0, -1, 1.5, 2 ** 53))),
    mode: fc.oneof(
      fc.constant(null),
      field(mostly(fc.constantFrom('coach', 'assessment'), fc.constant('x'))),
    ),
    events: mostly(fc.array(event, { maxLength: 5 }), fc.constant('none')),
    extra: rarely,
    headerExtra: rarely,
    prototype: mostly(fc.constant('object'), fc.constantFrom('null', 'class')),
  })
  .map(({ format, id, version, mode, events, extra, headerExtra, prototype }) => {
    const scenario: Record<string, unknown> = {};
    if (id) scenario.id = id.v;
    if (version) scenario.version = version.v;
    if (headerExtra) scenario.title = 'A call';
    const fields: Record<string, unknown> = { scenario, events };
    if (format) fields.format = format.v;
    if (mode) fields.mode = mode.v;
    if (extra) fields.extra = true;
    if (prototype === 'null') return Object.assign(Object.create(null) as object, fields);
    if (prototype === 'class') return Object.assign(new Holder(), fields);
    return fields;
  });

describe('parseTranscript', () => {
  it('gives what Transcript.safeParse gives, field order included', () => {
    let accepted = 0;
    fc.assert(
      fc.property(transcript, (input) => {
        const fast = parseTranscript(input);
        if (fast.success) accepted++;
        const zod = Transcript.safeParse(input);
        expect(fast.success).toBe(zod.success);
        expect(fast.data).toStrictEqual(zod.data);
        expect(JSON.stringify(fast.data)).toBe(JSON.stringify(zod.data));
        expect(fast.error?.issues).toStrictEqual(zod.error?.issues);
      }),
      { numRuns: 3000 },
    );
    // The generator is worth something only if it reaches both answers often.
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(2700);
  });

  it('returns fresh objects, not the input', () => {
    const input = {
      format: 2,
      scenario: { id: 's', version: 1 },
      events: [{ kind: 'i-message', at: 10, node: 'n', parts: ['a', 'b'] }],
    };
    const parsed = parseTranscript(input);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.events[0]).not.toBe(input.events[0]);
    expect(parsed.data?.scenario).not.toBe(input.scenario);
  });

  it('refuses more than 500 events as the schema does', () => {
    const events = Array.from({ length: 501 }, (_, i) => ({ kind: 'silence', at: i, node: 'n' }));
    const input = { format: 2, scenario: { id: 's', version: 1 }, events };
    expect(parseTranscript(input)).toStrictEqual(Transcript.safeParse(input));
    expect(parseTranscript({ ...input, events: events.slice(0, 500) }).success).toBe(true);
  });
});
