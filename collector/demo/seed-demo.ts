import type { Kysely } from 'kysely';
import { generatePassword, hashPassword } from '../server/auth/password';
import { demoCountRows, demoSchools } from './demo-counts';
import { upsertSchools } from '../storage/schools';
import { rebuildRollups } from '../storage/rollups';
import { addDistrict, addRegion, findDistrict } from '../storage/districts';
import type { Database } from '../storage/schema';
import { createToken } from '../storage/tokens';

export const DEMO_REGION = 'Демо-область';
export const DEMO_DISTRICT = 'Демо-район';
export const DEMO_LOGIN = 'demo';

export interface DemoAccess {
  login: string;
  password: string;
  token: string;
  districtId: number;
}

/**
 * «Демо-район» with ~40 schools and ten weeks of sample counts up to today (fewer foreign
 * messenger opens and more moves to Sferum week by week), a report token and a dashboard user.
 * Run again, it keeps the counts and gives the user a new password (the old one is not kept).
 */
export async function seedDemo(db: Kysely<Database>, today = new Date().toISOString().slice(0, 10)): Promise<DemoAccess> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const existing = await findDistrict(db, DEMO_DISTRICT);
  let districtId: number;
  if (existing) {
    districtId = existing.id;
  } else {
    const region = await db.selectFrom('regions').select('id').where('name', '=', DEMO_REGION).executeTakeFirst();
    districtId = await addDistrict(db, DEMO_DISTRICT, region?.id ?? (await addRegion(db, DEMO_REGION)));
    const rows = demoCountRows({ districtId, today, schools: 40, weeks: 10 });
    await db.transaction().execute(async (trx) => {
      for (let start = 0; start < rows.length; start += 500) await trx.insertInto('counts').values(rows.slice(start, start + 500)).execute();
    });
    await rebuildRollups(db);
    await upsertSchools(db, demoSchools(districtId, 40));
  }
  await db
    .insertInto('users')
    .values({ login: DEMO_LOGIN, password_hash: passwordHash, role: 'district', district_id: districtId, region_id: null })
    .onConflict((conflict) => conflict.column('login').doUpdateSet({ password_hash: passwordHash, district_id: districtId, role: 'district', region_id: null }))
    .execute();
  const token = await createToken(db, districtId);
  return { login: DEMO_LOGIN, password, token, districtId };
}
