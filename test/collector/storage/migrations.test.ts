import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { addDistrict } from '../../../collector/storage/districts';
import { migrateToLatest } from '../../../collector/storage/migrations';
import { openDatabase, type DatabaseTarget } from '../../../collector/storage/open-database';
import type { Database } from '../../../collector/storage/schema';
import { storeBatches } from '../../../collector/storage/store-batches';
import { ENGINES, freshPostgresTarget, freshSqliteTarget } from '../support/databases';

/** A database as an earlier release left it: migrated up to `lastMigration`, nothing later. */
async function olderDatabase(target: DatabaseTarget, lastMigration: string): Promise<Kysely<Database>> {
  if ('file' in target) {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(target.file) }) });
    await migrateToLatest(db, 'sqlite', lastMigration);
    return db;
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url, max: 1 }) }) });
  await migrateToLatest(db, 'postgres', lastMigration);
  return db;
}

/** The first release: up to the dashboard rollups. */
const firstReleaseDatabase = (target: DatabaseTarget) => olderDatabase(target, '0002_dashboard_rollups');

const ROLLUP_TRIGGER_DDL = {
  sqlite: ["create trigger counts_rollup_insert after insert on counts begin select 1; end"],
  postgres: [
    'create function counts_rollup() returns trigger language plpgsql as $$ begin return new; end $$',
    'create trigger counts_rollup_insert after insert on counts for each row execute function counts_rollup()',
  ],
};

async function triggerNames(db: Kysely<Database>, engine: 'sqlite' | 'postgres'): Promise<string[]> {
  const query = engine === 'sqlite' ? sql<{ name: string }>`select name from sqlite_master where type = 'trigger'` : sql<{ name: string }>`select tgname as name from pg_trigger where not tgisinternal`;
  return (await query.execute(db)).rows.map((row) => row.name);
}

describe.each(ENGINES)('upgrading a first-release database on $name', ({ name, skip }) => {
  let remove: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await remove?.();
    remove = undefined;
  });

  it.skipIf(skip)('keeps every count and rollup, and goes on adding to the same rows', async () => {
    const fresh = name === 'sqlite' ? freshSqliteTarget() : await freshPostgresTarget();
    remove = fresh.remove;
    const old = await firstReleaseDatabase(fresh.target);
    const districtId = await addDistrict(old, 'Северный');
    await old.insertInto('batches').values({ batch_id: '00000000-0000-4000-8000-000000000001', district_id: districtId }).execute();
    await old.insertInto('counts').values({ district_id: districtId, org_id: 'school-1', day: '2026-11-16', messenger: 'telegram', event: 'opened', n: 7 }).execute();
    await old.insertInto('district_days').values({ district_id: districtId, day: '2026-11-16', messenger: 'telegram', event: 'opened', n: 7 }).execute();
    await old.insertInto('school_weeks').values({ district_id: districtId, week_start: '2026-11-16', org_id: 'school-1', messenger: 'telegram', event: 'opened', n: 7 }).execute();
    await old.destroy();

    const upgraded = await openDatabase(fresh.target);
    try {
      const stored = await storeBatches(upgraded, [
        { districtId, batchId: '00000000-0000-4000-8000-000000000001', orgId: 'school-1', counts: [{ day: '2026-11-16', messenger: 'telegram', event: 'opened', n: 100 }] },
        { districtId, batchId: '00000000-0000-4000-8000-000000000002', orgId: 'school-1', counts: [{ day: '2026-11-16', messenger: 'telegram', event: 'opened', n: 3 }] },
      ]);
      expect(stored).toEqual([false, true]);
      const n = async (table: 'counts' | 'district_days' | 'school_weeks') => (await upgraded.db.selectFrom(table).select('n').execute()).map((row) => Number(row.n));
      expect(await n('counts')).toEqual([10]);
      expect(await n('district_days')).toEqual([10]);
      expect(await n('school_weeks')).toEqual([10]);
    } finally {
      await upgraded.close();
    }
  });

  it.skipIf(skip)('drops the triggers that kept the rollups before the store wrote them', async () => {
    const fresh = name === 'sqlite' ? freshSqliteTarget() : await freshPostgresTarget();
    remove = fresh.remove;
    const old = await olderDatabase(fresh.target, '0003_postgres_write_tuning');
    for (const statement of ROLLUP_TRIGGER_DDL[name]) await sql.raw(statement).execute(old);
    expect(await triggerNames(old, name)).toEqual(['counts_rollup_insert']);
    await old.destroy();

    const upgraded = await openDatabase(fresh.target);
    try {
      expect(await triggerNames(upgraded.db, name)).toEqual([]);
    } finally {
      await upgraded.close();
    }
  });
});

describe.each(ENGINES)('upgrading a database of the previous release (0003) on $name', ({ name, skip }) => {
  let remove: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await remove?.();
    remove = undefined;
  });

  it.skipIf(skip)('keeps its counts and starts storing alternative visits with their rollups', async () => {
    const fresh = name === 'sqlite' ? freshSqliteTarget() : await freshPostgresTarget();
    remove = fresh.remove;
    const old = await firstReleaseDatabase(fresh.target);
    await migrateToLatest(old, name, '0003_postgres_write_tuning');
    const districtId = await addDistrict(old, 'Северный');
    await old.destroy();

    const upgraded = await openDatabase(fresh.target);
    try {
      const visits = [{ day: '2026-11-18', target: 'sferum', n: 4 }] as const;
      const counts = [{ day: '2026-11-18', messenger: 'telegram', event: 'opened', n: 2 }] as const;
      expect(await storeBatches(upgraded, [{ districtId, batchId: '00000000-0000-4000-8000-000000000003', orgId: 'school-1', counts, visits }])).toEqual([true]);
      expect(await upgraded.db.selectFrom('visits').select(['org_id', 'day', 'target', 'n']).execute()).toEqual([{ org_id: 'school-1', day: '2026-11-18', target: 'sferum', n: 4 }]);
      expect((await upgraded.db.selectFrom('school_visit_weeks').select(['week_start', 'n']).execute()).map((row) => [row.week_start, Number(row.n)])).toEqual([['2026-11-16', 4]]);
      expect((await upgraded.db.selectFrom('district_visit_days').select('n').execute()).map((row) => Number(row.n))).toEqual([4]);
      expect((await upgraded.db.selectFrom('counts').select('n').execute()).map((row) => row.n)).toEqual([2]);
    } finally {
      await upgraded.close();
    }
  });
});

describe.each(ENGINES)('upgrading a database whose log keeps a row per batch (0008) on $name', ({ name, skip }) => {
  let remove: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await remove?.();
    remove = undefined;
  });

  it.skipIf(skip)('folds the batches it left pending, once, beside the new ones', async () => {
    const fresh = name === 'sqlite' ? freshSqliteTarget() : await freshPostgresTarget();
    remove = fresh.remove;
    const old = await olderDatabase(fresh.target, '0008_batch_log');
    const districtId = await addDistrict(old, 'Северный');
    await sql`insert into batch_log (district_id, org_id, counts, visits) values
      (${districtId}, 'school-1', '[{"day":"2026-11-18","messenger":"telegram","event":"opened","n":5}]', '[{"day":"2026-11-18","target":"max","n":2}]'),
      (${districtId}, 'school-2', '[{"day":"2026-11-19","messenger":"whatsapp","event":"opened","n":1}]', '[]')`.execute(old);
    await old.destroy();

    const upgraded = await openDatabase(fresh.target);
    try {
      const counts = [{ day: '2026-11-18', messenger: 'telegram', event: 'opened', n: 3 }] as const;
      expect(await storeBatches(upgraded, [{ districtId, batchId: '00000000-0000-4000-8000-000000000009', orgId: 'school-1', counts }])).toEqual([true]);
      const cells = await upgraded.db.selectFrom('counts').select(['org_id', 'messenger', 'n']).orderBy('org_id').execute();
      expect(cells.map((cell) => [cell.org_id, cell.messenger, Number(cell.n)])).toEqual([['school-1', 'telegram', 8], ['school-2', 'whatsapp', 1]]);
      expect((await upgraded.db.selectFrom('school_visit_weeks').select('n').execute()).map((row) => Number(row.n))).toEqual([2]);
      expect(await upgraded.db.selectFrom('report_log').select('seq').execute()).toEqual([]);
    } finally {
      await upgraded.close();
    }
  });
});
