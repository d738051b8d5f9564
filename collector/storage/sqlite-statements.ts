import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { CountsTable, Database } from './schema';
import { addCounts, insertBatchIds, type AcceptedBatch, type UniqueBatches } from './store-batches';

const SAMPLE_COUNT: CountsTable = { district_id: -7, org_id: '\u0000org', day: '\u0000day', messenger: 'telegram', event: 'opened', n: -11 };
const COUNT_COLUMNS = ['district_id', 'org_id', 'day', 'messenger', 'event', 'n'] as const;

/** The Kysely statements of store-batches.ts, compiled once for one row and prepared on better-sqlite3. */
export function prepareSqliteStatements(db: Kysely<Database>, sqlite: BetterSqlite3.Database) {
  const batchQuery = insertBatchIds(db, [{ batch_id: '\u0000batch', district_id: -3 }]).compile();
  const countQuery = addCounts(db, [SAMPLE_COUNT]).compile();
  const countParameters = countQuery.parameters.slice(COUNT_COLUMNS.length);
  if (batchQuery.parameters.join() !== '\u0000batch,-3' || COUNT_COLUMNS.some((column, index) => countQuery.parameters[index] !== SAMPLE_COUNT[column])) {
    throw new Error('unexpected parameter order in the compiled ingest statements');
  }
  const insertBatch = sqlite.prepare(batchQuery.sql);
  const insertCount = sqlite.prepare(countQuery.sql);

  const store = sqlite.transaction(({ first, unique, input }: UniqueBatches, sumCounts: (batches: readonly AcceptedBatch[]) => CountsTable[]) => {
    const stored = unique.filter((batch) => insertBatch.run(batch.batchId, batch.districtId).changes === 1);
    for (const row of sumCounts(stored)) {
      insertCount.run(row.district_id, row.org_id, row.day, row.messenger, row.event, row.n, ...countParameters);
    }
    const storedIds = new Set(stored.map((batch) => batch.batchId));
    return input.map((batch, index) => first.get(batch.batchId) === index && storedIds.has(batch.batchId));
  });
  return { store };
}
