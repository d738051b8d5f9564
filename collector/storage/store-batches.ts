import { foldAll, type AcceptedBatch, type BatchWriter } from './batch-sql';
import type { CollectorDatabase } from './open-database';
import { postgresWriter } from './postgres-store';
import type { FoldHold } from './sqlite-store-core.mjs';
import { sqliteStoreInThread, sqliteWriterThread } from './sqlite-writer';

/**
 * The engine choice, and nothing else: which store and fold write batches to this database.
 * SQLite: statements prepared once and run row by row in one synchronous transaction
 * (sqlite-writer.ts). PostgreSQL: a whole group in one statement (postgres-store.ts), a fold summed here
 * and written in one statement (postgres-fold.mjs).
 * `hold` only for crash tests (a fold's transaction held open).
 */
export function createBatchStore(database: CollectorDatabase, hold: FoldHold = {}): BatchWriter {
  if (database.sqlite) return { ...sqliteStoreInThread(database.db, database.sqlite, hold), pipeline: 1 };
  const { pool } = database;
  if (!pool) throw new Error('a PostgreSQL database without its pool');
  return postgresWriter(pool, hold);
}

/**
 * For a long-running collector: on a SQLite file, the store and the fold run in threads of their
 * own (the writer takes the next group from its queue the moment it commits one instead of idling
 * while the answers go out and the next group is gathered; still one transaction at a time); on
 * PostgreSQL the fold does (postgres-store.ts).
 */
export function createBatchWriter(database: CollectorDatabase, hold: FoldHold = {}): BatchWriter {
  if (database.sqlite && database.file && database.file !== ':memory:') return { ...sqliteWriterThread(database.db, database.file, hold), pipeline: 2 };
  if (database.pool && database.url) return postgresWriter(database.pool, hold, database.url);
  return createBatchStore(database, hold);
}

/** Stores and folds at once, for callers without a long-lived store (CLI, demo, tests). */
export async function storeBatches(database: CollectorDatabase, batches: readonly AcceptedBatch[]): Promise<boolean[]> {
  const writer = createBatchStore(database);
  const stored = await writer.store(batches);
  await foldAll(writer.fold);
  return stored;
}
