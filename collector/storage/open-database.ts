import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrations';
import { tuneSqlite } from './sqlite-store-core.mjs';
import type { Database, Engine } from './schema';

export type DatabaseTarget = { file: string } | { url: string };

export interface CollectorDatabase {
  db: Kysely<Database>;
  engine: Engine;
  /** The better-sqlite3 handle under `db` on SQLite, for the ingest's prepared statements. */
  sqlite?: BetterSqlite3.Database;
  /** The SQLite file, for connections of other threads. */
  file?: string;
  /** The pool under `db` on PostgreSQL, for the ingest's named (prepared once per connection) statement. */
  pool?: pg.Pool;
  /** The PostgreSQL URL, for connections of other threads. */
  url?: string;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE_FILE = 'podskazka-collector.db';

// bigint (count(*), sum(n), expires_at) as a JS number on PostgreSQL too, as on SQLite.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Opens SQLite (a file, WAL) or PostgreSQL (a URL) and brings the schema up to date. */
export async function openDatabase(target: DatabaseTarget): Promise<CollectorDatabase> {
  const opened = 'url' in target ? openPostgres(target.url) : openSqlite(target.file);
  try {
    await migrateToLatest(opened.db, opened.engine);
  } catch (error) {
    await opened.db.destroy().catch(() => {});
    throw error;
  }
  return {
    ...opened,
    async close() {
      opened.sqlite?.pragma('optimize');
      await opened.db.destroy();
    },
  };
}

/**
 * Refreshes the planner's statistics where they are stale (SQLite `PRAGMA optimize`; PostgreSQL's
 * autovacuum does this itself, `ANALYZE` here for a benchmark that just loaded a year).
 */
export async function refreshStatistics(database: CollectorDatabase): Promise<void> {
  if (database.sqlite) database.sqlite.pragma('optimize');
  else await sql`analyze`.execute(database.db);
}

function openSqlite(file: string): Omit<CollectorDatabase, 'close'> {
  const sqlite = new BetterSqlite3(file);
  tuneSqlite(sqlite);
  // Statistics for the query planner, gathered only where missing or stale (cheap at start).
  sqlite.pragma('optimize = 0x10002');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), engine: 'sqlite', sqlite, file };
}

function openPostgres(url: string): Omit<CollectorDatabase, 'close'> {
  // No JIT: the fold's estimates (a JSON function's 100 rows per log row) put it over jit_above_cost,
  // and compiling it took more CPU than running it, on every fold (measured in docs/performance.md).
  const pool = new pg.Pool({ connectionString: url, max: 8, options: '-c jit=off' });
  // An idle client losing its server must not crash the collector; the next query reports it.
  pool.on('error', () => {});
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), engine: 'postgres', pool, url };
}

/** `--database-url` wins over `--db`, then DATABASE_URL, then the default SQLite file. */
export function databaseTarget(options: { db?: string; databaseUrl?: string }, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (options.databaseUrl) return { url: options.databaseUrl };
  if (options.db) return { file: options.db };
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { file: DEFAULT_DATABASE_FILE };
}
