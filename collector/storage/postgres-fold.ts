import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema';
import type { FoldHold } from './sqlite-store-core.mjs';
import { COUNT_CEILING } from './batch-sql';

/** One fold at a time across all collectors of a database; any fixed number serves. */
const FOLD_LOCK = 5_150_815;

/**
 * The fold on PostgreSQL, in one transaction: the oldest `limit` log rows are deleted and their
 * count and visit rows, summed per key, added to counts, visits and their rollups (each in key order).
 * Collectors sharing the database fold one at a time (an advisory lock); `wait` false gives up at
 * once when another holds it. Returns how many log rows it folded.
 */
export async function foldOnPostgres(db: Kysely<Database>, pool: pg.Pool, limit: number, wait: boolean, { holdMs = 0, onHold }: FoldHold = {}): Promise<number> {
  const statement = sql<{ folded: number }>`
    with taken as (
      delete from batch_log where seq in (select seq from batch_log order by seq limit ${limit} for update skip locked)
      returning district_id, org_id, counts, visits
    ), fresh as materialized (
      select t.district_id, t.org_id, r.day collate "C" as day, r.messenger collate "C" as messenger, r.event collate "C" as event, r.n,
             to_char(date_trunc('week', r.day::date), 'YYYY-MM-DD') collate "C" as week_start
      from taken t, json_to_recordset(t.counts::json) as r(day text, messenger text, event text, n int)
    ), added as (
      insert into counts (district_id, org_id, day, messenger, event, n)
      select district_id, org_id, day, messenger, event, least(sum(n), ${COUNT_CEILING})
      from fresh
      group by district_id, org_id, day, messenger, event
      order by district_id, org_id, day, messenger, event
      on conflict (district_id, org_id, day, messenger, event) do update
        set n = case when counts.n > ${COUNT_CEILING} - excluded.n then ${COUNT_CEILING} else counts.n + excluded.n end
    ), district_rollup as (
      insert into district_days as d (district_id, day, messenger, event, n)
      select district_id, day, messenger, event, sum(n) from fresh
      group by district_id, day, messenger, event
      order by district_id, day, messenger, event
      on conflict (district_id, day, messenger, event) do update set n = d.n + excluded.n
    ), school_rollup as (
      insert into school_weeks as s (district_id, week_start, org_id, messenger, event, n)
      select district_id, week_start, org_id, messenger, event, sum(n) from fresh
      group by district_id, week_start, org_id, messenger, event
      order by district_id, week_start, org_id, messenger, event
      on conflict (district_id, week_start, org_id, messenger, event) do update set n = s.n + excluded.n
    ), fresh_visits as materialized (
      select t.district_id, t.org_id, r.day collate "C" as day, r.target collate "C" as target, r.n,
             to_char(date_trunc('week', r.day::date), 'YYYY-MM-DD') collate "C" as week_start
      from taken t, json_to_recordset(t.visits::json) as r(day text, target text, n int)
    ), visits_added as (
      insert into visits (district_id, org_id, day, target, n)
      select district_id, org_id, day, target, least(sum(n), ${COUNT_CEILING})
      from fresh_visits
      group by district_id, org_id, day, target
      order by district_id, org_id, day, target
      on conflict (district_id, org_id, day, target) do update
        set n = case when visits.n > ${COUNT_CEILING} - excluded.n then ${COUNT_CEILING} else visits.n + excluded.n end
    ), visit_district_rollup as (
      insert into district_visit_days as d (district_id, day, target, n)
      select district_id, day, target, sum(n) from fresh_visits
      group by district_id, day, target
      order by district_id, day, target
      on conflict (district_id, day, target) do update set n = d.n + excluded.n
    ), visit_school_rollup as (
      insert into school_visit_weeks as s (district_id, week_start, org_id, target, n)
      select district_id, week_start, org_id, target, sum(n) from fresh_visits
      group by district_id, week_start, org_id, target
      order by district_id, week_start, org_id, target
      on conflict (district_id, week_start, org_id, target) do update set n = s.n + excluded.n
    )
    select count(*)::int as folded from taken`.compile(db);
  const client = await pool.connect();
  try {
    await client.query('begin');
    const locked = await client.query<{ locked: boolean }>(wait ? 'select pg_advisory_xact_lock($1), true as locked' : 'select pg_try_advisory_xact_lock($1) as locked', [FOLD_LOCK]);
    if (!locked.rows[0]!.locked) {
      await client.query('rollback');
      return 0;
    }
    const { rows } = await client.query<{ folded: number }>({ name: 'podskazka_fold', text: statement.sql, values: [...statement.parameters] });
    if (holdMs > 0 && rows[0]!.folded > 0) {
      onHold?.();
      await new Promise((resolve) => setTimeout(resolve, holdMs));
    }
    await client.query('commit');
    return rows[0]!.folded;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
