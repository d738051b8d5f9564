import { sql, type Kysely } from 'kysely';
import type { CountRow } from '../../protocol/report';
import type { CollectorDatabase } from './open-database';
import type { CountsTable, Database } from './schema';
import { storeOnPostgres } from './postgres-store';
import { prepareSqliteStatements } from './sqlite-statements';

/** A validated batch, already mapped from its token to a district. */
export interface AcceptedBatch {
  districtId: number;
  batchId: string;
  orgId: string;
  counts: readonly CountRow[];
}

/** Stores many batches in one transaction; per batch, true = stored now, false = batchId already known. */
export type BatchStore = (batches: readonly AcceptedBatch[]) => Promise<boolean[]>;

/** Counts saturate here instead of overflowing PostgreSQL's integer, which would fail a whole group. */
export const COUNT_CEILING = 2_000_000_000;

/** The SQLite statements of a store (PostgreSQL: postgres-store.ts). */
export const insertBatchIds = (db: Kysely<Database>, rows: { batch_id: string; district_id: number }[]) =>
  db.insertInto('batches').values(rows).onConflict((conflict) => conflict.column('batch_id').doNothing());

export const addCounts = (db: Kysely<Database>, rows: CountsTable[]) =>
  db
    .insertInto('counts')
    .values(rows)
    .onConflict((conflict) =>
      conflict.columns(['district_id', 'org_id', 'day', 'messenger', 'event']).doUpdateSet({
        n: sql<number>`case when counts.n > ${COUNT_CEILING} - excluded.n then ${COUNT_CEILING} else counts.n + excluded.n end`,
      }),
    );

/**
 * SQLite: two statements prepared once and run row by row in one synchronous transaction.
 * PostgreSQL: the whole group in one statement (one round trip), see postgres-store.ts.
 */
export function createBatchStore(database: CollectorDatabase): BatchStore {
  if (database.sqlite) {
    const statements = prepareSqliteStatements(database.db, database.sqlite);
    // Holding Kysely's connection keeps its own queries and transactions out of ours.
    return (batches) => database.db.connection().execute(async () => statements.store(firstOfEachBatchId(batches), sumCounts));
  }
  return (batches) => storeWithOneStatement(database.db, batches);
}

async function storeWithOneStatement(db: Kysely<Database>, batches: readonly AcceptedBatch[]): Promise<boolean[]> {
  const { first, unique } = firstOfEachBatchId(batches);
  const inserted = await storeOnPostgres(db, unique);
  return batches.map((batch, index) => first.get(batch.batchId) === index && inserted.has(batch.batchId));
}

export interface UniqueBatches {
  /** batchId → index of its first appearance in the input. */
  first: Map<string, number>;
  unique: AcceptedBatch[];
  input: readonly AcceptedBatch[];
}

function firstOfEachBatchId(batches: readonly AcceptedBatch[]): UniqueBatches {
  const first = new Map<string, number>();
  const unique: AcceptedBatch[] = [];
  batches.forEach((batch, index) => {
    if (first.has(batch.batchId)) return;
    first.set(batch.batchId, index);
    unique.push(batch);
  });
  return { first, unique, input: batches };
}

/** One row per (district, school, day, messenger, event), summed. */
export function sumCounts(batches: readonly AcceptedBatch[]): CountsTable[] {
  const byKey = new Map<string, CountsTable>();
  for (const batch of batches) {
    for (const row of batch.counts) {
      const key = `${batch.districtId}|${batch.orgId}|${row.day}|${row.messenger}|${row.event}`;
      const existing = byKey.get(key);
      if (existing) existing.n = Math.min(existing.n + row.n, COUNT_CEILING);
      else byKey.set(key, { district_id: batch.districtId, org_id: batch.orgId, day: row.day, messenger: row.messenger, event: row.event, n: row.n });
    }
  }
  return [...byKey.values()];
}

/** The whole store in one call, for callers without a long-lived store (CLI, demo, tests). */
export function storeBatches(database: CollectorDatabase, batches: readonly AcceptedBatch[]): Promise<boolean[]> {
  return createBatchStore(database)(batches);
}
