// The collector's SQLite writer thread: stores groups of batches and folds the log while the main
// thread serves HTTP. One connection, so a fold and a store never wait for each other's lock.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createSqliteFold, createSqliteStore, tuneSqlite } from './sqlite-store-core.mjs';

const sqlite = new Database(workerData.file);
tuneSqlite(sqlite);
const store = createSqliteStore(sqlite, workerData.statements);
const fold = createSqliteFold(sqlite, workerData.statements, { holdMs: workerData.holdMs, onHold: () => parentPort.postMessage({ holding: true }) });

parentPort.on('message', (message) => {
  if (message.close) {
    sqlite.close();
    parentPort.close();
    return;
  }
  try {
    const result = message.fold !== undefined ? fold(message.fold) : store(message.entries);
    parentPort.postMessage({ id: message.id, result });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
