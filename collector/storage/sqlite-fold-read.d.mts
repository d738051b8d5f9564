import type BetterSqlite3 from 'better-sqlite3';

export const FOLD_SLICE: number;

export interface FoldSums {
  counts: { key: string; districtId: number; orgId: string; day: string; messenger: string; event: string; n: number }[];
  visits: { key: string; districtId: number; orgId: string; day: string; target: string; n: number }[];
  /** The log rows summed: the last seq, how many, the sum of their seqs, the batches they hold. */
  lastSeq: number;
  rows: number;
  seqs: number;
  batches: number;
}

export function createFoldReader(sqlite: BetterSqlite3.Database): (limit: number, pause?: () => Promise<void>) => Promise<FoldSums>;
export function inKeyOrder<T extends { key: string }>(rows: T[]): T[];
