import type { AcceptedBatch, BatchStore } from '../storage/batch-sql';

/**
 * Group commit: batches that arrive while a transaction runs wait for the next one, so a busy
 * collector writes many requests' rows per transaction. Each caller's promise settles only after
 * the transaction holding its batch has committed (true = stored now, false = duplicate).
 * `concurrency` transactions may run at once (PostgreSQL: while one waits for its commit, the
 * next is built; SQLite has one connection, so 1).
 */
export interface GroupCommitter {
  submit(batch: AcceptedBatch): Promise<boolean>;
  /** Resolves when everything submitted so far has been written or failed. */
  drain(): Promise<void>;
}

export class QueueFullError extends Error {}

export interface GroupCommitOptions {
  maxBatchesPerCommit?: number;
  maxQueued?: number;
  concurrency?: number;
}

interface Waiting {
  batch: AcceptedBatch;
  resolve: (stored: boolean) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommitter(store: BatchStore, { maxBatchesPerCommit = 500, maxQueued = 20_000, concurrency = 1 }: GroupCommitOptions = {}): GroupCommitter {
  let queue: Waiting[] = [];
  const writing = new Set<Promise<void>>();
  let scheduled = false;

  const schedule = () => {
    if (scheduled || writing.size >= concurrency || queue.length === 0) return;
    scheduled = true;
    // setImmediate lets every request already read in this turn of the event loop join the group.
    setImmediate(() => {
      scheduled = false;
      const group = queue.slice(0, maxBatchesPerCommit);
      queue = queue.slice(group.length);
      const write = writeGroup(group).finally(() => {
        writing.delete(write);
        schedule();
      });
      writing.add(write);
      schedule();
    });
  };

  const writeGroup = async (group: Waiting[]) => {
    try {
      const stored = await store(group.map((waiting) => waiting.batch));
      group.forEach((waiting, index) => waiting.resolve(stored[index]!));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      // One bad batch must not fail its neighbours: retry each in a transaction of its own.
      for (const waiting of group) {
        await store([waiting.batch]).then(([stored]) => waiting.resolve(stored!), waiting.reject);
      }
    }
  };

  return {
    submit(batch) {
      if (queue.length >= maxQueued) return Promise.reject(new QueueFullError('too many reports waiting to be stored'));
      return new Promise<boolean>((resolve, reject) => {
        queue.push({ batch, resolve, reject });
        schedule();
      });
    },
    async drain() {
      while (writing.size > 0 || scheduled || queue.length > 0) {
        await (writing.size > 0 ? Promise.race(writing) : new Promise((resolve) => setImmediate(resolve)));
      }
    },
  };
}
