import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { schoolsAndRolesMigration } from './migration-0006-schools-roles';
import { dashboardRollupsMigration } from './rollups';
import { batchLogMigration } from './batch-log-migration';
import { reportLogMigration } from './report-log-migration';
import { securityMigration } from './migration-0007-security';
import type { Database, Engine } from './schema';
import { visitsMigration } from './visits-migration';

const POSTGRES_KEY_TEXT_COLUMNS: Record<string, [string, string][]> = {
  batches: [['batch_id', 'varchar(36)']],
  counts: [['org_id', 'varchar(64)'], ['day', 'varchar(10)'], ['messenger', 'varchar(16)'], ['event', 'varchar(24)']],
  district_days: [['day', 'varchar(10)'], ['messenger', 'varchar(16)'], ['event', 'varchar(24)']],
  school_weeks: [['week_start', 'varchar(10)'], ['org_id', 'varchar(64)'], ['messenger', 'varchar(16)'], ['event', 'varchar(24)']],
};

const ROLLUP_TRIGGERS = ['counts_rollup_insert', 'counts_rollup_update', 'counts_rollup_delete'];

/** One list of migrations for both engines; only the auto-increment id column differs. */
function migrations(engine: Engine): Record<string, Migration> {
  const serialId = (table: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    engine === 'postgres'
      ? table.addColumn('id', 'serial', (column) => column.primaryKey())
      : table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement());

  // The ingest writes batches and counts by their primary key: on SQLite one B-tree instead of two.
  const clusteredOnSqlite = <T extends { modifyEnd(node: ReturnType<typeof sql>): T }>(table: T): T =>
    engine === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table;

  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await serialId(db.schema.createTable('regions'))
          .addColumn('name', 'text', (column) => column.notNull().unique())
          .execute();
        await serialId(db.schema.createTable('districts'))
          .addColumn('name', 'text', (column) => column.notNull().unique())
          .addColumn('region_id', 'integer', (column) => column.references('regions.id'))
          .execute();
        await db.schema
          .createTable('tokens')
          .addColumn('token_hash', 'varchar(64)', (column) => column.primaryKey())
          .addColumn('district_id', 'integer', (column) => column.notNull().references('districts.id'))
          .addColumn('created_day', 'varchar(10)', (column) => column.notNull())
          .addColumn('revoked', 'integer', (column) => column.notNull().defaultTo(0))
          .execute();
        await serialId(db.schema.createTable('users'))
          .addColumn('login', 'text', (column) => column.notNull().unique())
          .addColumn('password_hash', 'text', (column) => column.notNull())
          .addColumn('role', 'varchar(16)', (column) => column.notNull().check(sql`role in ('district', 'region')`))
          .addColumn('district_id', 'integer', (column) => column.references('districts.id'))
          .addColumn('region_id', 'integer', (column) => column.references('regions.id'))
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('id_hash', 'varchar(64)', (column) => column.primaryKey())
          .addColumn('user_id', 'integer', (column) => column.notNull().references('users.id').onDelete('cascade'))
          .addColumn('csrf_token', 'text', (column) => column.notNull())
          .addColumn('expires_at', 'bigint', (column) => column.notNull())
          .execute();
        await db.schema
          .createTable('batches')
          .addColumn('batch_id', 'varchar(36)', (column) => column.primaryKey())
          .addColumn('district_id', 'integer', (column) => column.notNull().references('districts.id'))
          .$call(clusteredOnSqlite)
          .execute();
        await db.schema
          .createTable('counts')
          .addColumn('district_id', 'integer', (column) => column.notNull().references('districts.id'))
          .addColumn('org_id', 'varchar(64)', (column) => column.notNull())
          .addColumn('day', 'varchar(10)', (column) => column.notNull())
          .addColumn('messenger', 'varchar(16)', (column) => column.notNull())
          .addColumn('event', 'varchar(24)', (column) => column.notNull())
          .addColumn('n', 'integer', (column) => column.notNull())
          .addPrimaryKeyConstraint('counts_pk', ['district_id', 'org_id', 'day', 'messenger', 'event'])
          .$call(clusteredOnSqlite)
          .execute();
        // The dashboard reads a district's days; the primary key leads with the school instead.
        await db.schema.createIndex('counts_by_district_day').on('counts').columns(['district_id', 'day']).execute();
      },
    },
    '0002_dashboard_rollups': dashboardRollupsMigration(engine),
    '0003_postgres_write_tuning': {
      async up(db: Kysely<unknown>) {
        if (engine !== 'postgres') return;
        // The keys are ASCII ids and ISO days: byte order ("C") compares them as well as the
        // server's locale (often ru_RU.UTF-8) and far faster, in every index lookup and sort.
        for (const [table, columns] of Object.entries(POSTGRES_KEY_TEXT_COLUMNS)) {
          for (const [column, type] of columns) await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type ${sql.raw(type)} collate "C"`.execute(db);
        }
        // Most writes add to a row that exists (a school's day, a district's day, a school's week):
        // free room in each page lets PostgreSQL update it in place (HOT), without touching the index.
        for (const table of ['counts', 'district_days', 'school_weeks']) await sql`alter table ${sql.table(table)} set (fillfactor = 70)`.execute(db);
      },
    },
    '0004_drop_rollup_triggers': {
      // The store writes the rollups itself; a database whose rollups triggers on counts kept must not add twice.
      async up(db: Kysely<unknown>) {
        if (engine === 'sqlite') {
          for (const name of ROLLUP_TRIGGERS) await sql`drop trigger if exists ${sql.raw(name)}`.execute(db);
          return;
        }
        // Only when present: dropping takes an exclusive lock on counts, which the other collectors write.
        const { rows } = await sql<{ tgname: string }>`select tgname from pg_trigger where tgname in (${sql.join(ROLLUP_TRIGGERS)})`.execute(db);
        for (const { tgname } of rows) await sql`drop trigger if exists ${sql.raw(tgname)} on counts`.execute(db);
      },
    },
    '0005_alternative_visits': visitsMigration(engine),
    '0006_schools_and_roles': schoolsAndRolesMigration(engine),
    '0007_security': securityMigration(engine),
    '0008_batch_log': batchLogMigration(engine),
    '0009_report_log': reportLogMigration(engine),
    '0010_batches_without_district_check': {
      // PostgreSQL checks a batchId's district by locking the district's row for every insert: with
      // two groups stored at once that lock is shared, which costs a multixact each time. The
      // district comes from the token, whose own key already guarantees it; districts are never
      // deleted. On SQLite the check is a cheap lookup without a lock, and dropping it would mean
      // rebuilding the table: it stays.
      async up(db: Kysely<unknown>) {
        if (engine !== 'postgres') return;
        const { rows } = await sql<{ conname: string }>`select conname from pg_constraint
          where conrelid = 'batches'::regclass and confrelid = 'districts'::regclass and contype = 'f'`.execute(db);
        for (const { conname } of rows) await sql`alter table batches drop constraint ${sql.id(conname)}`.execute(db);
      },
    },
  };
}

/** Brings the schema up to date, or (for upgrade tests) up to and including `lastMigration`. */
export async function migrateToLatest(db: Kysely<Database>, engine: Engine, lastMigration?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(engine) },
  });
  const { error, results } = lastMigration ? await migrator.migrateTo(lastMigration) : await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
