/** The catalogue of scenario diagnostics: stable codes, severities and what each one means. */
import type { Position } from './locate.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  file: string;
  line: number;
  col: number;
  message: string;
  hint: string;
}

interface CatalogueEntry {
  severity: Severity;
  title: string;
}

/** Every code the loader can report. docs/diagnostics.md documents the same list; a test keeps them in step. */
export const CATALOGUE = {
  KC001: { severity: 'error', title: 'YAML syntax error' },
  KC002: { severity: 'error', title: 'Duplicate key' },
  KC003: { severity: 'error', title: 'YAML anchors and aliases are not allowed' },
  KC004: { severity: 'error', title: 'File too large' },
  KC005: { severity: 'error', title: 'Unsupported scenario format' },
  KC010: { severity: 'error', title: 'Missing field' },
  KC011: { severity: 'error', title: 'Invalid value' },
  KC012: { severity: 'error', title: 'Unknown field' },
  KC020: { severity: 'error', title: 'Unknown node or ending' },
  KC021: { severity: 'error', title: 'Duplicate id' },
  KC022: { severity: 'error', title: 'Conditional next without a default branch' },
  KC023: { severity: 'error', title: 'Wrong kind of target' },
  KC024: { severity: 'error', title: 'I-message builder without pieces' },
  KC025: { severity: 'error', title: 'Moment neither answered nor passed through' },
  KC026: { severity: 'error', title: 'Moments nobody answers that loop' },
  KC027: { severity: 'error', title: 'Unknown speaker' },
  KC028: { severity: 'error', title: 'Unknown or mistyped variable' },
  KC029: { severity: 'error', title: 'Condition whose tests do not fit together' },
  KC030: { severity: 'error', title: 'Unreachable node' },
  KC031: { severity: 'error', title: 'No ending can be reached' },
  KC032: { severity: 'error', title: 'Loop with no way out' },
  KC033: { severity: 'warning', title: 'Response teaches nothing' },
  KC034: { severity: 'error', title: 'No path to a resolved ending' },
  KC035: { severity: 'warning', title: 'Unreachable ending' },
  KC036: { severity: 'warning', title: 'Flag is tested but never set' },
  KC037: { severity: 'warning', title: 'Naming misconduct where there is none' },
  KC038: { severity: 'warning', title: 'I-message pieces that no node offers' },
  KC039: { severity: 'warning', title: 'No clean I-message can be built' },
  KC040: { severity: 'warning', title: 'Observe moment without a telling cue' },
  KC041: { severity: 'warning', title: 'Letter the moment does not call for' },
  KC042: { severity: 'warning', title: 'Mood line that is never said' },
  KC043: { severity: 'warning', title: 'Responses too alike to tell apart when typed' },
  KC044: { severity: 'warning', title: 'Good ending that is not a hand-off' },
  KC045: { severity: 'warning', title: 'Time-out moment in a call without time-outs' },
  KC046: { severity: 'warning', title: 'Cue that does not fit the channel' },
  KC047: { severity: 'warning', title: 'A bad start ends the call' },
  KC050: { severity: 'warning', title: 'A blind strategy scores too well' },
  KC060: { severity: 'error', title: 'Translation of the wrong scenario or language' },
  KC061: { severity: 'error', title: 'Unknown string id in a translation' },
  KC062: { severity: 'error', title: 'Placeholder missing or extra in a translation' },
  KC063: { severity: 'warning', title: 'Strings not translated yet' },
  KC064: { severity: 'warning', title: 'Translation of an older source text' },
  KC070: { severity: 'error', title: 'Course names a scenario, moment or response that is not there' },
  KC071: { severity: 'warning', title: 'Course call that rarely asks for its chapter’s move' },
  KC072: { severity: 'error', title: 'Lesson that does not teach its move' },
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof CATALOGUE;

/** Largest scenario file the loader reads, in bytes. */
export const MAX_FILE_BYTES = 256 * 1024;

/** A Report that adds each diagnostic to `out`, as found in `file`: what every loader reports into. */
export function reporter(file: string, out: Diagnostic[]): Report {
  return (code, at, message, hint) => {
    out.push({ code, severity: CATALOGUE[code].severity, file, line: at.line, col: at.col, message, hint });
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `file:line:col CODE message` — the one-line form editors and CI logs understand. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col} ${d.severity} ${d.code} ${d.message}${d.hint ? ` (${d.hint})` : ''}`;
}

/**
 * The problems of scenario files that could not be loaded, one a line, as the checker prints them:
 * a file that could not be read at all (`error`), then each diagnostic.
 */
export function brokenFileLines(
  broken: readonly { file: string; diagnostics: readonly Diagnostic[]; error?: string }[],
): string[] {
  return broken.flatMap((b) => [
    ...(b.error ? [`${b.file}: error ${b.error}`] : []),
    ...b.diagnostics.map(formatDiagnostic),
  ]);
}

/** One row of the edit-distance table, reused: thousands of comparisons allocate nothing. */
let row = new Int32Array(64);

/**
 * Edit distance, for "did you mean …" hints, or any number above `limit` once it is sure to exceed
 * it: most candidates are far off, and a big scenario has thousands of ids to compare.
 */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (row.length <= b.length) row = new Int32Array(b.length + 1);
  const prev = row;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      const d = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev[j] = d;
      diag = up;
      if (d < rowMin) rowMin = d;
    }
    // No later row has a value below this row's minimum.
    if (rowMin > limit) return limit + 1;
  }
  return prev[b.length] ?? 0;
}

/** Candidates for many "did you mean" look-ups, lower-cased once. */
export class Candidates implements Iterable<string> {
  readonly names: readonly string[];
  readonly lower: readonly string[];
  /** Lower-cased name → index of its first appearance. */
  readonly exact = new Map<string, number>();
  /** Answers already given: a misspelt id is often misspelt the same way in many places. */
  readonly answers = new Map<string, string | undefined>();
  constructor(names: Iterable<string>) {
    this.names = [...names];
    this.lower = this.names.map((n) => n.toLowerCase());
    this.lower.forEach((n, i) => {
      if (!this.exact.has(n)) this.exact.set(n, i);
    });
  }
  [Symbol.iterator](): Iterator<string> {
    return this.names[Symbol.iterator]();
  }
}

/** The closest candidate to `word`, if one is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = candidates instanceof Candidates ? candidates : new Candidates(candidates);
  if (list.answers.has(word)) return list.answers.get(word);
  const answer = closestIn(list, word);
  list.answers.set(word, answer);
  return answer;
}

function closestIn({ names, lower, exact }: Candidates, word: string): string | undefined {
  const target = word.toLowerCase();
  const same = exact.get(target);
  if (same !== undefined) return names[same];
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  // Only a candidate within the threshold can be the answer, and only one strictly closer than the
  // best so far replaces it, so the first of the closest candidates still wins a tie. No candidate
  // is at distance 0 (that was the exact match), so one at distance 1 cannot be beaten.
  for (let i = 0; i < names.length && bestDistance > 1; i++) {
    const d = distance(target, lower[i] ?? '', bestDistance - 1);
    if (d < bestDistance) {
      best = names[i];
      bestDistance = d;
    }
  }
  return best;
}

export function didYouMean(word: string, candidates: Iterable<string>, otherwise: string): string {
  const match = closest(word, candidates);
  return match ? `did you mean '${match}'?` : otherwise;
}

/** How the loader's checks report a problem: which, where, what is wrong and how to fix it. */
export type Report = (code: DiagnosticCode, at: Position, message: string, hint: string) => void;
