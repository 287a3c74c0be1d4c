/**
 * No interface module keeps a stray English sentence: the page's words come from the catalogues
 * (src/screens/i18n/). Every string and template literal in src/screens is read with the TypeScript
 * parser; one that reads as words ("Start the call", `Decision ${n}`) fails the test unless it is
 * a class list, a selector, a media query or the like.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = 'src/screens';

/** Calls and properties whose strings are code, not words: selectors, classes, queries, styles. */
const CODE_CALLS = new Set([
  'querySelector',
  'querySelectorAll',
  'closest',
  'matchMedia',
  'add',
  'remove',
  'toggle',
  'contains',
  'setProperty',
  'createElementNS',
  'animate',
  'getElementById',
]);
const CODE_PROPERTIES = new Set(['className', 'd', 'transform', 'clipPath', 'easing']);

/** Two words of letters with a space between: what a sentence has and a key or an id has not. */
const WORDS = /\p{L}{2,}[,.:;!?’']?\s+\p{L}{2,}/u;
/** Class lists ("secondary small skip") and SVG path data. */
const CODE_TEXT = /^(?:[a-z][a-z0-9-]*)(?:\s+[a-z][a-z0-9-]*)*$|^[MmLlHhVvCcSsQqTtAaZz0-9.,\s-]+$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : files(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The literal's text, with a template's `${…}` written as {…}. */
function textOf(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `{…}${span.literal.text}`).join('');
  return null;
}

/** Whether the literal is code by where it stands: an import, a class, a selector, a type. */
function isCode(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent))
    return true;
  if (
    ts.isPropertyAssignment(parent) &&
    ts.isIdentifier(parent.name) &&
    CODE_PROPERTIES.has(parent.name.text)
  )
    return true;
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression;
    const name = ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : ts.isIdentifier(callee)
        ? callee.text
        : '';
    if (CODE_CALLS.has(name)) return true;
    // A catalogue key or a console message for developers.
    if (
      name === 't' ||
      name === 'tn' ||
      (ts.isPropertyAccessExpression(callee) && callee.expression.getText() === 'console')
    )
      return true;
    // An attribute's name, or the value of one that is not read out.
    if (name === 'setAttribute')
      return parent.arguments[0] === node || !SPOKEN_ATTRIBUTE.test(attributeOf(parent));
  }
  return false;
}

const SPOKEN_ATTRIBUTE = /^(aria-label|aria-description|title|alt|placeholder)$/;
const attributeOf = (call: ts.CallExpression): string => {
  const first = call.arguments[0];
  return first && ts.isStringLiteral(first) ? first.text : '';
};

/**
 * Whether a single word stands where the page shows or reads out words: a child of `el(…)`, a
 * `textContent`, a spoken attribute. ("Send", "Settings": one word, but still English.)
 */
function isShown(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression;
    if (ts.isIdentifier(callee) && callee.text === 'el')
      return parent.arguments.indexOf(node as ts.Expression) >= 2;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'setAttribute')
      return parent.arguments[1] === node && SPOKEN_ATTRIBUTE.test(attributeOf(parent));
  }
  if (ts.isBinaryExpression(parent) && parent.right === node && ts.isPropertyAccessExpression(parent.left))
    return ['textContent', 'placeholder', 'title', 'ariaLabel'].includes(parent.left.name.text);
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name))
    return ['textContent', 'placeholder', 'title', 'ariaLabel', 'alt'].includes(parent.name.text);
  return false;
}

/** The game's name and the method's: the same in every language. */
const NAMES = new Set(['Keep Cool', 'Keep', 'Cool', 'SOARING']);

/** The English sentences of one file: line and text. */
function strays(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const text = textOf(node);
    if (text !== null) {
      const spoken = text.replace(/\{…\}/g, ' ').trim();
      const sentence = WORDS.test(spoken) && !CODE_TEXT.test(spoken);
      const word = /^\p{Lu}\p{L}+/u.test(spoken) && isShown(node);
      if ((sentence || word) && !NAMES.has(spoken) && !isCode(node) && !/<svg|<text|<rect|<path/.test(text)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${relative(ROOT, path)}:${line + 1} ${text.slice(0, 80)}`);
      }
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('interface text', () => {
  const all = files(ROOT);

  it('comes from the catalogue in every interface module', () => {
    expect(all.length).toBeGreaterThan(60);
    expect(all.flatMap(strays)).toEqual([]);
  });

  it('finds an English sentence where one is left (the check can fail)', () => {
    const found = strays('tests/fixtures/stray-english/page.ts');
    expect(found.some((line) => line.endsWith('Your results in this room'))).toBe(true);
    // A single word shown on the page counts too; a class list does not.
    expect(found.some((line) => line.endsWith(' Send'))).toBe(true);
    expect(found).toHaveLength(2);
  });
});
