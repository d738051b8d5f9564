import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { addDistrict } from '../../../collector/storage/districts';
import { migrateToLatest } from '../../../collector/storage/migrations';
import { openDatabase, type DatabaseTarget } from '../../../collector/storage/open-database';
import type { Database } from '../../../collector/storage/schema';
import { storeBatches } from '../../../collector/storage/store-batches';
import { grantForTokenHash, hashToken, revokeToken } from '../../../collector/storage/tokens';
import { ENGINES, freshPostgresTarget, freshSqliteTarget } from '../support/databases';

const RELEASED = '0003_postgres_write_tuning';
const ID = '3f6c1a9e-5b2d-4c8e-9a1f-0d2e4b6a8c0e';

async function releasedDatabase(target: DatabaseTarget): Promise<Kysely<Database>> {
  const db =
    'file' in target
      ? new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(target.file) }) })
      : new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url, max: 1 }) }) });
  await migrateToLatest(db, 'file' in target ? 'sqlite' : 'postgres', RELEASED);
  return db;
}

describe.each(ENGINES)('migration 0007 on a database of the previous release on $name', ({ name, skip }) => {
  let remove: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await remove?.();
    remove = undefined;
  });

  it.skipIf(skip)('lower-cases batchIds per district, keeps old tokens working and normalizes logins', async () => {
    const fresh = name === 'sqlite' ? freshSqliteTarget() : await freshPostgresTarget();
    remove = fresh.remove;
    const old = await releasedDatabase(fresh.target);
    const north = await addDistrict(old, 'Северный');
    const south = await addDistrict(old, 'Южный');
    // Before: one id in two cases was two batches of one district; ids were unique across districts.
    await old.insertInto('batches').values([
      { batch_id: ID, district_id: north },
      { batch_id: ID.toUpperCase(), district_id: north },
      { batch_id: ID.replace('3f6c', '3F6C'), district_id: north },
      { batch_id: ID.replace('9a1f', '9A1F'), district_id: south },
    ]).execute();
    await old.insertInto('tokens').values({ token_hash: hashToken('pk_old-district-token'), district_id: north, created_day: '2026-09-01', revoked: 0 } as never).execute();
    await old.insertInto('users').values([
      { login: 'Metodist', password_hash: 'x', role: 'district', district_id: north, region_id: null },
      { login: 'Ivanova', password_hash: 'x', role: 'district', district_id: north, region_id: null },
      { login: 'ivanova', password_hash: 'y', role: 'district', district_id: south, region_id: null },
    ]).execute();
    await old.destroy();

    const upgraded = await openDatabase(fresh.target);
    try {
      const batches = await upgraded.db.selectFrom('batches').select(['district_id', 'batch_id']).orderBy('district_id').execute();
      expect(batches).toEqual([{ district_id: north, batch_id: ID }, { district_id: south, batch_id: ID }]);
      const row = [{ day: '2026-11-16', messenger: 'telegram', event: 'opened', n: 1 }] as const;
      expect(await storeBatches(upgraded, [{ districtId: north, batchId: ID, orgId: 'a', counts: row }, { districtId: south, batchId: ID, orgId: 'a', counts: row }])).toEqual([false, false]);

      const grant = await grantForTokenHash(upgraded.db, hashToken('pk_old-district-token'));
      expect(grant).toEqual({ tokenId: hashToken('pk_old-district-token').slice(0, 12), districtId: north, orgId: null, rowsPerDay: null, newOrgsPerDay: null });
      expect(await revokeToken(upgraded.db, grant!.tokenId)).toEqual({ revoked: grant!.tokenId });

      const logins = await upgraded.db.selectFrom('users').select('login').orderBy('id').execute();
      expect(logins.map((user) => user.login)).toEqual(['metodist', 'Ivanova', 'ivanova']);
    } finally {
      await upgraded.close();
    }
  });
});
