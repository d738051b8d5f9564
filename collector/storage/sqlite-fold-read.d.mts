import type BetterSqlite3 from 'better-sqlite3';
import type { CountCell, VisitCell } from './log-sums.mjs';

export const FOLD_SLICE: number;

export interface FoldSums {
  counts: CountCell[];
  visits: VisitCell[];
  /** The log rows summed: the last seq, how many, the sum of their seqs, the batches they hold. */
  lastSeq: number;
  rows: number;
  seqs: number;
  batches: number;
}

export function createFoldReader(sqlite: BetterSqlite3.Database): (limit: number, pause?: () => Promise<void>) => Promise<FoldSums>;
