import { FOLD_LIMIT, foldAll, type Fold } from '../storage/batch-sql';

/**
 * Folds the batch log into counts and the rollups off the request path: every `intervalMs`,
 * everything pending, in transactions of about `limit` batches (whole log rows). A longer interval folds more
 * batches per transaction, so more of their rows share a key and collapse into one upsert; the
 * dashboard lags by at most about one interval plus one fold.
 */
export interface BackgroundFold {
  /** Folds everything stored so far; afterwards what the dashboard reads is exact. */
  catchUp(): Promise<void>;
  /** No more folds on the timer (what is pending stays in the log, safe). */
  stop(): Promise<void>;
}

export interface FoldSchedule {
  intervalMs?: number;
  limit?: number;
}

export const FOLD_INTERVAL_MS = 1000;

export function startBackgroundFold(fold: Fold, { intervalMs = FOLD_INTERVAL_MS, limit = FOLD_LIMIT }: FoldSchedule = {}): BackgroundFold {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let failing = false;

  const foldPending = async () => {
    try {
      while (!stopped && (await fold(limit)) >= limit);
      failing = false;
    } catch (error) {
      // Nothing is lost: the log keeps the batches until a fold commits. Said once per outage.
      if (!failing) console.error(`podskazka-collector: folding stored reports failed, retrying: ${error instanceof Error ? error.message : String(error)}`);
      failing = true;
    }
  };
  const tick = () => {
    running = foldPending().then(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs).unref();
    });
  };
  // At once first: what a previous process left in the log (a crash, a stop) is folded at start.
  let timer = setTimeout(tick, 0).unref();

  return {
    async catchUp() {
      await running;
      await foldAll(fold, limit);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
