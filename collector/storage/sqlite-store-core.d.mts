import type BetterSqlite3 from 'better-sqlite3';

export interface SqliteStoreStatements {
  batchSql: string;
  countSql: string;
  /** Parameters after the six column values of countSql (the count ceiling). */
  countParameters: unknown[];
  ceiling: number;
}

export interface PlainBatch {
  districtId: number;
  batchId: string;
  orgId: string;
  counts: readonly { day: string; messenger: string; event: string; n: number }[];
  visits?: readonly { day: string; target: string; n: number }[];
}

/** A batch as the log keeps it: its batchId, and its entry (log-entry.mjs, batch-sql.ts toLogEntries). */
export interface LogEntry {
  districtId: number;
  batchId: string;
  entry: string;
}

export interface FoldHold {
  holdMs?: number;
  onHold?: () => void;
}

export function createSqliteStore(sqlite: BetterSqlite3.Database, statements: Pick<SqliteStoreStatements, 'batchSql'>): (entries: readonly LogEntry[]) => boolean[];
export function tuneSqlite(sqlite: BetterSqlite3.Database): void;
