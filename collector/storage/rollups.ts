import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from './schema';
import { refillVisitRollups } from './visits-migration';

/**
 * Rollups for the dashboard, kept by the ingest's store in the transaction that adds the counts
 * (sqlite-store-core.mjs, postgres-store.ts), so the dashboard never reads
 * the per-school daily `counts`:
 * - `district_days`: a district's sum per day × messenger × event — overview and trend read
 *   ~63 rows per day instead of one per school;
 * - `school_weeks`: a school's sum per ISO week (keyed by its Monday) — the per-school table.
 * Whoever writes `counts` another way (demo seed, tests, an admin's SQL) calls `rebuildRollups`
 * afterwards.
 */
export function dashboardRollupsMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const bigCount = engine === 'postgres' ? 'bigint' : 'integer';
      await db.schema
        .createTable('district_days')
        .addColumn('district_id', 'integer', (column) => column.notNull())
        .addColumn('day', 'varchar(10)', (column) => column.notNull())
        .addColumn('messenger', 'varchar(16)', (column) => column.notNull())
        .addColumn('event', 'varchar(24)', (column) => column.notNull())
        .addColumn('n', bigCount, (column) => column.notNull())
        .addPrimaryKeyConstraint('district_days_pk', ['district_id', 'day', 'messenger', 'event'])
        .modifyEnd(engine === 'sqlite' ? sql`without rowid` : sql``)
        .execute();
      await db.schema
        .createTable('school_weeks')
        .addColumn('district_id', 'integer', (column) => column.notNull())
        .addColumn('week_start', 'varchar(10)', (column) => column.notNull())
        .addColumn('org_id', 'varchar(64)', (column) => column.notNull())
        .addColumn('messenger', 'varchar(16)', (column) => column.notNull())
        .addColumn('event', 'varchar(24)', (column) => column.notNull())
        .addColumn('n', bigCount, (column) => column.notNull())
        .addPrimaryKeyConstraint('school_weeks_pk', ['district_id', 'week_start', 'org_id', 'messenger', 'event'])
        .modifyEnd(engine === 'sqlite' ? sql`without rowid` : sql``)
        .execute();
      // The dashboard reads the rollups, not counts by district and day: one index less for the ingest to keep.
      await db.schema.dropIndex('counts_by_district_day').execute();
      await fillRollups(db, engine);
    },
  };
}

/** Recomputes the rollups from `counts` and `visits` in one transaction (after writes that bypass the ingest). */
export async function rebuildRollups(db: Kysely<any>): Promise<void> {
  const engine: Engine = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  await db.transaction().execute(async (trx) => {
    // Collectors sharing a PostgreSQL database keep storing meanwhile; their rollup writes wait.
    if (engine === 'postgres') await sql`lock table district_days, school_weeks, district_visit_days, school_visit_weeks in exclusive mode`.execute(trx);
    await sql`delete from district_days`.execute(trx);
    await sql`delete from school_weeks`.execute(trx);
    await fillRollups(trx, engine);
    await refillVisitRollups(trx, engine);
  });
}

async function fillRollups(db: Kysely<any>, engine: Engine): Promise<void> {
  const weekStart = engine === 'sqlite' ? sql`date(day, '-6 days', 'weekday 1')` : sql`to_char(date_trunc('week', day::date), 'YYYY-MM-DD')`;
  await sql`insert into district_days (district_id, day, messenger, event, n)
    select district_id, day, messenger, event, sum(n) from counts group by district_id, day, messenger, event`.execute(db);
  await sql`insert into school_weeks (district_id, week_start, org_id, messenger, event, n)
    select district_id, ${weekStart}, org_id, messenger, event, sum(n) from counts
    group by district_id, ${weekStart}, org_id, messenger, event`.execute(db);
}
