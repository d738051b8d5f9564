import type pg from 'pg';
import { COUNT_CEILING, toLogEntries, type BatchWriter } from './batch-sql';
import { foldOnPostgres } from './postgres-fold.mjs';
import { replaceableThread } from './replaceable-thread';
import type { FoldHold, LogEntry } from './sqlite-store-core.mjs';

/**
 * The PostgreSQL store and fold (postgres-fold.mjs). Stores run on the
 * collector's pool, two groups at once (while one waits for its commit, the next is sent; a writer
 * thread for them was slower: the hop to it cost the main thread as much as node-pg's work).
 * Given the database's URL (a long-running collector), the fold runs in a thread of its own with
 * its own connection, so parsing and summing thousands of log rows does not hold up requests;
 * without it (the CLI, the demo, tests) on the pool.
 */
export function postgresWriter(pool: pg.Pool, hold: FoldHold = {}, foldThreadUrl?: string): BatchWriter {
  const folder = foldThreadUrl ? replaceableThread(new URL('./postgres-fold.worker.mjs', import.meta.url), { url: foldThreadUrl, ceiling: COUNT_CEILING, holdMs: hold.holdMs ?? 0 }, hold.onHold) : null;
  return {
    store: (batches) => storeOnPostgres(pool, toLogEntries(batches)),
    fold: (limit, wait = false) => (folder ? folder.call<number>({ fold: limit, wait }) : foldOnPostgres(pool, limit, wait, COUNT_CEILING, hold)),
    close: async () => folder?.close(),
    pipeline: 2,
  };
}

// A whole group of batches in ONE statement (one round trip, one implicit transaction): the
// batchIds and districts travel as two arrays, the entries as one text, a line each (JSON has no
// raw line break), so nothing of a batch is escaped as an array element. New batchIds are inserted
// in key order (two groups stored at once on two connections cannot deadlock), and the new
// batches' entries become one row of report_log. The text never changes, so it runs as a named
// statement, planned once per connection.
const STORE = `with incoming as (
    select batch_id collate "C" as batch_id, district_id, entry
    from unnest($1::text[], $2::int[], string_to_array($3::text, E'\\n')) as t(batch_id, district_id, entry)
  ), new_batches as (
    insert into batches (batch_id, district_id)
    select batch_id, district_id from incoming order by district_id, batch_id
    on conflict (district_id, batch_id) do nothing
    returning district_id, batch_id
  ), logged as (
    insert into report_log (batches, entries)
    select count(*), '[' || string_agg(i.entry, ',') || ']'
    from incoming i join new_batches b on b.district_id = i.district_id and b.batch_id = i.batch_id
    having count(*) > 0
  )
  select district_id, batch_id from new_batches`;

const keyOf = (batch: { districtId: number; batchId: string }) => `${batch.districtId}|${batch.batchId}`;

/**
 * Per entry, true when stored now, false when its batchId was known to its district (before, or
 * earlier in the list).
 */
async function storeOnPostgres(pool: pg.Pool, entries: readonly LogEntry[]): Promise<boolean[]> {
  const first = new Map<string, number>();
  const unique: LogEntry[] = [];
  entries.forEach((entry, index) => {
    if (first.has(keyOf(entry))) return;
    first.set(keyOf(entry), index);
    unique.push(entry);
  });
  const values = [unique.map((entry) => entry.batchId), unique.map((entry) => entry.districtId), unique.map((entry) => entry.entry).join('\n')];
  const { rows } = await pool.query<{ district_id: number; batch_id: string }>({ name: 'podskazka_store_batches_v4', text: STORE, values });
  const inserted = new Set(rows.map((row) => keyOf({ districtId: row.district_id, batchId: row.batch_id })));
  return entries.map((entry, index) => first.get(keyOf(entry)) === index && inserted.has(keyOf(entry)));
}
