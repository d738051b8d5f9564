import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Engine } from './schema';

/**
 * 0009: the log of accepted batches keeps one row per stored group instead of one per batch: a
 * group's request writes one log row however many batches it holds, and a fold deletes as few.
 * What a collector of 0008 left pending moves over, each batch as an entry of its own.
 */
export function reportLogMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const table = db.schema.createTable('report_log');
      const withSeq =
        engine === 'postgres'
          ? table.addColumn('seq', 'bigserial', (column) => column.primaryKey())
          : table.addColumn('seq', 'integer', (column) => column.primaryKey());
      await withSeq
        .addColumn('batches', 'integer', (column) => column.notNull())
        .addColumn('entries', 'text', (column) => column.notNull())
        .execute();
      const orgIdJson = engine === 'postgres' ? sql`to_json(org_id)::text` : sql`json_quote(org_id)`;
      await sql`insert into report_log (batches, entries)
        select 1, '[{"d":' || district_id || ',"o":' || ${orgIdJson} || ',"c":' || counts || ',"v":' || visits || '}]'
        from batch_log order by seq`.execute(db);
      await db.schema.dropTable('batch_log').execute();
    },
  };
}
