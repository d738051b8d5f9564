import type { Worker } from 'node:worker_threads';

type Reply = { id: number; result?: unknown; error?: string; holding?: true };

/**
 * Requests to the collector's worker threads, each answered by its id with `{ id, result }` or
 * `{ id, error }`; a `{ holding: true }` (crash tests: a fold's transaction held open) calls `onHold`.
 */
export function threadCalls(onHold?: () => void) {
  const waiting = new Map<number, { resolve: (result: never) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  return {
    call<T>(worker: Worker, request: object): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (result: never) => void, reject });
        worker.postMessage({ id, ...request });
      });
    },
    /** For the threads' 'message' events. */
    answer(message: Reply) {
      if (message.holding) return onHold?.();
      const caller = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error === undefined) caller?.resolve(message.result as never);
      else caller?.reject(new Error(message.error));
    },
    /** A thread died: whatever waits for an answer fails. */
    failAll(error: Error) {
      for (const caller of waiting.values()) caller.reject(error);
      waiting.clear();
    },
  };
}
