import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type CollectorDatabase, type DatabaseTarget } from '../../../collector/storage/open-database';

/**
 * The engines every storage-touching test runs on. PostgreSQL is skipped only when
 * TEST_DATABASE_URL is unset (scripts/ensure-postgres.sh provides it; the test script sets it).
 */
export const ENGINES = [
  { name: 'sqlite', skip: false },
  { name: 'postgres', skip: !process.env.TEST_DATABASE_URL },
] as const;
export type EngineName = (typeof ENGINES)[number]['name'];

export interface TestDatabase extends CollectorDatabase {
  target: DatabaseTarget;
  /** Closes the connection and removes the file or database. */
  drop(): Promise<void>;
}

/** A fresh, empty, migrated database of that engine. */
export async function freshDatabase(engine: EngineName): Promise<TestDatabase> {
  const { target, remove } = engine === 'sqlite' ? freshSqliteTarget() : await freshPostgresTarget();
  const database = await openDatabase(target);
  return {
    ...database,
    target,
    async drop() {
      await database.close();
      await remove();
    },
  };
}

export function freshSqliteTarget(): { target: DatabaseTarget; remove: () => Promise<void> } {
  const folder = mkdtempSync(join(tmpdir(), 'podskazka-collector-'));
  return { target: { file: join(folder, 'collector.db') }, remove: async () => rmSync(folder, { recursive: true, force: true }) };
}

export async function freshPostgresTarget(): Promise<{ target: DatabaseTarget; remove: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set (run scripts/ensure-postgres.sh)');
  const name = `podskazka_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { url: url.toString() },
    // A plain DROP stops an autovacuum worker itself; FORCE (for a test's stray sessions) may not.
    remove: () =>
      withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name}`))
        .catch(() => withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`)))
        .then(() => {}),
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
