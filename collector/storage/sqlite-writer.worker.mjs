// The collector's SQLite writer thread: stores groups of batches while the main thread serves HTTP.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createSqliteStore, tuneSqlite } from './sqlite-store-core.mjs';

const sqlite = new Database(workerData.file);
tuneSqlite(sqlite);
const store = createSqliteStore(sqlite, workerData.statements);

parentPort.on('message', (message) => {
  if (message.close) {
    sqlite.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ id: message.id, stored: store(message.batches) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
