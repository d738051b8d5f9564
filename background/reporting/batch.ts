import type { CountKey, PendingCounts } from '../count-store';
import { pendingToRows } from '../count-store';
import { shiftDay } from './recheck';
import { MAX_BATCH_BYTES, MAX_COUNT, MAX_COUNT_ROWS, MAX_DAY_AGE, ReportBatch, type CountRow } from '../../protocol/report';

export interface BatchMeta {
  batchId: string;
  orgId: string;
  extVersion: string;
}

export interface BuiltBatch {
  /** The exact request body, or null when nothing is waiting. */
  body: string | null;
  rows: number;
  /** What stays pending for a later batch. */
  keep: PendingCounts;
  /** Rows too old for the collector (it rejects days older than 60): left out for good. */
  discarded: number;
}

const keyOf = (row: CountRow): CountKey => `${row.day}|${row.messenger}|${row.event}`;

/**
 * Puts pending counts into one wire batch within the limits of DESIGN §6 (1,000 rows, 64 KiB,
 * n ≤ 100,000); whatever does not fit stays pending. Rows sorted so the body is reproducible.
 */
export function buildBatch(pending: PendingCounts, meta: BatchMeta, today: string): BuiltBatch {
  const earliest = shiftDay(today, -MAX_DAY_AGE);
  const latest = shiftDay(today, 1);
  const rows = pendingToRows(pending).sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  const keep: PendingCounts = {};
  const counts: CountRow[] = [];
  let discarded = 0;
  let bytes = JSON.stringify({ v: 1, ...meta, counts: [] }).length;
  for (const row of rows) {
    if (row.day < earliest) {
      discarded += 1;
      continue;
    }
    const sent = { ...row, n: Math.min(row.n, MAX_COUNT) };
    const rowBytes = JSON.stringify(sent).length + 1;
    if (row.day > latest || counts.length >= MAX_COUNT_ROWS || bytes + rowBytes > MAX_BATCH_BYTES) {
      keep[keyOf(row)] = row.n;
      continue;
    }
    counts.push(sent);
    bytes += rowBytes;
    if (row.n > sent.n) keep[keyOf(row)] = row.n - sent.n;
  }
  if (counts.length === 0) return { body: null, rows: 0, keep, discarded };
  const batch = ReportBatch.parse({ v: 1, batchId: meta.batchId, orgId: meta.orgId, extVersion: meta.extVersion, counts });
  return { body: JSON.stringify(batch), rows: counts.length, keep, discarded };
}
