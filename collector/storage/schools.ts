import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** A school of a district's directory: the `orgId` its computers report with, and its name. */
export interface School {
  districtId: number;
  orgId: string;
  name: string;
}

export const SCHOOL_NAME_MAX = 300;

/**
 * Adds the schools or renames those already listed, all in one transaction: a list either
 * loads whole or not at all. Returns how many were new.
 */
export async function upsertSchools(db: Kysely<Database>, schools: readonly School[]): Promise<{ added: number; renamed: number }> {
  return db.transaction().execute(async (trx) => {
    let added = 0;
    let renamed = 0;
    for (const school of schools) {
      const existing = await trx
        .selectFrom('schools')
        .select('name')
        .where('district_id', '=', school.districtId)
        .where('org_id', '=', school.orgId)
        .executeTakeFirst();
      if (!existing) {
        await trx.insertInto('schools').values({ district_id: school.districtId, org_id: school.orgId, name: school.name }).execute();
        added += 1;
      } else if (existing.name !== school.name) {
        await trx.updateTable('schools').set({ name: school.name }).where('district_id', '=', school.districtId).where('org_id', '=', school.orgId).execute();
        renamed += 1;
      }
    }
    return { added, renamed };
  });
}

/** The directories of these districts. */
export async function listSchools(db: Kysely<Database>, districtIds: readonly number[]): Promise<School[]> {
  if (districtIds.length === 0) return [];
  const rows = await db.selectFrom('schools').select(['district_id', 'org_id', 'name']).where('district_id', 'in', districtIds).execute();
  return rows.map((row) => ({ districtId: row.district_id, orgId: row.org_id, name: row.name }));
}

export async function findSchool(db: Kysely<Database>, districtId: number, orgId: string): Promise<School | null> {
  const row = await db.selectFrom('schools').select('name').where('district_id', '=', districtId).where('org_id', '=', orgId).executeTakeFirst();
  return row ? { districtId, orgId, name: row.name } : null;
}
