import type { CountKey, PendingCounts } from '../count-store';
import { pendingToRows } from '../count-store';
import { shiftDay } from './recheck';
import { pendingVisitsToRows, visitKeyOf, type PendingVisits } from '../visit-store';
import { MAX_BATCH_BYTES, MAX_COUNT, MAX_COUNT_ROWS, MAX_DAY_AGE, ReportBatch, type CountRow, type VisitRow } from '../../protocol/report';

export interface BatchMeta {
  batchId: string;
  orgId: string;
  extVersion: string;
}

export interface BatchOptions {
  /** Pending alternative visits; sent only in v2. */
  visits?: PendingVisits;
  /** 2 (counts and visits) unless the endpoint is known to speak v1 only; v1 keeps every visit pending. */
  version?: 1 | 2;
}

export interface BuiltBatch {
  /** The exact request body, or null when nothing is waiting. */
  body: string | null;
  /** Rows in the body, counts and visits together. */
  rows: number;
  /** What stays pending for a later batch. */
  keep: PendingCounts;
  keepVisits: PendingVisits;
  /** Rows too old for the collector (it rejects days older than 60): left out for good. */
  discarded: number;
}

const keyOf = (row: CountRow): CountKey => `${row.day}|${row.messenger}|${row.event}`;

/**
 * Puts pending counts (and in v2 visits) into one wire batch within the limits of DESIGN §6
 * (1,000 rows together, 64 KiB, n ≤ 100,000); whatever does not fit stays pending. Rows sorted
 * so the body is reproducible.
 */
export function buildBatch(pending: PendingCounts, meta: BatchMeta, today: string, { visits = {}, version = 1 }: BatchOptions = {}): BuiltBatch {
  const earliest = shiftDay(today, -MAX_DAY_AGE);
  const latest = shiftDay(today, 1);
  const keep: PendingCounts = {};
  const keepVisits: PendingVisits = {};
  const counts: CountRow[] = [];
  const sentVisits: VisitRow[] = [];
  let discarded = 0;
  let bytes = JSON.stringify({ v: version, ...meta, counts: [], ...(version === 2 ? { visits: [] } : {}) }).length;

  /** Adds a row if it fits; returns the part of n that must wait, or null when the row is dropped. */
  const place = <Row extends { day: string; n: number }>(row: Row, into: Row[]): number | null => {
    if (row.day < earliest) {
      discarded += 1;
      return null;
    }
    const sent = { ...row, n: Math.min(row.n, MAX_COUNT) };
    const rowBytes = JSON.stringify(sent).length + 1;
    if (row.day > latest || counts.length + sentVisits.length >= MAX_COUNT_ROWS || bytes + rowBytes > MAX_BATCH_BYTES) return row.n;
    into.push(sent);
    bytes += rowBytes;
    return row.n - sent.n;
  };

  for (const row of pendingToRows(pending).sort((a, b) => keyOf(a).localeCompare(keyOf(b)))) {
    const rest = place(row, counts);
    if (rest) keep[keyOf(row)] = rest;
  }
  for (const row of pendingVisitsToRows(visits).sort((a, b) => visitKeyOf(a).localeCompare(visitKeyOf(b)))) {
    const rest = version === 2 ? place(row, sentVisits) : row.n;
    if (rest) keepVisits[visitKeyOf(row)] = rest;
  }
  const rows = counts.length + sentVisits.length;
  if (rows === 0) return { body: null, rows: 0, keep, keepVisits, discarded };
  const header = { batchId: meta.batchId, orgId: meta.orgId, extVersion: meta.extVersion };
  const batch = ReportBatch.parse(version === 2 ? { v: 2, ...header, counts, visits: sentVisits } : { v: 1, ...header, counts });
  return { body: JSON.stringify(batch), rows, keep, keepVisits, discarded };
}

/** The same counts as a v1 body under the same batchId, for a collector that refused v2. */
export function asVersion1(body: string): { body: string | null; visits: VisitRow[] } {
  const batch = ReportBatch.parse(JSON.parse(body));
  if (batch.v === 1) return { body, visits: [] };
  const { visits, v: _v, ...rest } = batch;
  return { body: batch.counts.length > 0 ? JSON.stringify(ReportBatch.parse({ ...rest, v: 1 })) : null, visits };
}
