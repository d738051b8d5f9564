import { sql, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../../storage/schema';

/**
 * Rollups for the dashboard, kept by triggers on `counts`, so every writer (ingest on either
 * engine, the demo seed, an admin's SQL) keeps them right without knowing they exist:
 * - `district_days`: a district's sum per day × messenger × event — overview and trend read
 *   ~63 rows per day instead of one per school;
 * - `school_weeks`: a school's sum per ISO week (keyed by its Monday) — the per-school table.
 * The week start is the only date arithmetic in the collector's SQL, and it lives here, in DDL.
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
      // The dashboard no longer reads counts by district and day; one index less for the ingest to keep.
      await db.schema.dropIndex('counts_by_district_day').execute();
      if (engine === 'sqlite') await sqliteTriggers(db);
      else await postgresTrigger(db);
      // Counts stored before this migration.
      await sql`insert into district_days (district_id, day, messenger, event, n)
        select district_id, day, messenger, event, sum(n) from counts group by district_id, day, messenger, event`.execute(db);
      const weekStart = engine === 'sqlite' ? sql`date(day, '-6 days', 'weekday 1')` : sql`to_char(date_trunc('week', day::date), 'YYYY-MM-DD')`;
      await sql`insert into school_weeks (district_id, week_start, org_id, messenger, event, n)
        select district_id, ${weekStart}, org_id, messenger, event, sum(n) from counts
        group by district_id, ${weekStart}, org_id, messenger, event`.execute(db);
    },
  };
}

function sqliteUpserts(row: 'new' | 'old', delta: string) {
  return sql.raw(`
    insert into district_days (district_id, day, messenger, event, n)
      values (${row}.district_id, ${row}.day, ${row}.messenger, ${row}.event, ${delta})
      on conflict (district_id, day, messenger, event) do update set n = n + excluded.n;
    insert into school_weeks (district_id, week_start, org_id, messenger, event, n)
      values (${row}.district_id, date(${row}.day, '-6 days', 'weekday 1'), ${row}.org_id, ${row}.messenger, ${row}.event, ${delta})
      on conflict (district_id, week_start, org_id, messenger, event) do update set n = n + excluded.n;`);
}

async function sqliteTriggers(db: Kysely<unknown>) {
  await sql`create trigger counts_rollup_insert after insert on counts begin ${sqliteUpserts('new', 'new.n')} end`.execute(db);
  await sql`create trigger counts_rollup_update after update of n on counts when new.n <> old.n
    begin ${sqliteUpserts('new', 'new.n - old.n')} end`.execute(db);
  await sql`create trigger counts_rollup_delete after delete on counts begin ${sqliteUpserts('old', '-old.n')} end`.execute(db);
}

/**
 * Statement triggers with transition tables: one set-based upsert per rollup table per ingest
 * statement, not one per count row. PostgreSQL allows transition tables only on single-event
 * triggers, hence three. A transaction-wide advisory lock makes collectors that share the
 * database update rollups one transaction at a time (taken after their counts are written, so it
 * cannot deadlock with counts' row locks; the rollup upserts themselves then never interleave).
 */
async function postgresTrigger(db: Kysely<unknown>) {
  const apply = (source: string) => `
      perform pg_advisory_xact_lock(20261123);
      insert into district_days as d (district_id, day, messenger, event, n)
        select district_id, day, messenger, event, sum(delta) from (${source}) changed
        group by district_id, day, messenger, event order by district_id, day, messenger, event
        on conflict (district_id, day, messenger, event) do update set n = d.n + excluded.n;
      insert into school_weeks as s (district_id, week_start, org_id, messenger, event, n)
        select district_id, to_char(date_trunc('week', day::date), 'YYYY-MM-DD') as week_start, org_id, messenger, event, sum(delta)
        from (${source}) changed
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (district_id, week_start, org_id, messenger, event) do update set n = s.n + excluded.n;
      return null;`;
  const functions = {
    podskazka_rollup_inserted: 'select district_id, org_id, day, messenger, event, n::bigint as delta from inserted',
    podskazka_rollup_deleted: 'select district_id, org_id, day, messenger, event, -n::bigint as delta from deleted',
    // New rows plus old rows negated: the rollups sum deltas per key anyway, and a join of the two
    // transition tables (no statistics, so a nested loop) grew with the square of the rows.
    podskazka_rollup_updated: `select district_id, org_id, day, messenger, event, n::bigint as delta from updated
      union all select district_id, org_id, day, messenger, event, -n::bigint from previous`,
  };
  for (const [name, source] of Object.entries(functions)) {
    await sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${apply(source)} end $$`).execute(db);
  }
  await sql`create trigger counts_rollup_insert after insert on counts referencing new table as inserted
    for each statement execute function podskazka_rollup_inserted()`.execute(db);
  await sql`create trigger counts_rollup_delete after delete on counts referencing old table as deleted
    for each statement execute function podskazka_rollup_deleted()`.execute(db);
  await sql`create trigger counts_rollup_update after update on counts referencing old table as previous new table as updated
    for each statement execute function podskazka_rollup_updated()`.execute(db);
}
