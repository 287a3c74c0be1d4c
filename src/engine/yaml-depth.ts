/**
 * How deep a YAML text nests, found in one pass over the characters, before the parser (whose
 * composer recurses once per level, and runs out of stack a few hundred levels down) sees it.
 */

/** Lists and maps inside each other, at most. A real scenario nests fewer than a dozen levels. */
export const MAX_NESTING = 64;

const FLOW_INDICATORS = ',[]{}';
/** Characters after which `[`, `{` or a quote starts a collection or a quoted text. */
const OPENS_AFTER = new Set([':', '-', ',', '[', '{', '?']);

/** Where a quoted text closes on `line`, searching after `from` (-1: from the line's start). */
function closingQuote(line: string, from: number, quote: string): number {
  for (let j = from + 1; j < line.length; j++) {
    if (quote === '"' && line[j] === '\\') j++;
    else if (line[j] === quote) {
      if (quote === "'" && line[j + 1] === "'") j++;
      else return j;
    }
  }
  return -1;
}

/** Whether an indicator just before `at` stands alone: a space, the line's end or a bracket follows. */
function endsToken(line: string, at: number, flow: number): boolean {
  const next = line[at];
  return next === undefined || next === ' ' || next === '\t' || (flow > 0 && FLOW_INDICATORS.includes(next));
}

/** Whether plain text stops before the character at `at`. */
function endsPlain(line: string, at: number, flow: number): boolean {
  const c = line[at] ?? '';
  if (c === ':' && endsToken(line, at + 1, flow)) return true;
  if (c === '#' && (line[at - 1] === ' ' || line[at - 1] === '\t')) return true;
  return flow > 0 && FLOW_INDICATORS.includes(c);
}

/**
 * Where the text first nests deeper than `limit` (an offset), or null. It may miss a case, which
 * the parser then reports itself, but never refuses a text that nests within the limit: brackets
 * and quotes count only where YAML reads them as such, never inside texts or comments.
 */
export function nestingTooDeep(source: string, limit = MAX_NESTING): number | null {
  /** Indentation of the open block levels. */
  const indents: number[] = [];
  /** Block levels open where the current flow collection began, and flow levels open now. */
  let block = 0;
  let flow = 0;
  /** Inside a block text (| or >): the indentation of the line that opened it. */
  let literalUnder: number | null = null;
  /** A quoted text running on from an earlier line: its quote character. */
  let quote: string | null = null;
  let offset = 0;
  for (const line of source.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    let i: number;
    let previous: string | undefined;
    if (quote !== null) {
      const close = closingQuote(line, -1, quote);
      if (close < 0) continue;
      i = close + 1;
      previous = quote;
      quote = null;
    } else {
      const indent = line.length - line.trimStart().length;
      if (indent === line.length) continue;
      if (literalUnder !== null && indent > literalUnder) continue;
      literalUnder = null;
      i = indent;
      if (flow === 0) {
        if (line[i] === '#') continue;
        while (indents.length > 0 && (indents.at(-1) ?? 0) >= indent) indents.pop();
        indents.push(indent);
        block = indents.length;
        // Compact nesting: "- - - x" opens one more list per dash after the first.
        while (line.startsWith('- ', i) || line.startsWith('? ', i)) {
          if (previous !== undefined && ++block > limit) return start + i;
          i += 2;
          while (line[i] === ' ') i++;
          previous = '-';
        }
        // A line that starts with [ or { is that collection: its indentation is no level of its own.
        if (previous === undefined && (line[i] === '[' || line[i] === '{')) block--;
        if (block > limit) return start + i;
        if ((line[i] === '|' || line[i] === '>') && previous === '-') literalUnder = indent;
      }
    }
    for (; i < line.length && literalUnder === null; i++) {
      const c = line[i] ?? '';
      if (c === ' ' || c === '\t') continue;
      if (c === '#' && (line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      const atStart = previous === undefined || OPENS_AFTER.has(previous);
      if ((c === '"' || c === "'") && atStart) {
        const close = closingQuote(line, i, c);
        if (close < 0) {
          quote = c;
          break;
        }
        i = close;
      } else if ((c === '[' || c === '{') && (atStart || flow > 0)) {
        if (block + ++flow > limit) return start + i;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      } else if ((c === '|' || c === '>') && flow === 0 && previous === ':') {
        literalUnder = line.length - line.trimStart().length;
      } else if (!(OPENS_AFTER.has(c) && endsToken(line, i + 1, flow))) {
        // Plain text runs to ": ", " #", the line's end or (inside [ ] and { }) a bracket or comma.
        while (i + 1 < line.length && !endsPlain(line, i + 1, flow)) i++;
        previous = 'text';
        continue;
      }
      previous = c;
    }
  }
  return null;
}
