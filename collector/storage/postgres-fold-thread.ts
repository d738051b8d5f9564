import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Fold } from './batch-sql';
import { COUNT_CEILING } from './batch-sql';
import type { FoldHold } from './sqlite-store-core.mjs';
import { threadCalls } from './thread-calls';

/**
 * The PostgreSQL fold in a thread of its own, on its own connection (postgres-fold.worker.mjs):
 * a fold parses and sums thousands of log rows, which on the main thread would hold up requests.
 * A thread that dies is replaced at the next fold.
 */
export function postgresFoldThread(url: string, { holdMs = 0, onHold }: FoldHold = {}): { fold: Fold; close: () => Promise<void> } {
  const calls = threadCalls(onHold);
  let worker: Worker | null = null;

  const start = () => {
    const started = new Worker(new URL('./postgres-fold.worker.mjs', import.meta.url), { workerData: { url, ceiling: COUNT_CEILING, holdMs } });
    const fail = (error: Error) => {
      if (worker !== started) return;
      worker = null;
      calls.failAll(error);
    };
    started.on('message', calls.answer);
    started.on('error', fail);
    started.on('exit', () => fail(new Error('the PostgreSQL fold thread of the collector stopped')));
    return started;
  };

  return {
    fold(limit, wait = false) {
      worker ??= start();
      return calls.call<number>(worker, { fold: limit, wait });
    },
    async close() {
      if (!worker) return;
      const closing = worker;
      worker = null;
      closing.postMessage({ close: true });
      await once(closing, 'exit');
    },
  };
}
