import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { COUNT_CEILING, toLogEntries, type AcceptedBatch, type BatchWriter } from './batch-sql';
import { foldOnPostgres } from './postgres-fold.mjs';
import { postgresFoldThread } from './postgres-fold-thread';
import type { Database } from './schema';
import type { FoldHold, LogEntry } from './sqlite-store-core.mjs';

/**
 * The PostgreSQL store and fold: each group in one statement; a batchId repeated within the group
 * is stored once. Two groups may be stored at once on two connections (batchIds locked in key
 * order: no deadlock). The fold runs here, or, for a long-running collector given the database's
 * URL, in a thread of its own (postgres-fold-thread.ts).
 */
export function postgresWriter(db: Kysely<Database>, pool: pg.Pool, hold: FoldHold = {}, foldThreadUrl?: string): BatchWriter {
  const thread = foldThreadUrl ? postgresFoldThread(foldThreadUrl, hold) : null;
  return {
    async store(batches) {
      const { first, unique } = firstOfEachBatchId(batches);
      const inserted = await storeOnPostgres(db, pool, toLogEntries(unique));
      return batches.map((batch, index) => first.get(batchKey(batch)) === index && inserted.has(batchKey(batch)));
    },
    fold: thread ? thread.fold : (limit, wait = false) => foldOnPostgres(pool, limit, wait, COUNT_CEILING, hold),
    close: async () => thread?.close(),
    pipeline: 2,
  };
}

const batchKey = (batch: { districtId: number; batchId: string }) => `${batch.districtId}|${batch.batchId}`;

/** The first batch of each district's batchId, and where it stood in the input. */
function firstOfEachBatchId(batches: readonly AcceptedBatch[]): { first: Map<string, number>; unique: AcceptedBatch[] } {
  const first = new Map<string, number>();
  const unique: AcceptedBatch[] = [];
  batches.forEach((batch, index) => {
    if (first.has(batchKey(batch))) return;
    first.set(batchKey(batch), index);
    unique.push(batch);
  });
  return { first, unique };
}

/**
 * A whole group of batches in ONE statement (one round trip, one implicit transaction): the
 * batchIds and districts travel as two arrays, the entries as one text, a line each (JSON has no
 * raw line break), so nothing of a batch is escaped as an array element. New batchIds are inserted
 * in key order, and the new batches' entries become one row of report_log. Returns the
 * "districtId|batchId" keys stored now.
 * The statement's text never changes, so it runs as a named statement, planned once per connection.
 */
async function storeOnPostgres(db: Kysely<Database>, pool: pg.Pool, unique: readonly LogEntry[]): Promise<Set<string>> {
  const statement = sql<{ district_id: number; batch_id: string }>`
    with incoming as (
      select batch_id collate "C" as batch_id, district_id, entry
      from unnest(${unique.map((entry) => entry.batchId)}::text[], ${unique.map((entry) => entry.districtId)}::int[],
                  string_to_array(${unique.map((entry) => entry.entry).join('\n')}::text, E'\n'))
        as t(batch_id, district_id, entry)
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
    select district_id, batch_id from new_batches`.compile(db);
  const { rows } = await pool.query<{ district_id: number; batch_id: string }>({ name: 'podskazka_store_batches_v3', text: statement.sql, values: [...statement.parameters] });
  return new Set(rows.map((row) => `${row.district_id}|${row.batch_id}`));
}
