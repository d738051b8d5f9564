import { sql, type Kysely } from 'kysely';
import type { CountRow, VisitRow } from '../../protocol/report';
import type { CountsTable, Database } from './schema';
import { encodeLogEntry } from './log-entry.mjs';
import type { LogEntry } from './sqlite-store-core.mjs';

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

/**
 * Stores many batches in one transaction: each batchId, and one row of the report log holding the
 * new batches of the group; per batch, true = stored now, false = batchId already known to its
 * district. The next fold adds them to counts and the rollups.
 */
export type BatchStore = (batches: readonly AcceptedBatch[]) => Promise<boolean[]>;

/**
 * Folds the oldest log rows, about `limit` batches (whole rows: it may take a few more), into
 * counts and the rollups in one transaction; how many batches it folded (0: none pending, or,
 * unless `wait`, another collector of the database is folding).
 */
export type Fold = (limit: number, wait?: boolean) => Promise<number>;

export interface BatchWriter {
  store: BatchStore;
  fold: Fold;
  close: () => Promise<void>;
  /** How many groups may be handed to `store` at once. */
  pipeline: number;
}

/** About the most batches one fold takes (1–2 s of the bench's load at its fastest). */
export const FOLD_LIMIT = 20_000;

/** Folds until the log is empty (waiting for another collector's fold, on PostgreSQL). */
export async function foldAll(fold: Fold, limit = FOLD_LIMIT): Promise<void> {
  while ((await fold(limit, true)) >= limit);
}

/** Each batch as the log keeps it (log-entry.mjs), beside the batchId that makes a retry a duplicate. */
export function toLogEntries(batches: readonly AcceptedBatch[]): LogEntry[] {
  return batches.map((batch) => ({ districtId: batch.districtId, batchId: batch.batchId, entry: encodeLogEntry(batch) }));
}

/**
 * The plausibility bound of one cell (a school's day × messenger × event, or × visit target;
 * DESIGN §7): no school-day sees more opens of one messenger. A cell takes at most this much; what
 * the fold brings beyond it is refused (for counts kept in count_excess, for the dashboard), and the
 * rollups take only what the cells took, so counts and rollups always agree.
 */
export const COUNT_CEILING = 100_000;

export const insertBatchIds = (db: Kysely<Database>, rows: { batch_id: string; district_id: number }[]) =>
  db.insertInto('batches').values(rows).onConflict((conflict) => conflict.columns(['district_id', 'batch_id']).doNothing());

export const addCounts = (db: Kysely<Database>, rows: CountsTable[]) =>
  db
    .insertInto('counts')
    .values(rows)
    .onConflict((conflict) =>
      conflict.columns(['district_id', 'org_id', 'day', 'messenger', 'event']).doUpdateSet({
        n: sql<number>`case when counts.n > ${COUNT_CEILING} - excluded.n then ${COUNT_CEILING} else counts.n + excluded.n end`,
      }),
    );
