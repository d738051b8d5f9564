// The collector's PostgreSQL fold thread: parsing and summing a fold's log rows takes tens of
// milliseconds, which on the main thread would stall every request behind it.
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { foldOnPostgres } from './postgres-fold.mjs';
import { answerTo } from './thread-calls.mjs';

const { url, ceiling, holdMs } = workerData;
const pool = new pg.Pool({ connectionString: url, max: 1, options: '-c jit=off' });
// A client losing its server must not end the thread; the next fold reports it.
pool.on('error', () => {});
const hold = { holdMs, onHold: () => parentPort.postMessage({ holding: true }) };

// One fold at a time, in the order asked.
let last = Promise.resolve();
parentPort.on('message', (message) => {
  last = last.then(async () => {
    if (message.close) {
      await pool.end();
      parentPort.close();
      return;
    }
    await answerTo(parentPort, message.id, () => foldOnPostgres(pool, message.fold, message.wait, ceiling, hold));
  });
});
