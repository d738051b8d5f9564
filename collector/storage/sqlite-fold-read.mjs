import { addLogRow, cellsInKeyOrder, emptySums } from './log-sums.mjs';

const PENDING = 'select seq, batches, entries from report_log where seq > ? order by seq limit ?';

/** Log rows (groups of batches) read and summed between two chances for other work to run. */
export const FOLD_SLICE = 64;

/**
 * The reading half of the SQLite fold: the oldest log rows, FOLD_SLICE at a time, until they hold
 * `limit` batches, summed per cell (log-sums.mjs). Between slices it awaits `pause` when given, so
 * a thread that also stores lets its stores run. Returns the cells and which rows they came from
 * (sqlite-fold.mjs writes them).
 */
export function createFoldReader(sqlite) {
  const pending = sqlite.prepare(PENDING);
  return async (limit, pause) => {
    const sums = emptySums();
    let [lastSeq, rows, seqs] = [0, 0, 0];
    while (sums.batches < limit) {
      const slice = pending.all(lastSeq, FOLD_SLICE);
      for (const row of slice) {
        addLogRow(sums, row);
        [lastSeq, rows, seqs] = [row.seq, rows + 1, seqs + row.seq];
        if (sums.batches >= limit) break;
      }
      if (slice.length < FOLD_SLICE || sums.batches >= limit) break;
      if (pause) await pause();
    }
    return { ...cellsInKeyOrder(sums), lastSeq, rows, seqs, batches: sums.batches };
  };
}
