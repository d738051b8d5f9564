import { once } from 'node:events';
import { MessageChannel, Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { CountsTable, Database } from './schema';
import { createSqliteFold } from './sqlite-fold.mjs';
import { createSqliteStore, type FoldHold, type LogEntry, type SqliteStoreStatements } from './sqlite-store-core.mjs';
import { threadName } from './replaceable-thread';
import { threadCalls } from './thread-calls.mjs';
import { addCounts, COUNT_CEILING, insertBatchIds, toLogEntries, type BatchWriter } from './batch-sql';

const SAMPLE_COUNT: CountsTable = { district_id: -7, org_id: '\u0000org', day: '\u0000day', messenger: 'telegram', event: 'opened', n: -11 };
const COUNT_COLUMNS = ['district_id', 'org_id', 'day', 'messenger', 'event', 'n'] as const;

/** The Kysely statements of batch-sql.ts, compiled once for one row. */
export function sqliteStatements(db: Kysely<Database>): SqliteStoreStatements {
  const batchQuery = insertBatchIds(db, [{ batch_id: '\u0000batch', district_id: -3 }]).compile();
  const countQuery = addCounts(db, [SAMPLE_COUNT]).compile();
  if (batchQuery.parameters.join() !== '\u0000batch,-3' || COUNT_COLUMNS.some((column, index) => countQuery.parameters[index] !== SAMPLE_COUNT[column])) {
    throw new Error('unexpected parameter order in the compiled ingest statements');
  }
  return { batchSql: batchQuery.sql, countSql: countQuery.sql, countParameters: [...countQuery.parameters.slice(COUNT_COLUMNS.length)], ceiling: COUNT_CEILING };
}

/** In this thread, on Kysely's own connection (held, so its other queries wait for ours). */
export function sqliteStoreInThread(db: Kysely<Database>, sqlite: BetterSqlite3.Database, hold: FoldHold = {}): Omit<BatchWriter, 'pipeline'> {
  const statements = sqliteStatements(db);
  const store = createSqliteStore(sqlite, statements);
  const fold = createSqliteFold(sqlite, statements, hold);
  return {
    store: (batches) => db.connection().execute(async () => store(toLogEntries(batches))),
    fold: (limit) => db.connection().execute(() => fold(limit)),
    close: async () => {},
  };
}

/**
 * In two threads with their own connections: a writer that stores groups and writes folds, and a
 * fold thread that reads, parses and sums the log and checkpoints the WAL. SQLite's synchronous
 * work then runs beside the main thread's HTTP and validation instead of blocking them, and the
 * stores wait neither for a fold's reading nor for a checkpoint. When one thread fails the other
 * ends on its own (they share a channel; terminating a thread that is still loading SQLite would
 * abort the process), and the next request starts both again.
 */
export function sqliteWriterThread(db: Kysely<Database>, file: string, { holdMs = 0, onHold }: FoldHold = {}): Omit<BatchWriter, 'pipeline'> {
  const statements = sqliteStatements(db);
  const calls = threadCalls(onHold);
  let threads: { writer: Worker; folder: Worker } | null = null;

  const start = () => {
    const { port1: foldPort, port2: writerPort } = new MessageChannel();
    const writerFile = new URL('./sqlite-writer.worker.mjs', import.meta.url);
    const folderFile = new URL('./sqlite-fold.worker.mjs', import.meta.url);
    const writer = new Worker(writerFile, { name: threadName(writerFile), workerData: { file, statements, holdMs, foldPort }, transferList: [foldPort] });
    const folder = new Worker(folderFile, { name: threadName(folderFile), workerData: { file, writerPort }, transferList: [writerPort] });
    const started = { writer, folder };
    const fail = (error: Error) => {
      if (threads !== started) return;
      threads = null;
      calls.failAll(error);
    };
    for (const worker of [writer, folder]) {
      worker.on('message', calls.answer);
      worker.on('error', fail);
      worker.on('exit', () => fail(new Error('a SQLite thread of the collector stopped')));
    }
    return started;
  };

  const send = <T>(to: 'writer' | 'folder', request: { entries: LogEntry[] } | { fold: number }) => {
    threads ??= start();
    return calls.call<T>(threads[to], request);
  };

  return {
    // Rows travel as JSON text: one string to copy instead of an object per row.
    store: (batches) => send<boolean[]>('writer', { entries: toLogEntries(batches) }),
    fold: (limit) => send<number>('folder', { fold: limit }),
    async close() {
      if (!threads) return;
      const { writer, folder } = threads;
      threads = null;
      const writerExited = once(writer, 'exit');
      // The fold thread first: it finishes its fold, whose write the writer still answers; the
      // writer ends when the fold thread's end of their channel closes.
      folder.postMessage({ close: true });
      await Promise.all([once(folder, 'exit'), writerExited]);
    },
  };
}
