import { readFile } from 'node:fs/promises';
import type { CollectorDatabase } from '../storage/open-database';
import { ORG_ID_PATTERN } from '../../protocol/report';
import { SCHOOL_NAME_MAX, upsertSchools } from '../storage/schools';
import { requireDistrict, type Out } from './admin-commands';
import { UsageError } from './usage-error';
import { parseSchoolList } from './school-list-file';

/** `school add DISTRICT ORGID NAME`: one school; a known code gets the new name. */
export async function addSchoolCommand({ db }: CollectorDatabase, district: string, orgId: string, name: string, out: Out): Promise<void> {
  const { id, name: districtName } = await requireDistrict(db, district);
  const cleanName = name.trim().replace(/\s+/g, ' ');
  if (!ORG_ID_PATTERN.test(orgId)) throw new UsageError(`«${orgId}» is not an orgId (1–64 Latin letters, digits, ".", "_" or "-", as in the policy)`);
  if (!cleanName || cleanName.length > SCHOOL_NAME_MAX) throw new UsageError(`a school name is 1–${SCHOOL_NAME_MAX} characters`);
  const { added } = await upsertSchools(db, [{ districtId: id, orgId, name: cleanName }]);
  out(`school ${orgId} «${cleanName}» ${added ? 'added to' : 'renamed in'} «${districtName}»`);
}

/** `school import DISTRICT FILE.csv`: the district's own list; one bad line and nothing is stored. */
export async function importSchoolsCommand({ db }: CollectorDatabase, district: string, file: string, out: Out): Promise<void> {
  const { id, name: districtName } = await requireDistrict(db, district);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
  });
  const parsed = parseSchoolList(bytes);
  if (!parsed.ok) throw new UsageError(`${file}: nothing imported:\n  ${parsed.errors.join('\n  ')}`);
  const { added, renamed } = await upsertSchools(db, parsed.schools.map((school) => ({ districtId: id, ...school })));
  const unchanged = parsed.schools.length - added - renamed;
  out(`«${districtName}»: ${added} schools added, ${renamed} renamed, ${unchanged} unchanged (${parsed.schools.length} in ${file})`);
}
