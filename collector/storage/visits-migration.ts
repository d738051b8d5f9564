import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from './schema';

/**
 * 0005: alternative visits (wire format v2, DESIGN §6-7) — `visits` per district × school × day ×
 * target, and the dashboard's two rollups of them, written by the ingest in the transaction
 * that stores the visits (as district_days and school_weeks are for counts):
 * - `district_visit_days`: a district's visits per day × target (headline, trend);
 * - `school_visit_weeks`: a school's visits per ISO week (its Monday) × target (per-school table,
 *   share of schools using the alternative, exports).
 * A database of the previous release gains three empty tables; nothing else changes.
 */
export function visitsMigration(engine: Engine): Migration {
  // As 0003 does for the count tables: byte order for ASCII keys on PostgreSQL.
  const key = (length: number) => (engine === 'postgres' ? sql`varchar(${sql.raw(String(length))}) collate "C"` : sql`varchar(${sql.raw(String(length))})`);
  const bigCount = engine === 'postgres' ? 'bigint' : 'integer';
  const clustered = engine === 'sqlite' ? sql`without rowid` : sql``;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('visits')
        .addColumn('district_id', 'integer', (column) => column.notNull().references('districts.id'))
        .addColumn('org_id', key(64), (column) => column.notNull())
        .addColumn('day', key(10), (column) => column.notNull())
        .addColumn('target', key(16), (column) => column.notNull())
        .addColumn('n', 'integer', (column) => column.notNull())
        .addPrimaryKeyConstraint('visits_pk', ['district_id', 'org_id', 'day', 'target'])
        .modifyEnd(clustered)
        .execute();
      await db.schema
        .createTable('district_visit_days')
        .addColumn('district_id', 'integer', (column) => column.notNull())
        .addColumn('day', key(10), (column) => column.notNull())
        .addColumn('target', key(16), (column) => column.notNull())
        .addColumn('n', bigCount, (column) => column.notNull())
        .addPrimaryKeyConstraint('district_visit_days_pk', ['district_id', 'day', 'target'])
        .modifyEnd(clustered)
        .execute();
      await db.schema
        .createTable('school_visit_weeks')
        .addColumn('district_id', 'integer', (column) => column.notNull())
        .addColumn('week_start', key(10), (column) => column.notNull())
        .addColumn('org_id', key(64), (column) => column.notNull())
        .addColumn('target', key(16), (column) => column.notNull())
        .addColumn('n', bigCount, (column) => column.notNull())
        .addPrimaryKeyConstraint('school_visit_weeks_pk', ['district_id', 'week_start', 'org_id', 'target'])
        .modifyEnd(clustered)
        .execute();
    },
  };
}

/** Recomputes the visit rollups from `visits` (inside rebuildRollups' transaction). */
export async function refillVisitRollups(db: Kysely<any>, engine: Engine): Promise<void> {
  const weekStart = engine === 'sqlite' ? sql`date(day, '-6 days', 'weekday 1')` : sql`to_char(date_trunc('week', day::date), 'YYYY-MM-DD')`;
  await sql`delete from district_visit_days`.execute(db);
  await sql`delete from school_visit_weeks`.execute(db);
  await sql`insert into district_visit_days (district_id, day, target, n)
    select district_id, day, target, sum(n) from visits group by district_id, day, target`.execute(db);
  await sql`insert into school_visit_weeks (district_id, week_start, org_id, target, n)
    select district_id, ${weekStart}, org_id, target, sum(n) from visits group by district_id, ${weekStart}, org_id, target`.execute(db);
}
