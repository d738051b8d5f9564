// The collector's SQLite fold thread: reads, parses and sums the log on its own connection (WAL
// lets it read while the writer writes), hands the sums to the writer thread over `writerPort`,
// and checkpoints the WAL, so the writer's thread spends its time on stores.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createFoldReader } from './sqlite-fold-read.mjs';
import { tuneSqlite } from './sqlite-store-core.mjs';
import { answerTo, threadCalls } from './thread-calls.mjs';

// A passive checkpoint copies pages without stopping the writer but never lets the WAL start
// over while writes keep coming; past this many frames (4 KiB each) a restarting one, which waits
// for the writer's current transaction and is short because the passive one did the copying.
const RESTART_AFTER_FRAMES = 16_000;

const { file, writerPort } = workerData;
const sqlite = new Database(file);
tuneSqlite(sqlite);
const read = createFoldReader(sqlite);

const toWriter = threadCalls();
writerPort.on('message', toWriter.answer);
// The writer gone (it failed): what waits for it fails, and this thread ends too.
writerPort.on('close', () => {
  toWriter.failAll(new Error('the SQLite writer thread stopped'));
  if (sqlite.open) close();
});

const close = () => {
  sqlite.close();
  writerPort.close();
  parentPort.close();
};

const checkpoint = () => {
  const [{ log }] = sqlite.pragma('wal_checkpoint(PASSIVE)');
  if (log > RESTART_AFTER_FRAMES) sqlite.pragma('wal_checkpoint(RESTART)');
};

const fold = async (limit) => {
  const sums = await read(limit);
  if (sums.rows === 0) return 0;
  const folded = await toWriter.call(writerPort, { sums });
  checkpoint();
  return folded;
};

// One fold at a time: the next one reads only after the last one's rows are gone.
let last = Promise.resolve();
parentPort.on('message', (message) => {
  last = last.then(async () => {
    if (message.close) return close();
    await answerTo(parentPort, message.id, () => fold(message.fold));
  });
});
