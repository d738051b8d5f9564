import { sql, type Kysely, type Transaction } from 'kysely';
import type { CountRow } from '../../protocol/report';
import type { CountsTable, Database } from './schema';

/** A validated batch, already mapped from its token to a district. */
export interface AcceptedBatch {
  districtId: number;
  batchId: string;
  orgId: string;
  counts: readonly CountRow[];
}

/** Counts saturate here instead of overflowing PostgreSQL's integer, which would fail a whole group. */
export const COUNT_CEILING = 2_000_000_000;
const BATCH_ROWS_PER_STATEMENT = 2000;
const COUNT_ROWS_PER_STATEMENT = 1000;

/**
 * Stores many batches in one transaction. Returns, per input batch, true when it was stored now
 * and false when its batchId was already known (before, or earlier in the same list).
 * Rows are written in key order so concurrent collectors on one PostgreSQL never deadlock.
 */
export async function storeBatches(db: Kysely<Database>, batches: readonly AcceptedBatch[]): Promise<boolean[]> {
  return db.transaction().execute((trx) => storeInTransaction(trx, batches));
}

async function storeInTransaction(trx: Transaction<Database>, batches: readonly AcceptedBatch[]): Promise<boolean[]> {
  const firstIndex = new Map<string, number>();
  batches.forEach((batch, index) => {
    if (!firstIndex.has(batch.batchId)) firstIndex.set(batch.batchId, index);
  });
  const candidates = [...firstIndex.keys()].sort();
  const inserted = new Set<string>();
  for (let start = 0; start < candidates.length; start += BATCH_ROWS_PER_STATEMENT) {
    const chunk = candidates.slice(start, start + BATCH_ROWS_PER_STATEMENT);
    const rows = await trx
      .insertInto('batches')
      .values(chunk.map((batchId) => ({ batch_id: batchId, district_id: batches[firstIndex.get(batchId)!]!.districtId })))
      .onConflict((conflict) => conflict.column('batch_id').doNothing())
      .returning('batch_id')
      .execute();
    for (const row of rows) inserted.add(row.batch_id);
  }

  const stored = batches.map((batch, index) => inserted.has(batch.batchId) && firstIndex.get(batch.batchId) === index);
  const sums = sumCounts(batches.filter((_, index) => stored[index]));
  for (let start = 0; start < sums.length; start += COUNT_ROWS_PER_STATEMENT) {
    await trx
      .insertInto('counts')
      .values(sums.slice(start, start + COUNT_ROWS_PER_STATEMENT))
      .onConflict((conflict) =>
        conflict.columns(['district_id', 'org_id', 'day', 'messenger', 'event']).doUpdateSet({
          n: sql<number>`case when counts.n > ${COUNT_CEILING} - excluded.n then ${COUNT_CEILING} else counts.n + excluded.n end`,
        }),
      )
      .execute();
  }
  return stored;
}

/** One row per (district, school, day, messenger, event), summed and sorted by that key. */
function sumCounts(batches: readonly AcceptedBatch[]): CountsTable[] {
  const byKey = new Map<string, CountsTable>();
  for (const batch of batches) {
    for (const row of batch.counts) {
      const key = `${batch.districtId}|${batch.orgId}|${row.day}|${row.messenger}|${row.event}`;
      const existing = byKey.get(key);
      if (existing) existing.n = Math.min(existing.n + row.n, COUNT_CEILING);
      else byKey.set(key, { district_id: batch.districtId, org_id: batch.orgId, day: row.day, messenger: row.messenger, event: row.event, n: row.n });
    }
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}
