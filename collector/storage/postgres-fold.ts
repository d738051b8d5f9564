import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema';
import type { FoldHold } from './sqlite-store-core.mjs';
import { COUNT_CEILING } from './batch-sql';

/** One fold at a time across all collectors of a database; any fixed number serves. */
const FOLD_LOCK = 5_150_815;

/**
 * The fold on PostgreSQL, in one transaction: the oldest log rows, about `limit` batches, are
 * deleted and their batches' count and visit rows, summed per cell; each cell takes what fits under the plausibility bound
 * (COUNT_CEILING; the rest of a count cell goes to count_excess) and the rollups take what the cells
 * took (each in key order).
 * Collectors sharing the database fold one at a time (an advisory lock); `wait` false gives up at
 * once when another holds it (which is also why the rows need no lock of their own). Returns how
 * many batches it folded.
 */
export async function foldOnPostgres(db: Kysely<Database>, pool: pg.Pool, limit: number, wait: boolean, { holdMs = 0, onHold }: FoldHold = {}): Promise<number> {
  const statement = sql<{ folded: number }>`
    with oldest as (
      select seq, batches from report_log order by seq limit ${limit}
    ), picked as (
      select seq from (select seq, sum(batches) over (order by seq) - batches as before from oldest) w where before < ${limit}
    ), taken as (
      delete from report_log where seq in (select seq from picked)
      returning batches, entries
    ), entries as materialized (
      select (e->>'d')::int as district_id, (e->>'o') collate "C" as org_id, e->'c' as counts, e->'v' as visits
      from taken, jsonb_array_elements(taken.entries::jsonb) as e
    ), fresh as materialized (
      select t.district_id, t.org_id, r.day collate "C" as day, r.messenger collate "C" as messenger, r.event collate "C" as event, r.n,
             to_char(date_trunc('week', r.day::date), 'YYYY-MM-DD') collate "C" as week_start
      from entries t, jsonb_to_recordset(t.counts) as r(day text, messenger text, event text, n int)
    ), cells as materialized (
      select district_id, org_id, day, messenger, event, min(week_start) as week_start, sum(n) as n
      from fresh group by district_id, org_id, day, messenger, event
    ), stored as materialized (
      select c.district_id, c.org_id, c.day, c.messenger, c.event, c.n from counts c
      where (c.district_id, c.org_id, c.day, c.messenger, c.event) in (select district_id, org_id, day, messenger, event from cells)
      order by c.district_id, c.org_id, c.day, c.messenger, c.event
      for update
    ), decided as materialized (
      select cells.*, least(cells.n, greatest(${COUNT_CEILING} - coalesce(stored.n, 0), 0)) as taken
      from cells left join stored using (district_id, org_id, day, messenger, event)
    ), added as (
      insert into counts (district_id, org_id, day, messenger, event, n)
      select district_id, org_id, day, messenger, event, taken from decided where taken > 0
      order by district_id, org_id, day, messenger, event
      on conflict (district_id, org_id, day, messenger, event) do update set n = least(counts.n + excluded.n, ${COUNT_CEILING})
    ), refused as (
      insert into count_excess as x (district_id, org_id, day, messenger, event, n)
      select district_id, org_id, day, messenger, event, n - taken from decided where n > taken
      order by district_id, org_id, day, messenger, event
      on conflict (district_id, org_id, day, messenger, event) do update set n = x.n + excluded.n
    ), district_rollup as (
      insert into district_days as d (district_id, day, messenger, event, n)
      select district_id, day, messenger, event, sum(taken) from decided where taken > 0
      group by district_id, day, messenger, event
      order by district_id, day, messenger, event
      on conflict (district_id, day, messenger, event) do update set n = d.n + excluded.n
    ), school_rollup as (
      insert into school_weeks as s (district_id, week_start, org_id, messenger, event, n)
      select district_id, week_start, org_id, messenger, event, sum(taken) from decided where taken > 0
      group by district_id, week_start, org_id, messenger, event
      order by district_id, week_start, org_id, messenger, event
      on conflict (district_id, week_start, org_id, messenger, event) do update set n = s.n + excluded.n
    ), fresh_visits as materialized (
      select t.district_id, t.org_id, r.day collate "C" as day, r.target collate "C" as target, r.n,
             to_char(date_trunc('week', r.day::date), 'YYYY-MM-DD') collate "C" as week_start
      from entries t, jsonb_to_recordset(t.visits) as r(day text, target text, n int)
    ), visit_cells as materialized (
      select district_id, org_id, day, target, min(week_start) as week_start, sum(n) as n
      from fresh_visits group by district_id, org_id, day, target
    ), visits_stored as materialized (
      select v.district_id, v.org_id, v.day, v.target, v.n from visits v
      where (v.district_id, v.org_id, v.day, v.target) in (select district_id, org_id, day, target from visit_cells)
      order by v.district_id, v.org_id, v.day, v.target
      for update
    ), visits_decided as materialized (
      select visit_cells.*, least(visit_cells.n, greatest(${COUNT_CEILING} - coalesce(visits_stored.n, 0), 0)) as taken
      from visit_cells left join visits_stored using (district_id, org_id, day, target)
    ), visits_added as (
      insert into visits (district_id, org_id, day, target, n)
      select district_id, org_id, day, target, taken from visits_decided where taken > 0
      order by district_id, org_id, day, target
      on conflict (district_id, org_id, day, target) do update set n = least(visits.n + excluded.n, ${COUNT_CEILING})
    ), visit_district_rollup as (
      insert into district_visit_days as d (district_id, day, target, n)
      select district_id, day, target, sum(taken) from visits_decided where taken > 0
      group by district_id, day, target
      order by district_id, day, target
      on conflict (district_id, day, target) do update set n = d.n + excluded.n
    ), visit_school_rollup as (
      insert into school_visit_weeks as s (district_id, week_start, org_id, target, n)
      select district_id, week_start, org_id, target, sum(taken) from visits_decided where taken > 0
      group by district_id, week_start, org_id, target
      order by district_id, week_start, org_id, target
      on conflict (district_id, week_start, org_id, target) do update set n = s.n + excluded.n
    )
    select coalesce(sum(batches), 0)::int as folded from taken`.compile(db);
  const client = await pool.connect();
  try {
    await client.query('begin');
    // The fold need not wait for its WAL flush: lost in a server crash, it is lost with the deletion
    // of its log rows, so they are folded again. Stores (the 202s) stay synchronous.
    await client.query('set local synchronous_commit = off');
    const locked = await client.query<{ locked: boolean }>(wait ? 'select pg_advisory_xact_lock($1), true as locked' : 'select pg_try_advisory_xact_lock($1) as locked', [FOLD_LOCK]);
    if (!locked.rows[0]!.locked) {
      await client.query('rollback');
      return 0;
    }
    const { rows } = await client.query<{ folded: number }>({ name: 'podskazka_fold_v3', text: statement.sql, values: [...statement.parameters] });
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
