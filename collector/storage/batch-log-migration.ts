import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from './schema';

/**
 * 0008: the ingest's log of accepted batches (collector/storage/fold-*.ts). A request writes its
 * batchId and one log row holding the batch's count and visit rows as JSON; a fold adds many log rows at once to
 * `counts`, `visits` and their rollups and deletes them, in one transaction, so what the dashboard reads
 * never holds part of a batch. Nothing is pending in a database of the previous release.
 */
export function batchLogMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const table = db.schema.createTable('batch_log');
      const withSeq =
        engine === 'postgres'
          ? table.addColumn('seq', 'bigserial', (column) => column.primaryKey())
          : table.addColumn('seq', 'integer', (column) => column.primaryKey());
      await withSeq
        .addColumn('district_id', 'integer', (column) => column.notNull())
        .addColumn('org_id', engine === 'postgres' ? sql`varchar(64) collate "C"` : 'varchar(64)', (column) => column.notNull())
        .addColumn('counts', 'text', (column) => column.notNull())
        .addColumn('visits', 'text', (column) => column.notNull())
        .execute();
    },
  };
}
