import type { Kysely } from 'kysely';
import type { Database, UserRole } from '../../storage/schema';

/**
 * What a dashboard user may see, decided on the server from the session's user alone: a district
 * user its district; a region user the districts of its region. Every query takes these ids.
 */
export interface Scope {
  role: UserRole;
  name: string;
  districts: { id: number; name: string }[];
}

export async function resolveScope(
  db: Kysely<Database>,
  user: { role: UserRole; districtId: number | null; regionId: number | null },
): Promise<Scope | null> {
  if (user.role === 'district') {
    if (user.districtId === null) return null;
    const district = await db.selectFrom('districts').select(['id', 'name']).where('id', '=', user.districtId).executeTakeFirst();
    return district ? { role: 'district', name: district.name, districts: [district] } : null;
  }
  if (user.regionId === null) return null;
  const region = await db.selectFrom('regions').select('name').where('id', '=', user.regionId).executeTakeFirst();
  if (!region) return null;
  const districts = await db.selectFrom('districts').select(['id', 'name']).where('region_id', '=', user.regionId).orderBy('name').execute();
  return { role: 'region', name: region.name, districts };
}

export const districtIds = (scope: Scope) => scope.districts.map((district) => district.id);
