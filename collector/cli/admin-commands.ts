import { generatePassword, hashPassword } from '../server/auth/password';
import { REPORTS_PATH } from '../server/app';
import { managedConfiguration } from '../../deploy/managed-configuration';
import { addDistrict, addRegion, findDistrict } from '../storage/districts';
import type { CollectorDatabase } from '../storage/open-database';
import { findSchool } from '../storage/schools';
import type { UserRole } from '../storage/schema';
import { LOGIN_PATTERN, normalizeLogin } from '../storage/login-name';
import { addTokenValue, createToken, hashToken } from '../storage/tokens';
import { UsageError } from './usage-error';
import { tokenScope } from './token-scope';

export type Out = (line: string) => void;

export async function addDistrictCommand({ db }: CollectorDatabase, name: string, regionName: string | undefined, out: Out): Promise<void> {
  const cleanName = name.trim();
  if (!cleanName || cleanName.length > 200) throw new UsageError('a district name is 1–200 characters');
  if (await findDistrict(db, cleanName)) throw new UsageError(`district «${cleanName}» already exists`);
  let regionId: number | null = null;
  if (regionName?.trim()) {
    const region = await db.selectFrom('regions').select('id').where('name', '=', regionName.trim()).executeTakeFirst();
    regionId = region?.id ?? (await addRegion(db, regionName.trim()));
  }
  const id = await addDistrict(db, cleanName, regionId);
  out(`district ${id} «${cleanName}» added${regionName ? ` in region «${regionName.trim()}»` : ''}`);
}

export interface UserGrant {
  role: UserRole;
  /** A district's name or number; for the region role, the region's. */
  place: string;
  /** The school's orgId, for the school role. */
  school?: string;
}

/** `user add PLACE LOGIN [--role region|district|school] [--school ORGID]`. */
export async function addUser({ db }: CollectorDatabase, grant: UserGrant, givenLogin: string, stdin: string | null, out: Out): Promise<void> {
  const login = normalizeLogin(givenLogin);
  if (!LOGIN_PATTERN.test(login)) throw new UsageError('a login is 2–64 letters, digits, ".", "_", "@" or "-"');
  if (await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst()) throw new UsageError(`login «${login}» is taken`);
  const where = await userScope(db, grant);
  const given = stdin?.replace(/\r?\n$/, '') || null;
  if (given !== null && given.length < 10) throw new UsageError('the password from stdin must be at least 10 characters');
  const password = given ?? generatePassword();
  await db
    .insertInto('users')
    .values({ login, password_hash: await hashPassword(password), role: grant.role, district_id: where.districtId, region_id: where.regionId, org_id: where.orgId })
    .execute();
  out(`user «${login}» added to «${where.title}»${grant.role === 'district' ? '' : ` as a ${grant.role} user`}${given === null ? `; password: ${password}` : ''}`);
}

async function userScope(db: CollectorDatabase['db'], { role, place, school }: UserGrant) {
  if (role !== 'school' && school) throw new UsageError('--school is only for --role school');
  if (role === 'region') {
    const byName = await db.selectFrom('regions').select(['id', 'name']).where('name', '=', place).executeTakeFirst();
    const region = byName ?? (/^\d{1,9}$/.test(place) ? await db.selectFrom('regions').select(['id', 'name']).where('id', '=', Number(place)).executeTakeFirst() : undefined);
    if (!region) throw new UsageError(`no region «${place}» (a region is created with: district add NAME --region REGION)`);
    return { districtId: null, regionId: region.id, orgId: null, title: region.name };
  }
  const district = await requireDistrict(db, place);
  if (role === 'district') return { districtId: district.id, regionId: null, orgId: null, title: district.name };
  if (!school) throw new UsageError('--role school needs --school ORGID (the school\'s code in the directory)');
  const found = await findSchool(db, district.id, school);
  if (!found) throw new UsageError(`no school «${school}» in «${district.name}» (add it with: school add ${district.name} ${school} "Название")`);
  return { districtId: district.id, regionId: null, orgId: school, title: `${found.name}, ${district.name}` };
}

/**
 * The managed policy for a school (--school: a school token bound to its orgId, and that orgId) or,
 * for districts that want one, for the whole district (a district token; each school adds its orgId).
 */
export async function policyCommand({ db }: CollectorDatabase, district: string, endpoint: string, token: string | undefined, school: string | undefined, out: Out): Promise<void> {
  const { id } = await requireDistrict(db, district);
  const reportEndpoint = reportsUrl(endpoint);
  const scope = tokenScope({ school });
  let reportToken = token;
  if (reportToken) {
    const existing = await db.selectFrom('tokens').select(['district_id', 'revoked', 'org_id']).where('token_hash', '=', hashToken(reportToken)).executeTakeFirst();
    if (existing && (existing.district_id !== id || existing.revoked)) throw new UsageError('this token belongs to another district or was revoked');
    if (existing?.org_id && existing.org_id !== school) throw new UsageError(`this token is school "${existing.org_id}"'s; give --school ${existing.org_id} or another token`);
    if (!existing) await addTokenValue(db, id, reportToken, scope);
  } else {
    reportToken = await createToken(db, id, scope);
  }
  try {
    out(JSON.stringify(managedConfiguration({ reportEndpoint, reportToken, ...(school ? { orgId: school } : {}) }), null, 2));
    if (!school) console.error('A district token writes for any school of the district. Prefer one policy per school: policy DISTRICT --school ORGID.');
  } catch (error) {
    throw new UsageError(`the policy is not valid: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The collector's address, or the full report URL: both end up as …/api/v1/reports. */
function reportsUrl(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new UsageError(`--endpoint is not a URL: ${endpoint}`);
  }
  if (url.pathname === '/' || url.pathname === '') url.pathname = REPORTS_PATH;
  return url.toString();
}

export async function requireDistrict(db: CollectorDatabase['db'], district: string) {
  const found = await findDistrict(db, district);
  if (!found) throw new UsageError(`no district «${district}» (create it with: district add NAME)`);
  return found;
}
