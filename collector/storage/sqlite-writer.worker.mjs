// The collector's SQLite writer thread: stores groups of batches and folds the log while the main
// thread serves HTTP. One connection, so a fold and a store never wait for each other's lock.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createSqliteFold } from './sqlite-fold.mjs';
import { createSqliteStore, tuneSqlite } from './sqlite-store-core.mjs';

const sqlite = new Database(workerData.file);
tuneSqlite(sqlite);
const store = createSqliteStore(sqlite, workerData.statements);
const fold = createSqliteFold(sqlite, workerData.statements, { holdMs: workerData.holdMs, onHold: () => parentPort.postMessage({ holding: true }) });

const fail = (id) => (error) => parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });

// A fold yields between its slices (sqlite-fold.mjs): stores that arrive meanwhile run in those gaps.
parentPort.on('message', (message) => {
  if (message.close) {
    fold(0).finally(() => {
      sqlite.close();
      parentPort.close();
    });
  } else if (message.fold !== undefined) {
    fold(message.fold).then((result) => parentPort.postMessage({ id: message.id, result }), fail(message.id));
  } else {
    try {
      parentPort.postMessage({ id: message.id, result: store(message.entries) });
    } catch (error) {
      fail(message.id)(error);
    }
  }
});
