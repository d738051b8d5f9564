import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { CountRow } from '../../protocol/report';
import type { CollectorDatabase } from './open-database';
import type { CountsTable, Database } from './schema';
import { storeOnPostgres } from './postgres-store';
import { sqliteStoreInThread, sqliteWriterThread } from './sqlite-writer';

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
  if (database.sqlite) return sqliteStoreInThread(database.db, database.sqlite);
  const { pool } = database;
  if (!pool) throw new Error('a PostgreSQL database without its pool');
  return (batches) => storeWithOneStatement(database.db, pool, batches);
}

/**
 * For a long-running collector: on a SQLite file, the store runs in a writer thread of its own.
 * `pipeline` is how many groups may be handed over at once: the writer thread takes the next
 * group from its queue the moment it commits one, instead of idling while the answers go out and
 * the next group is gathered (it still writes one transaction at a time). On PostgreSQL two
 * statements run at once on two connections (rows locked in key order, so they cannot deadlock).
 */
export function createBatchWriter(database: CollectorDatabase): { store: BatchStore; close: () => Promise<void>; pipeline: number } {
  if (database.sqlite && database.file && database.file !== ':memory:') return { ...sqliteWriterThread(database.db, database.file), pipeline: 2 };
  return { store: createBatchStore(database), close: async () => {}, pipeline: database.engine === 'postgres' ? 2 : 1 };
}

async function storeWithOneStatement(db: Kysely<Database>, pool: pg.Pool, batches: readonly AcceptedBatch[]): Promise<boolean[]> {
  const { first, unique } = firstOfEachBatchId(batches);
  const inserted = await storeOnPostgres(db, pool, unique);
  return batches.map((batch, index) => first.get(batch.batchId) === index && inserted.has(batch.batchId));
}

/** The first batch of each batchId, and where it stood in the input. */
function firstOfEachBatchId(batches: readonly AcceptedBatch[]): { first: Map<string, number>; unique: AcceptedBatch[] } {
  const first = new Map<string, number>();
  const unique: AcceptedBatch[] = [];
  batches.forEach((batch, index) => {
    if (first.has(batch.batchId)) return;
    first.set(batch.batchId, index);
    unique.push(batch);
  });
  return { first, unique };
}

/** The whole store in one call, for callers without a long-lived store (CLI, demo, tests). */
export function storeBatches(database: CollectorDatabase, batches: readonly AcceptedBatch[]): Promise<boolean[]> {
  return createBatchStore(database)(batches);
}
