/** Reads a scenario file into a checked Scenario, with diagnostics written for the trainer. */
import { LineCounter, parseDocument, visit, isAlias, type Document } from 'yaml';
import type { z } from 'zod';
import { analyze } from './analyze.js';
import {
  MAX_FILE_BYTES,
  didYouMean,
  hasErrors,
  reporter,
  type Diagnostic,
  type Report,
} from './diagnostics.js';
import { reportHiddenIds, withIdMaps } from './id-maps.js';
import {
  TOO_DEEP,
  firstSyntaxError,
  positionOf,
  syntaxMessage,
  unknownFieldHint,
  withoutEchoes,
} from './load-hints.js';
import { nestingTooDeep } from './yaml-depth.js';
import { locator, type Locator, type PathSegment } from './locate.js';
import * as S from './schema.js';

/** A folder of scenario files: the ones that loaded, and the ones that did not with what is wrong. */
export interface LoadedScenarios {
  scenarios: S.Scenario[];
  /** `error` says why a file could not be read at all (a folder or a pipe with a .yaml name). */
  broken: { file: string; diagnostics: Diagnostic[]; error?: string }[];
}

export interface LoadResult {
  /** Present only when there are no errors (warnings allowed). */
  scenario?: S.Scenario;
  diagnostics: Diagnostic[];
}

/** Every field name the format knows, for "did you mean" on unknown fields. */
const KNOWN_FIELDS = new Set(
  [S.Scenario, S.Customer, S.Node, S.Response, S.Ending, S.Cue, S.Branch, S.Speaker, S.LineVariant]
    .flatMap((o) => Object.keys(o.shape))
    .concat(S.CONDITION_FIELDS),
);

/** Loads scenario source text. Never throws on bad input: everything wrong comes back as diagnostics. */
export function loadScenario(source: string, file = 'scenario.yaml'): LoadResult {
  try {
    return loadChecked(source, file);
  } catch (error) {
    // Out of stack despite the nesting check (a smaller stack than ours): still the trainer's answer.
    if (!(error instanceof RangeError)) throw error;
    const diagnostics: Diagnostic[] = [];
    reporter(file, diagnostics)('KC001', { line: 1, col: 1 }, TOO_DEEP.message, TOO_DEEP.hint);
    return { diagnostics };
  }
}

/**
 * The stages every YAML file of ours goes through before its fields are read: size, nesting, syntax
 * (the first error only: after it the parser guesses) and duplicate keys. The parsed document, or
 * null once a problem is reported. `tooLarge` says how to make the file smaller.
 */
export function readYaml(
  source: string,
  report: Report,
  tooLarge: string,
): { doc: Document; lineCounter: LineCounter } | null {
  const bytes = new TextEncoder().encode(source).length;
  if (bytes > MAX_FILE_BYTES) {
    report(
      'KC004',
      { line: 1, col: 1 },
      `file is ${Math.ceil(bytes / 1024)} KiB; the limit is ${MAX_FILE_BYTES / 1024} KiB`,
      tooLarge,
    );
    return null;
  }

  const tooDeep = nestingTooDeep(source);
  if (tooDeep !== null) {
    report('KC001', positionOf(source, tooDeep), TOO_DEEP.message, TOO_DEEP.hint);
    return null;
  }

  const lineCounter = new LineCounter();
  const doc = withPlainEnv(() =>
    parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false }),
  );
  let reported = false;
  const syntax = firstSyntaxError(doc.errors);
  if (syntax) {
    const offset = syntax.code === 'MISSING_CHAR' ? openingQuote(source, syntax.pos[0]) : syntax.pos[0];
    report('KC001', lineCounter.linePos(offset), syntaxMessage(syntax), syntaxHint(syntax.code));
    reported = true;
  }
  for (const error of doc.errors.filter((e) => e.code === 'DUPLICATE_KEY')) {
    report(
      'KC002',
      lineCounter.linePos(error.pos[0]),
      'this key appears twice in the same map',
      'remove or rename one of them',
    );
    reported = true;
  }
  return reported ? null : { doc, lineCounter };
}

function loadChecked(source: string, file: string): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(file, diagnostics);
  const read = readYaml(source, report, 'split it into several scenarios or shorten the longest lines');
  if (!read) return { diagnostics };
  const { doc, lineCounter } = read;
  const locate = locator(doc, lineCounter);
  if (refuseAliases(source, doc, lineCounter, report)) return { diagnostics };

  const data: unknown = doc.toJS({ maxAliasCount: 0 });
  if (!checkFormat(data, locate, report)) return { diagnostics };

  const parsed = S.Scenario.safeParse(data);
  reportHiddenIds(data, locate, report);
  if (!parsed.success) {
    for (const issue of withoutEchoes(parsed.error.issues)) reportIssue(issue, locate, report, doc);
    return { diagnostics };
  }
  if (hasErrors(diagnostics)) return { diagnostics };
  const scenario = withIdMaps(parsed.data);
  analyze(scenario, locate, report);
  return hasErrors(diagnostics) ? { diagnostics } : { scenario, diagnostics };
}

/**
 * Runs `fn` with a plain object standing in for Node's `process.env`. yaml's Node build reads
 * process.env.LOG_TOKENS once per token, and a read of the real process.env costs about 0.7 µs: a
 * fifth of the time to parse a big scenario. Parsing is synchronous, so nothing else sees the
 * stand-in, which keeps yaml's own debugging switches. Browsers have no `process`: `fn` just runs.
 */
function withPlainEnv<T>(fn: () => T): T {
  const host = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  const env = host?.env;
  if (!host || !env) return fn();
  const { LOG_TOKENS, LOG_STREAM } = env;
  let swapped = false;
  try {
    host.env = { LOG_TOKENS, LOG_STREAM };
    swapped = host.env !== env;
  } catch {
    // A host that will not let go of its env parses at the usual speed.
  }
  try {
    return fn();
  } finally {
    if (swapped) host.env = env;
  }
}

/** An unclosed quote runs to the end of the file; the trainer needs to see where it opened. */
function openingQuote(source: string, end: number): number {
  const before = source.slice(0, end);
  const at = Math.max(before.lastIndexOf('"'), before.lastIndexOf("'"));
  return at >= 0 ? at : end;
}

function syntaxHint(code: string): string {
  switch (code) {
    case 'MISSING_CHAR':
      return 'this quote is never closed: add the closing quote at the end of the text';
    case 'TAB_AS_INDENT':
      return 'replace the tab at the start of the line with spaces (two for each level)';
    case 'RESOURCE_EXHAUSTION':
      return TOO_DEEP.hint;
    case 'BAD_INDENT':
      return 'check the indentation: nested fields need more spaces than their parent, and tabs are not allowed';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value that runs over several lines needs quotes or a block marker (|)';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'a line ending in ":" starts a map; put a space after the colon or quote the text';
    default:
      return 'text with a colon, #, quotes or a leading dash is safest inside double quotes';
  }
}

function refuseAliases(source: string, doc: Document, lineCounter: LineCounter, report: Report): boolean {
  // Every alias starts with '*': without one in the text, walking the whole tree finds nothing.
  if (!source.includes('*')) return false;
  let found = false;
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        found = true;
        report(
          'KC003',
          lineCounter.linePos(node.range?.[0] ?? 0),
          `alias *${node.source} is not allowed`,
          'write the text out in full; scenario files may not use YAML anchors and aliases',
        );
      }
    },
  });
  return found;
}

function checkFormat(data: unknown, locate: Locator, report: Report): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    report('KC011', { line: 1, col: 1 }, 'a scenario file is a map of fields', 'start with "format: 1"');
    return false;
  }
  const format = (data as Record<string, unknown>).format;
  if (typeof format === 'number' && (format < S.FORMAT_MIN || format > S.FORMAT_MAX)) {
    report(
      'KC005',
      locate(['format']),
      `format ${format} is not supported; this version of Keep Cool reads format ${S.FORMAT_MIN} to ${S.FORMAT_MAX}`,
      format > S.FORMAT_MAX ? 'update Keep Cool to open this file' : `set "format: ${S.FORMAT_MAX}"`,
    );
    return false;
  }
  return true;
}

function describePath(path: readonly PathSegment[]): string {
  return (
    path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || 'the file'
  );
}

function reportIssue(issue: z.core.$ZodIssue, locate: Locator, report: Report, doc: Document): void {
  const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  const where = describePath(path);
  const field = path.at(-1);
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      report(
        'KC012',
        locate([...path, key], 'key'),
        `unknown field '${key}' in ${where}`,
        unknownFieldHint(doc, S.Scenario, path, key, KNOWN_FIELDS),
      );
    }
    return;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    report(
      'KC010',
      locate(path.slice(0, -1), 'key'),
      `missing field '${String(field)}' in ${describePath(path.slice(0, -1))}`,
      `add "${String(field)}:" with ${issue.expected === 'string' ? 'text' : `a value of type ${issue.expected}`}`,
    );
    return;
  }
  if (issue.code === 'invalid_key') {
    report(
      'KC011',
      locate(path, 'key'),
      `invalid id '${String(field)}' in ${describePath(path.slice(0, -1))}`,
      'ids are lower-case words joined by hyphens, like "first-contact"',
    );
    return;
  }
  report('KC011', locate(path), `${where}: ${issueMessage(issue)}`, issueHint(issue, field));
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union') return 'this value has the wrong shape';
  if (issue.code === 'invalid_value')
    return `expected one of ${issue.values.map((v) => String(v)).join(', ')}`;
  return issue.message;
}

function issueHint(issue: z.core.$ZodIssue, field: PathSegment | undefined): string {
  if (issue.code === 'invalid_union') {
    if (field === 'says') return 'give one line of text, or a map with "default:" and lines per mood';
    if (field === 'next') return 'give a node or ending id, or a list of "- when: … goto: …" branches';
  }
  if (issue.code === 'invalid_value' && typeof issue.input === 'string') {
    return didYouMean(issue.input, issue.values.map(String), 'pick one of the listed values');
  }
  if (issue.code === 'too_big' || issue.code === 'too_small')
    return 'see docs/scenario-format.md for the limits';
  return 'see docs/scenario-format.md';
}
