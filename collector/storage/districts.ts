import type { Kysely } from 'kysely';
import type { Database } from './schema';

export async function addRegion(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db.insertInto('regions').values({ name }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function addDistrict(db: Kysely<Database>, name: string, regionId: number | null = null): Promise<number> {
  const row = await db.insertInto('districts').values({ name, region_id: regionId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A district by its name, or by its number when the argument is all digits. */
export async function findDistrict(db: Kysely<Database>, nameOrId: string): Promise<{ id: number; name: string } | null> {
  const byName = await db.selectFrom('districts').select(['id', 'name']).where('name', '=', nameOrId).executeTakeFirst();
  if (byName || !/^\d{1,9}$/.test(nameOrId)) return byName ?? null;
  return (await db.selectFrom('districts').select(['id', 'name']).where('id', '=', Number(nameOrId)).executeTakeFirst()) ?? null;
}
