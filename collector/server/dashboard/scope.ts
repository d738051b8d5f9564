import type { Kysely } from 'kysely';
import type { Database, UserRole } from '../../storage/schema';

/**
 * What a dashboard user may see, decided on the server from the session's user alone: a district
 * user its district; a region user the districts of its region; a school user (the school's
 * responsible person) its own school. Every query takes these ids.
 */
export interface Scope {
  role: UserRole;
  name: string;
  districts: { id: number; name: string }[];
  /** A school user's school: every query then reads this orgId only. */
  school?: { orgId: string; name: string };
}

export interface ScopeUser {
  role: UserRole;
  districtId: number | null;
  regionId: number | null;
  orgId: string | null;
}

export async function resolveScope(db: Kysely<Database>, user: ScopeUser): Promise<Scope | null> {
  if (user.role === 'district' || user.role === 'school') {
    if (user.districtId === null) return null;
    const district = await db.selectFrom('districts').select(['id', 'name']).where('id', '=', user.districtId).executeTakeFirst();
    if (!district) return null;
    if (user.role === 'district') return { role: 'district', name: district.name, districts: [district] };
    if (user.orgId === null) return null;
    const school = await db.selectFrom('schools').select('name').where('district_id', '=', district.id).where('org_id', '=', user.orgId).executeTakeFirst();
    // A school user whose school left the directory sees nothing rather than the whole district.
    if (!school) return null;
    return { role: 'school', name: school.name, districts: [district], school: { orgId: user.orgId, name: school.name } };
  }
  if (user.regionId === null) return null;
  const region = await db.selectFrom('regions').select('name').where('id', '=', user.regionId).executeTakeFirst();
  if (!region) return null;
  const districts = await db.selectFrom('districts').select(['id', 'name']).where('region_id', '=', user.regionId).orderBy('name').execute();
  return { role: 'region', name: region.name, districts };
}

export const districtIds = (scope: Scope) => scope.districts.map((district) => district.id);

/** The one school a school user may read; undefined for the other roles (all schools of the districts). */
export const schoolFilter = (scope: Scope): string | undefined => scope.school?.orgId;
