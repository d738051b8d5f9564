import { sql, type Kysely } from 'kysely';
import type { CountRow, VisitRow } from '../../protocol/report';
import type { CountsTable, Database } from './schema';

/**
 * What every batch store shares, whatever the engine: the batch it takes, its answer, the count
 * ceiling, and the Kysely statements the SQLite store compiles once (sqlite-writer.ts).
 * A leaf: the stores import it, it imports no store.
 */

/** A validated batch, already mapped from its token to a district. */
export interface AcceptedBatch {
  districtId: number;
  batchId: string;
  orgId: string;
  counts: readonly CountRow[];
  /** Alternative visits (wire format v2); absent or empty for a v1 batch. */
  visits?: readonly VisitRow[];
}

/** Stores many batches in one transaction; per batch, true = stored now, false = batchId already known. */
export type BatchStore = (batches: readonly AcceptedBatch[]) => Promise<boolean[]>;

/** Counts saturate here instead of overflowing PostgreSQL's integer, which would fail a whole group. */
export const COUNT_CEILING = 2_000_000_000;

export const insertBatchIds = (db: Kysely<Database>, rows: { batch_id: string; district_id: number }[]) =>
  db.insertInto('batches').values(rows).onConflict((conflict) => conflict.column('batch_id').doNothing());

export const addCounts = (db: Kysely<Database>, rows: CountsTable[]) =>
  db
    .insertInto('counts')
    .values(rows)
    .onConflict((conflict) =>
      conflict.columns(['district_id', 'org_id', 'day', 'messenger', 'event']).doUpdateSet({
        n: sql<number>`case when counts.n > ${COUNT_CEILING} - excluded.n then ${COUNT_CEILING} else counts.n + excluded.n end`,
      }),
    );
