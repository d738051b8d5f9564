/** CSV for Excel: UTF-8 with a byte order mark (so Cyrillic shows), CRLF lines, RFC 4180 quoting. */
export const UTF8_BOM = '\uFEFF';

function field(value: string | number): string {
  let text = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet; plain data never needs that.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(field).join(','));
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
