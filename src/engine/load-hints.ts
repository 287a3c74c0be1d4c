/**
 * What the loader says when a file is wrong in ways trainers actually hit: a tab used to indent, a
 * file nested so deep the parser would run out of stack, a comma inside `{ }` that cuts a text in
 * two, a misspelt field, condition or mood. Pure functions of the source, the YAML document and
 * the schema.
 */
import { isMap, isScalar, type Document, type YAMLError } from 'yaml';
import { z } from 'zod';
import { didYouMean } from './diagnostics.js';
import type { PathSegment } from './locate.js';
import { own } from './own.js';
import { MAX_NESTING } from './yaml-depth.js';

/** For a file nested deeper than the parser can follow. */
export const TOO_DEEP = {
  message: `nested too deep: more than ${MAX_NESTING} lists and maps inside each other`,
  hint: 'a scenario nests only a few levels; look for [ or { that are repeated or never closed',
} as const;

/**
 * The syntax error to report: the parser's first, unless a tab was used to indent at or before
 * it — then the tab is the cause and the rest is the parser's guesswork.
 */
export function firstSyntaxError(errors: readonly YAMLError[]): YAMLError | undefined {
  const syntax = errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  const first = syntax[0];
  const tab = syntax.find((e) => e.code === 'TAB_AS_INDENT');
  return tab && first && tab.pos[0] <= first.pos[0] ? tab : first;
}

/** The message for a syntax error, where the parser's own wording would not help a trainer. */
export function syntaxMessage(error: YAMLError): string {
  if (error.code === 'TAB_AS_INDENT') return 'this line is indented with a tab; YAML needs spaces';
  if (error.code === 'RESOURCE_EXHAUSTION') return TOO_DEEP.message;
  return error.message.split('\n')[0] ?? error.message;
}

/** Line and column (1-based) of an offset, for a check that runs before the parser counts lines. */
export function positionOf(source: string, offset: number): { line: number; col: number } {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, col: offset - lineStart + 1 };
}

/**
 * Field names the schema allows at `path` (the map an unknown key was found in): a misspelt
 * condition is compared with conditions, a misspelt mood with moods. Empty when the path is unknown.
 */
export function fieldsAt(schema: z.ZodType, path: readonly PathSegment[]): Set<string> {
  const out = new Set<string>();
  const collect = (at: z.ZodType, i: number): void => {
    if (at instanceof z.ZodOptional || at instanceof z.ZodDefault || at instanceof z.ZodNullable) {
      collect(at.unwrap() as z.ZodType, i);
    } else if (at instanceof z.ZodUnion) {
      for (const option of at.options as readonly z.ZodType[]) collect(option, i);
    } else if (at instanceof z.ZodObject) {
      const shape = at.shape as Record<string, z.ZodType>;
      const segment = path[i];
      if (segment === undefined) for (const key of Object.keys(shape)) out.add(key);
      else if (typeof segment === 'string') {
        const field = own(shape, segment);
        if (field) collect(field, i + 1);
      }
    } else if (at instanceof z.ZodRecord) {
      if (i < path.length) collect(at.valueType as z.ZodType, i + 1);
    } else if (at instanceof z.ZodArray) {
      if (typeof path[i] === 'number') collect(at.element as z.ZodType, i + 1);
    }
  };
  collect(schema, 0);
  return out;
}

/**
 * The hint for an unknown key at `path`: inside `{ }` with no value of its own, it is most likely
 * the rest of a text the comma cut short, so the text needs quotes; otherwise the closest field
 * the map allows.
 */
export function unknownFieldHint(
  doc: Document,
  schema: z.ZodType,
  path: readonly PathSegment[],
  key: string,
  otherwise: Iterable<string>,
): string {
  const map: unknown = doc.getIn(path, true);
  if (isMap(map) && map.flow) {
    const at = map.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === key);
    const pair = map.items[at];
    const before = map.items[at - 1];
    if (pair && pair.value === null && before && isScalar(before.key) && isScalar(before.value)) {
      const field = String(before.key.value);
      const text = `${String(before.value.value)}, ${key}`;
      return `a comma inside { } ends the text: quote this text, like ${field}: "${text.replace(/"/g, '\\"')}"`;
    }
  }
  const fields = fieldsAt(schema, path);
  return didYouMean(
    key,
    fields.size > 0 ? fields : otherwise,
    'remove it; see docs/scenario-format.md for the fields a scenario has',
  );
}

/**
 * Drops the issues that only echo an unknown key: "a condition needs at least one test" when its
 * one test was misspelt. The misspelling is reported; the echo would send the trainer elsewhere.
 */
export function withoutEchoes(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const unknownAt = new Set(
    issues.filter((i) => i.code === 'unrecognized_keys').map((i) => JSON.stringify(i.path)),
  );
  return issues.filter((i) => i.code !== 'custom' || !unknownAt.has(JSON.stringify(i.path)));
}
