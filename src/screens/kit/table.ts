/** A data table: a header row of column titles, then the rows a screen builds. */
import { el } from './dom.js';

/** A column's title, and the class its header cell shares with the column's cells. */
export type Column = string | { title: string; className: string };

export function table(columns: readonly Column[], rows: readonly HTMLTableRowElement[]): HTMLTableElement {
  const headers = columns.map((column) =>
    typeof column === 'string'
      ? el('th', { scope: 'col' }, column)
      : el('th', { scope: 'col', className: column.className }, column.title),
  );
  return el('table', {}, el('thead', {}, el('tr', {}, ...headers)), el('tbody', {}, ...rows));
}
