import type BetterSqlite3 from 'better-sqlite3';
import type { FoldSums } from './sqlite-fold-read.mjs';
import type { FoldHold, SqliteStoreStatements } from './sqlite-store-core.mjs';

export function createFoldWriter(sqlite: BetterSqlite3.Database, statements: SqliteStoreStatements, hold?: FoldHold): (sums: FoldSums) => number;
export function createSqliteFold(sqlite: BetterSqlite3.Database, statements: SqliteStoreStatements, hold?: FoldHold): (limit: number) => Promise<number>;
