/**
 * The server's refusals in the page's words: every code the server can answer with (read from its
 * source, so a new one cannot slip by in English) and every code the page makes itself has words
 * in each language; a code the page does not know shows the server's own sentence.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/screens/i18n/index.js';
import { outboxLine } from '../../src/screens/workshop/lobby-parts.js';
import { placeName } from '../../src/screens/workshop/page-parts.js';
import { refusalText } from '../../src/screens/workshop/refusals.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every string a code expression can be: a literal, or either side of a `?:` or `??`. */
function literals(node: ts.Expression, where: string): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return literals(node.expression, where);
  if (ts.isConditionalExpression(node))
    return [...literals(node.whenTrue, where), ...literals(node.whenFalse, where)];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)
    return literals(node.right, where);
  // `error?.code` passes on a code read from the server's reply: the server's codes are read here.
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'code') return [];
  throw new Error(`${where}: a refusal's code this test cannot read (${node.getText()})`);
}

/**
 * The codes of `new WorkshopError(status, code, …)` and of `refuse(status, code, …)` (submission.ts)
 * in the server's source.
 */
function serverCodes(): string[] {
  const codes: string[] = [];
  for (const path of sources('src/server')) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      const made =
        (ts.isNewExpression(node) && node.expression.getText() === 'WorkshopError') ||
        (ts.isCallExpression(node) &&
          node.expression.getText() === 'refuse' &&
          node.arguments[0] !== undefined &&
          ts.isNumericLiteral(node.arguments[0]));
      const code = made ? (node as ts.CallExpression).arguments[1] : undefined;
      if (made && code && !(ts.isIdentifier(code) && path.endsWith('submission.ts'))) {
        const { line } = file.getLineAndCharacterOfPosition(code.getStart());
        codes.push(...literals(code, `${path}:${line + 1}`));
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return [...new Set(codes)].sort();
}

/** The codes the page gives its own refusals (api-client.ts): `code: 'offline'` and the like. */
function pageCodes(): string[] {
  const path = 'src/screens/workshop/api-client.ts';
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const codes: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'code')
      codes.push(...literals(node.initializer, path));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...new Set(codes)].sort();
}

const SERVER_SAYS = 'The server’s own sentence.';
const refusal = (code: string) => ({
  code,
  message: SERVER_SAYS,
  status: 418,
  retryAfterSeconds: 7,
  detail: 'total: expected number',
});

afterEach(() => {
  setLanguage('en');
});

describe('the server’s refusals in the page’s words', () => {
  const server = serverCodes();
  const page = pageCodes();

  it('reads the codes from the server’s source and the page’s client', () => {
    // Codes from WorkshopError, from submission's refuse and from a `?:` (runs.ts) are all found.
    expect(server).toEqual(expect.arrayContaining(['no-room', 'timing', 'room-closed', 'room-not-open']));
    expect(server.length).toBeGreaterThan(30);
    expect(page).toEqual(['bad-reply', 'http', 'offline']);
  });

  it.each(['en', 'es'] as const)('has words in %s for every code', (lang) => {
    setLanguage(lang);
    const missing = [...server, ...page].filter((code) => {
      const words = refusalText(refusal(code));
      return words === SERVER_SAYS || words.trim() === '' || /\{\w+\}/.test(words);
    });
    expect(missing).toEqual([]);
  });

  it('says each code in Spanish, not in the English words', () => {
    const english = [...server, ...page].map((code) => refusalText(refusal(code)));
    setLanguage('es');
    const spanish = [...server, ...page].map((code) => refusalText(refusal(code)));
    expect(spanish.filter((words, i) => words === english[i])).toEqual([]);
    expect(refusalText({ code: 'nickname-taken', message: SERVER_SAYS })).toMatch(/^Alguien de esta sala/);
    expect(refusalText(refusal('rate-limited'))).toBe(
      'Demasiadas peticiones; vuelve a intentarlo dentro de 7 s.',
    );
  });

  it('shows the server’s sentence for a code it does not know, or when a fact is missing', () => {
    setLanguage('es');
    expect(refusalText({ code: 'something-new', message: SERVER_SAYS })).toBe(SERVER_SAYS);
    // A wait without its seconds: the server's sentence says how long.
    expect(refusalText({ code: 'rate-limited', message: 'Too many requests; try again in 9 s.' })).toBe(
      'Too many requests; try again in 9 s.',
    );
    // A code the page stored before codes were kept.
    expect(refusalText({ code: '', message: SERVER_SAYS })).toBe(SERVER_SAYS);
  });
});

describe('places on a board', () => {
  it('are said by the language’s ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 103, 111].map(placeName)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '103rd',
      '111th',
    ]);
    expect(placeName(null)).toBe('–');
    setLanguage('es');
    expect([1, 2, 3, 21].map(placeName)).toEqual(['1.º', '2.º', '3.º', '21.º']);
  });
});

describe('results waiting in the outbox', () => {
  it('are counted by the language’s plural forms, with why they wait in its words', () => {
    const offline = { code: 'offline', message: 'no network', status: 0 };
    expect(outboxLine({ pending: 0, waiting: null })).toBe('');
    expect(outboxLine({ pending: 2, waiting: null })).toMatch(
      /^2 results waiting to be sent\. They are kept/,
    );
    setLanguage('es');
    expect(outboxLine({ pending: 1, waiting: offline })).toBe(
      '1 resultado pendiente de envío (No se puede contactar con el servidor del taller. Revisa el wifi; no perderás nada de lo que termines). Se guarda en este dispositivo y se enviará en cuanto responda el servidor.',
    );
    expect(outboxLine({ pending: 3, waiting: null })).toMatch(
      /^3 resultados pendientes de envío\. Se guardan/,
    );
  });
});
