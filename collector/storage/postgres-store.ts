import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { toLogEntries, type AcceptedBatch, type BatchWriter } from './batch-sql';
import { foldOnPostgres } from './postgres-fold';
import type { Database } from './schema';
import type { FoldHold, LogEntry } from './sqlite-store-core.mjs';

/**
 * The PostgreSQL store and fold: each group in one statement; a batchId repeated within the group
 * is stored once. Two groups may be stored at once on two connections (batchIds locked in key
 * order: no deadlock).
 */
export function postgresWriter(db: Kysely<Database>, pool: pg.Pool, hold: FoldHold = {}): BatchWriter {
  return {
    async store(batches) {
      const { first, unique } = firstOfEachBatchId(batches);
      const inserted = await storeOnPostgres(db, pool, toLogEntries(unique));
      return batches.map((batch, index) => first.get(batchKey(batch)) === index && inserted.has(batchKey(batch)));
    },
    fold: (limit, wait = false) => foldOnPostgres(db, pool, limit, wait, hold),
    close: async () => {},
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
 * batches travel as five arrays, new batchIds are inserted in key order, and only the new batches
 * get a row in batch_log. Returns the "districtId|batchId" keys stored now.
 * The statement's text never changes, so it runs as a named statement, planned once per connection.
 */
async function storeOnPostgres(db: Kysely<Database>, pool: pg.Pool, unique: readonly LogEntry[]): Promise<Set<string>> {
  const statement = sql<{ district_id: number; batch_id: string }>`
    with incoming as (
      select batch_id collate "C" as batch_id, district_id, org_id collate "C" as org_id, counts, visits
      from unnest(${unique.map((entry) => entry.batchId)}::text[], ${unique.map((entry) => entry.districtId)}::int[],
                  ${unique.map((entry) => entry.orgId)}::text[], ${unique.map((entry) => entry.counts)}::text[],
                  ${unique.map((entry) => entry.visits)}::text[])
        as t(batch_id, district_id, org_id, counts, visits)
    ), new_batches as (
      insert into batches (batch_id, district_id)
      select batch_id, district_id from incoming order by district_id, batch_id
      on conflict (district_id, batch_id) do nothing
      returning district_id, batch_id
    ), logged as (
      insert into batch_log (district_id, org_id, counts, visits)
      select i.district_id, i.org_id, i.counts, i.visits from incoming i join new_batches b on b.district_id = i.district_id and b.batch_id = i.batch_id
    )
    select district_id, batch_id from new_batches`.compile(db);
  const { rows } = await pool.query<{ district_id: number; batch_id: string }>({ name: 'podskazka_store_batches_v2', text: statement.sql, values: [...statement.parameters] });
  return new Set(rows.map((row) => `${row.district_id}|${row.batch_id}`));
}
