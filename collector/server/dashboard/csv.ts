/** CSV for Russian Excel: `;` between fields, UTF-8 with a byte order mark (so Cyrillic shows), CRLF lines, RFC 4180 quoting. */
export const UTF8_BOM = '\uFEFF';

/** A school's or district's code: always text in a spreadsheet, never a number or a date. */
export interface CodeCell {
  code: string;
}
export type CsvCell = string | number | CodeCell;

// What Excel would read as a number or a date: 0123 → 123, 1e5 → 100000, 1-2 → 1 February.
const LOOKS_NUMERIC = /^[\d\s.,:/eE+-]+$/;

function field(value: CsvCell): string {
  // ="0123" is the one form Excel keeps as text when it opens a CSV; a code has no quotes to escape.
  if (typeof value === 'object') return LOOKS_NUMERIC.test(value.code) ? `"=""${value.code}"""` : field(value.code);
  let text = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet; plain data never needs that.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(field).join(';'));
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
