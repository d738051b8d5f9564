import { ORG_ID_PATTERN } from '../../protocol/report';
import { SCHOOL_NAME_MAX } from '../storage/schools';

/**
 * A district's list of schools as Excel saves it: "CSV UTF-8" (with a byte order mark), plain
 * "CSV" (Windows-1251 on a Russian Windows), `;` (Russian Excel) or `,` as the separator, quoted
 * fields, a header row naming the code and the name columns. Parsed whole before anything is
 * stored, so one bad line stops the import and names itself.
 */
export interface SchoolListEntry {
  orgId: string;
  name: string;
}

export type SchoolListResult = { ok: true; schools: SchoolListEntry[] } | { ok: false; errors: string[] };

const CODE_HEADER = /^(код|orgid|org_id|code|идентификатор|id)/i;
const NAME_HEADER = /^(наименование|название|name|школа|организация|оо|образовательная)/i;
const MAX_ERRORS = 20;

/** UTF-8 (BOM or none) when the bytes are valid UTF-8, else Windows-1251. */
export function decodeSchoolList(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/** RFC 4180 records with the given separator: quotes may hold separators, quotes and line breaks. */
function records(text: string, separator: string): { line: number; fields: string[] }[] {
  const result: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) fields.push(field), (field = '');
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      fields.push(field);
      result.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line += 1;
      recordLine = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) result.push({ line: recordLine, fields: [...fields, field] });
  return result.filter((record) => record.fields.some((value) => value.trim() !== ''));
}

function separatorOf(headerLine: string): string {
  const count = (char: string) => headerLine.split(char).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}

export function parseSchoolList(bytes: Uint8Array): SchoolListResult {
  const text = decodeSchoolList(bytes).replace(/^\uFEFF/, '');
  const separator = separatorOf(text.split(/\r?\n/, 1)[0] ?? '');
  const [header, ...rows] = records(text, separator);
  if (!header) return { ok: false, errors: ['the file is empty: it needs a header row («Код;Наименование») and one row per school'] };
  const titles = header.fields.map((title) => title.trim());
  const codeColumn = titles.findIndex((title) => CODE_HEADER.test(title));
  const nameColumn = titles.findIndex((title, index) => index !== codeColumn && NAME_HEADER.test(title));
  if (codeColumn < 0 || nameColumn < 0) {
    return { ok: false, errors: [`line 1: the header needs a code and a name column (e.g. «Код;Наименование»); it is «${titles.join(separator)}»`] };
  }
  const errors: string[] = [];
  const seen = new Map<string, number>();
  const schools: SchoolListEntry[] = [];
  for (const { line, fields } of rows) {
    const orgId = (fields[codeColumn] ?? '').trim();
    const name = (fields[nameColumn] ?? '').trim().replace(/\s+/g, ' ');
    if (!ORG_ID_PATTERN.test(orgId)) errors.push(`line ${line}: code «${orgId}» is not an orgId (1–64 Latin letters, digits, ".", "_" or "-", as in the policy)`);
    else if (!name) errors.push(`line ${line}: school «${orgId}» has no name`);
    else if (name.length > SCHOOL_NAME_MAX) errors.push(`line ${line}: the name is longer than ${SCHOOL_NAME_MAX} characters`);
    else if (seen.has(orgId)) errors.push(`line ${line}: code «${orgId}» is already on line ${seen.get(orgId)}`);
    else {
      seen.set(orgId, line);
      schools.push({ orgId, name });
    }
    if (errors.length >= MAX_ERRORS) break;
  }
  if (errors.length > 0) return { ok: false, errors };
  if (schools.length === 0) return { ok: false, errors: ['no school after the header row'] };
  return { ok: true, schools };
}
