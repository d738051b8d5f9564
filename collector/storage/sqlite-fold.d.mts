import type BetterSqlite3 from 'better-sqlite3';
import type { FoldHold, SqliteStoreStatements } from './sqlite-store-core.mjs';

export const FOLD_SLICE: number;
export function createSqliteFold(sqlite: BetterSqlite3.Database, statements: SqliteStoreStatements, hold?: FoldHold): (limit: number) => Promise<number>;
