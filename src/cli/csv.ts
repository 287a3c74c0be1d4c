/**
 * RFC 4180 CSV, as spreadsheets read and write it: fields with a comma, a quote or a line break are
 * quoted, quotes inside doubled, records end in CRLF. Written with a UTF-8 byte-order mark, because
 * Excel reads a CSV without one in the machine's old code page and mangles "¿", "ñ" and accents;
 * LibreOffice, Numbers and Google Sheets take the mark in their stride. Read with or without it.
 */

const BOM = '\uFEFF';

function field(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The rows as CSV text, byte-order mark first. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((r) => r.map(field).join(',') + '\r\n').join('');
}

export interface CsvRecord {
  /** The line the record starts on, 1-based, for file:line messages. */
  line: number;
  fields: string[];
}

export type CsvRead = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/** Parses CSV text; a quote left open is reported at the line it opened on. */
export function parseCsv(text: string): CsvRead {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let value = '';
  let line = 1;
  let start = 1;
  let i = 0;
  let quoted = false;
  let openedAt = 0;
  const endField = () => {
    fields.push(value);
    value = '';
  };
  const endRecord = () => {
    endField();
    // A blank line (a lone empty field) is no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
  };
  while (i < src.length) {
    const c = src[i] ?? '';
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        value += c;
      }
      i++;
      continue;
    }
    if (c === '"' && value === '') {
      quoted = true;
      openedAt = line;
    } else if (c === ',') endField();
    else if (c === '\r' && src[i + 1] === '\n') {
      i++;
      continue;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      line++;
      start = line;
    } else value += c;
    i++;
  }
  if (quoted) return { ok: false, line: openedAt, message: 'a quoted field is never closed' };
  if (value !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}
