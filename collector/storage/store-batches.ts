import type { AcceptedBatch, BatchStore } from './batch-sql';
import type { CollectorDatabase } from './open-database';
import { postgresStore } from './postgres-store';
import { sqliteStoreInThread, sqliteWriterThread } from './sqlite-writer';

/**
 * The engine choice, and nothing else: which store writes batches to this database.
 * SQLite: two statements prepared once and run row by row in one synchronous transaction
 * (sqlite-writer.ts). PostgreSQL: the whole group in one statement (postgres-store.ts).
 */
export function createBatchStore(database: CollectorDatabase): BatchStore {
  if (database.sqlite) return sqliteStoreInThread(database.db, database.sqlite);
  const { pool } = database;
  if (!pool) throw new Error('a PostgreSQL database without its pool');
  return postgresStore(database.db, pool);
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

/** The whole store in one call, for callers without a long-lived store (CLI, demo, tests). */
export function storeBatches(database: CollectorDatabase, batches: readonly AcceptedBatch[]): Promise<boolean[]> {
  return createBatchStore(database)(batches);
}
