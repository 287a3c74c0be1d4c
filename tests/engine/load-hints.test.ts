/** What the loader tells a trainer about tabs, deep nesting, commas in { } and misspelt keys. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { YAMLParseError, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { syntaxMessage } from '../../src/engine/load-hints.js';
import { MAX_NESTING, nestingTooDeep } from '../../src/engine/yaml-depth.js';
import { loadScenario } from '../../src/engine/load.js';
import { SHIPPED } from '../support/scenarios.js';

const FIXTURES = 'tests/fixtures/diagnostics';

function only(file: string) {
  const { diagnostics } = loadScenario(readFileSync(`${FIXTURES}/${file}`, 'utf8'), file);
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0];
}

describe('loader messages', () => {
  it('says a line is indented with a tab', () => {
    expect(only('KC001-tab-indent.yaml')).toMatchObject({
      message: 'this line is indented with a tab; YAML needs spaces',
      hint: expect.stringContaining('spaces') as unknown,
    });
  });

  it('says a file is nested too deep, never that the stack ran out', () => {
    const d = only('KC001-nested-too-deep.yaml');
    expect(d?.message).toContain('nested too deep');
    expect(d?.message).not.toMatch(/stack/i);
    // Should the parser run out of stack all the same, its error reads the same way.
    const overflow = new YAMLParseError([0, 1], 'RESOURCE_EXHAUSTION', 'Maximum call stack size exceeded');
    expect(syntaxMessage(overflow)).toContain('nested too deep');
  });

  it('asks for quotes when a comma inside { } cut a text in two', () => {
    const d = only('KC012-comma-in-flow-text.yaml');
    expect(d?.hint).toContain('quote this text');
    expect(d?.hint).toContain('text: "She smiles, then frowns"');
    expect(d?.hint).not.toContain('remove it');
  });

  it('suggests the condition and the mood meant, and nothing that only echoes the typo', () => {
    expect(only('KC012-condition-typo.yaml')?.hint).toBe("did you mean 'anger_at_least'?");
    expect(only('KC012-mood-typo.yaml')?.hint).toBe("did you mean 'furious'?");
  });
});

describe('the nesting check before the parser', () => {
  const deepest = (depth: number) => `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;

  it('lets through up to the limit and stops just past it', () => {
    expect(nestingTooDeep(deepest(MAX_NESTING - 1))).toBeNull();
    expect(nestingTooDeep(deepest(MAX_NESTING))).toBe(3 + MAX_NESTING - 1);
    expect(nestingTooDeep(`x:\n  ${'- '.repeat(MAX_NESTING + 5)}1\n`)).not.toBeNull();
  });

  it('does not count brackets in quotes, comments, block texts or the middle of a line', () => {
    const many = '['.repeat(MAX_NESTING * 2);
    const text = [
      `a: "${many}"`,
      `b: '${many}'`,
      `c: words ${many}`,
      `# ${many}`,
      'd: |',
      `  ${many}`,
      `e: don't ${many}`,
      '',
    ].join('\n');
    expect(nestingTooDeep(text)).toBeNull();
  });

  it('never refuses YAML that nests within the limit, whatever its text holds', () => {
    // Bracket-heavy text: YAML may leave it unquoted in block style, where it must not count.
    const unit = fc.constantFrom(
      'a',
      ' ',
      '[',
      '[',
      '[',
      '{',
      ']',
      '}',
      ':',
      '#',
      "'",
      '"',
      ',',
      '-',
      '|',
      '\n',
    );
    const text = fc.string({ unit, maxLength: 80 });
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.array(tie('tree'), { maxLength: 3 }),
        fc.dictionary(text, tie('tree'), { maxKeys: 3 }),
      ),
    }));
    const depthOf = (v: unknown): number =>
      typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;
    fc.assert(
      fc.property(
        tree,
        fc.integer({ min: 40, max: 62 }),
        fc.constantFrom('any', 'block', 'flow'),
        (value, wraps, style) => {
          let nested: unknown = value;
          for (let i = 0; i < wraps; i++) nested = i % 2 === 0 ? [nested] : { key: nested };
          const top = { top: nested };
          fc.pre(depthOf(top) <= MAX_NESTING);
          const source = stringify(top, { collectionStyle: style });
          expect(nestingTooDeep(source)).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('passes every shipped scenario', () => {
    for (const file of SHIPPED) expect(nestingTooDeep(readFileSync(file, 'utf8'))).toBeNull();
  });
});
