import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { threadCalls } from './thread-calls.mjs';

/**
 * A worker thread of the collector that answers requests (thread-calls.mjs) and is started at the
 * first request, and again at the next one after it died (whatever waited for it fails).
 */
export function replaceableThread(file: URL, workerData: object, onHold?: () => void) {
  const calls = threadCalls(onHold);
  let worker: Worker | null = null;

  const start = () => {
    // The name is what `top -H` and the bench's CPU table show.
    const started = new Worker(file, { name: threadName(file), workerData });
    const fail = (error: Error) => {
      if (worker !== started) return;
      worker = null;
      calls.failAll(error);
    };
    started.on('message', calls.answer);
    started.on('error', fail);
    started.on('exit', () => fail(new Error(`a thread of the collector stopped (${threadName(file)})`)));
    return started;
  };

  return {
    call<T>(request: object): Promise<T> {
      worker ??= start();
      return calls.call<T>(worker, request);
    },
    /** Asks the thread to finish what it has and end. */
    async close() {
      if (!worker) return;
      const closing = worker;
      worker = null;
      closing.postMessage({ close: true });
      await once(closing, 'exit');
    },
  };
}

/** A thread of the collector is named after its file (postgres-fold.worker.mjs: postgres-fold). */
export function threadName(file: URL): string {
  return file.pathname.split('/').pop()!.replace(/\.worker\.mjs$/, '');
}
