// The collector's SQLite writer thread: stores groups of batches, and writes the folds whose sums
// the fold thread (sqlite-fold.worker.mjs) sends over `foldPort`. Every write of the ingest goes
// through this one connection, so a fold's write and a store never wait for each other's lock.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createFoldWriter } from './sqlite-fold.mjs';
import { createSqliteStore, tuneSqlite } from './sqlite-store-core.mjs';
import { answerTo } from './thread-calls.mjs';

const { file, statements, holdMs, foldPort } = workerData;
const sqlite = new Database(file);
tuneSqlite(sqlite);
// The fold thread checkpoints the WAL: here a checkpoint would stall every store behind its commit.
sqlite.pragma('wal_autocheckpoint = 0');
const store = createSqliteStore(sqlite, statements);
const writeFold = createFoldWriter(sqlite, statements, { holdMs, onHold: () => parentPort.postMessage({ holding: true }) });

const close = () => {
  sqlite.close();
  foldPort.close();
  parentPort.close();
};
foldPort.on('message', ({ id, sums }) => answerTo(foldPort, id, () => writeFold(sums)));
// The fold thread gone (closed, or failed): this one ends too; after a failure the collector
// starts both again.
foldPort.on('close', close);
parentPort.on('message', (message) => answerTo(parentPort, message.id, () => store(message.entries)));
