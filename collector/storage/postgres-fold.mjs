import { addLogRow, cellsInKeyOrder, emptySums } from './log-sums.mjs';

/** One fold at a time across all collectors of a database; any fixed number serves. */
const FOLD_LOCK = 5_150_815;

// The oldest log rows holding about $1 batches (whole rows).
const PICK = `with oldest as (
    select seq, batches from report_log order by seq limit $1
  ), picked as (
    select seq from (select seq, sum(batches) over (order by seq) - batches as before from oldest) w where before < $1
  )
  select r.seq::text as seq, r.batches, r.entries from report_log r join picked using (seq) order by r.seq`;

// The cells arrive summed, as arrays; each takes what fits under the bound $13 (the rest of a count
// cell goes to count_excess), the rollups take what the cells took, each in key order; the log
// rows summed are deleted in the same statement.
const WRITE = `with cells as materialized (
    select district_id, org_id collate "C" as org_id, day collate "C" as day, messenger collate "C" as messenger, event collate "C" as event, n,
           to_char(date_trunc('week', day::date), 'YYYY-MM-DD') collate "C" as week_start
    from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[]) as t(district_id, org_id, day, messenger, event, n)
  ), stored as materialized (
    select c.district_id, c.org_id, c.day, c.messenger, c.event, c.n from counts c
    where (c.district_id, c.org_id, c.day, c.messenger, c.event) in (select district_id, org_id, day, messenger, event from cells)
    order by c.district_id, c.org_id, c.day, c.messenger, c.event
    for update
  ), decided as materialized (
    select cells.*, least(cells.n, greatest($13 - coalesce(stored.n, 0), 0)) as taken
    from cells left join stored using (district_id, org_id, day, messenger, event)
  ), added as (
    insert into counts (district_id, org_id, day, messenger, event, n)
    select district_id, org_id, day, messenger, event, taken from decided where taken > 0
    order by district_id, org_id, day, messenger, event
    on conflict (district_id, org_id, day, messenger, event) do update set n = least(counts.n + excluded.n, $13)
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
  ), visit_cells as materialized (
    select district_id, org_id collate "C" as org_id, day collate "C" as day, target collate "C" as target, n,
           to_char(date_trunc('week', day::date), 'YYYY-MM-DD') collate "C" as week_start
    from unnest($7::int[], $8::text[], $9::text[], $10::text[], $11::bigint[]) as t(district_id, org_id, day, target, n)
  ), visits_stored as materialized (
    select v.district_id, v.org_id, v.day, v.target, v.n from visits v
    where (v.district_id, v.org_id, v.day, v.target) in (select district_id, org_id, day, target from visit_cells)
    order by v.district_id, v.org_id, v.day, v.target
    for update
  ), visits_decided as materialized (
    select visit_cells.*, least(visit_cells.n, greatest($13 - coalesce(visits_stored.n, 0), 0)) as taken
    from visit_cells left join visits_stored using (district_id, org_id, day, target)
  ), visits_added as (
    insert into visits (district_id, org_id, day, target, n)
    select district_id, org_id, day, target, taken from visits_decided where taken > 0
    order by district_id, org_id, day, target
    on conflict (district_id, org_id, day, target) do update set n = least(visits.n + excluded.n, $13)
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
  ), folded as (
    delete from report_log where seq = any($12::bigint[]) returning 1
  )
  select count(*)::int as deleted from folded`;

/**
 * The fold on PostgreSQL, in one transaction: the oldest log rows, about `limit` batches, are
 * read and summed here (V8 parses their JSON many times faster than the server did, and in the
 * collector's fold thread, not on its request path), then one statement adds the cells and
 * deletes exactly the rows read (a store committing meanwhile keeps its row for the next fold).
 * Collectors sharing the database fold one at a time (an advisory lock); `wait` false gives up at
 * once when another holds it. Returns how many batches it folded. `holdMs` (crash tests only)
 * keeps the transaction open that long before it commits, after calling `onHold`.
 */
export async function foldOnPostgres(pool, limit, wait, ceiling, { holdMs = 0, onHold = () => {} } = {}) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    // The fold need not wait for its WAL flush: lost in a server crash, it is lost with the deletion
    // of its log rows, so they are folded again. Stores (the 202s) stay synchronous.
    await client.query('set local synchronous_commit = off');
    const locked = await client.query(wait ? 'select pg_advisory_xact_lock($1), true as locked' : 'select pg_try_advisory_xact_lock($1) as locked', [FOLD_LOCK]);
    if (!locked.rows[0].locked) {
      await client.query('rollback');
      return 0;
    }
    const { rows } = await client.query({ name: 'podskazka_fold_pick_v4', text: PICK, values: [limit] });
    if (rows.length === 0) {
      await client.query('rollback');
      return 0;
    }
    const sums = emptySums();
    for (const row of rows) addLogRow(sums, row);
    const { counts, visits } = cellsInKeyOrder(sums);
    const seqs = rows.map((row) => row.seq);
    const written = await client.query({ name: 'podskazka_fold_write_v4', text: WRITE, values: [...countColumns(counts), ...visitColumns(visits), seqs, ceiling] });
    if (written.rows[0].deleted !== seqs.length) throw new Error('the report log changed during a fold; nothing folded');
    if (holdMs > 0) {
      onHold();
      await new Promise((resolve) => setTimeout(resolve, holdMs));
    }
    await client.query('commit');
    return sums.batches;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const countColumns = (cells) => [cells.map((c) => c.districtId), cells.map((c) => c.orgId), cells.map((c) => c.day), cells.map((c) => c.messenger), cells.map((c) => c.event), cells.map((c) => c.n)];
const visitColumns = (cells) => [cells.map((c) => c.districtId), cells.map((c) => c.orgId), cells.map((c) => c.day), cells.map((c) => c.target), cells.map((c) => c.n)];
