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
 * One row trigger. The per-district advisory lock makes collectors that share the database
 * update a district's rollup rows one transaction at a time, so their upserts cannot deadlock.
 */
async function postgresTrigger(db: Kysely<unknown>) {
  await sql`
    create function podskazka_counts_rollup() returns trigger language plpgsql as $$
    declare
      r record;
      delta bigint;
    begin
      if tg_op = 'DELETE' then r := old; delta := -old.n;
      elsif tg_op = 'UPDATE' then r := new; delta := new.n - old.n;
      else r := new; delta := new.n;
      end if;
      if delta = 0 then return null; end if;
      perform pg_advisory_xact_lock(20261123, r.district_id);
      insert into district_days as d (district_id, day, messenger, event, n)
        values (r.district_id, r.day, r.messenger, r.event, delta)
        on conflict (district_id, day, messenger, event) do update set n = d.n + excluded.n;
      insert into school_weeks as s (district_id, week_start, org_id, messenger, event, n)
        values (r.district_id, to_char(date_trunc('week', r.day::date), 'YYYY-MM-DD'), r.org_id, r.messenger, r.event, delta)
        on conflict (district_id, week_start, org_id, messenger, event) do update set n = s.n + excluded.n;
      return null;
    end
    $$`.execute(db);
  await sql`create trigger counts_rollup after insert or update of n or delete on counts
    for each row execute function podskazka_counts_rollup()`.execute(db);
}
