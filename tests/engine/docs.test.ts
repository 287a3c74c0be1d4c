/** Files generated from code, and the documented diagnostic list, stay in step with the code. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaFileText } from '../../src/cli/schema-file.js';
import { CATALOGUE } from '../../src/engine/index.js';

describe('generated and documented', () => {
  it('the checked-in editor schema matches the zod schema (run `npm run schema`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaFileText());
  });

  it('docs/diagnostics.md lists every code with its severity, and no other', () => {
    const doc = readFileSync('docs/diagnostics.md', 'utf8');
    const documented = [...doc.matchAll(/^## (KC\d{3}) · (error|warning) · (.+)$/gm)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);
    expect(documented).toEqual(Object.entries(CATALOGUE).map(([code, e]) => [code, e.severity, e.title]));
  });
});
