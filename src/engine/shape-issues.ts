/**
 * A schema's complaints about a YAML file of ours (a translation, the course), as diagnostics at
 * the line they are about: unknown fields (KC012), missing ones (KC010), and wrong values (KC011).
 * The scenario loader has its own, richer reading (load.ts): scenarios have many more fields.
 */
import type { z } from 'zod';
import type { Report } from './diagnostics.js';
import type { Locator, PathSegment } from './locate.js';

/** Reports each issue; `fields` says which fields the file has, `more` where to read about it. */
export function reportShapeIssues(
  issues: readonly z.core.$ZodIssue[],
  locate: Locator,
  report: Report,
  hints: { fields: string; more: string },
): void {
  for (const issue of issues) {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    const where = path.join('.') || 'the file';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        report('KC012', locate([...path, key], 'key'), `unknown field '${key}' in ${where}`, hints.fields);
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      report(
        'KC010',
        locate(path.slice(0, -1), 'key'),
        `missing field '${String(path.at(-1))}'`,
        `add "${String(path.at(-1))}:"`,
      );
    } else {
      report('KC011', locate(path), `${where}: ${issue.message}`, hints.more);
    }
  }
}
