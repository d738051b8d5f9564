import { readLogEntry } from './log-entry.mjs';

/**
 * Sums of report-log rows per cell, the heart of a fold on either engine: a school's day sent in
 * many batches becomes one cell, so the aggregates get one upsert per cell, not per row. Plain
 * JavaScript, so the fold threads run it without a loader.
 */
export function emptySums() {
  return { counts: new Map(), visits: new Map(), batches: 0 };
}

/** Adds one log row (`entries`: the JSON array of its batches, log-entry.mjs). */
export function addLogRow(sums, { batches, entries }) {
  sums.batches += batches;
  const onCount = (districtId, orgId, day, messenger, event, n) => addCount(sums, districtId, orgId, day, messenger, event, n);
  const onVisit = (districtId, orgId, day, target, n) => addVisit(sums, districtId, orgId, day, target, n);
  for (const entry of JSON.parse(entries)) {
    if (Array.isArray(entry)) readLogEntry(entry, onCount, onVisit);
    else addObjectEntry(sums, entry);
  }
}

/** An entry as earlier collectors wrote it, and migration 0009 writes for 0008's rows: still pending after an upgrade. */
function addObjectEntry(sums, { d: districtId, o: orgId, c: counts, v: visits }) {
  for (const row of counts) addCount(sums, districtId, orgId, row.day, row.messenger, row.event, row.n);
  for (const row of visits) addVisit(sums, districtId, orgId, row.day, row.target, row.n);
}

function addCount(sums, districtId, orgId, day, messenger, event, n) {
  const key = `${districtId}|${orgId}|${day}|${messenger}|${event}`;
  const sum = sums.counts.get(key);
  if (sum) sum.n += n;
  else sums.counts.set(key, { key, districtId, orgId, day, messenger, event, n });
}

function addVisit(sums, districtId, orgId, day, target, n) {
  const key = `${districtId}|${orgId}|${day}|${target}`;
  const sum = sums.visits.get(key);
  if (sum) sum.n += n;
  else sums.visits.set(key, { key, districtId, orgId, day, target, n });
}

/** The cells in key order: neighbouring keys share B-tree pages, so each page is found once per fold. */
export function cellsInKeyOrder(sums) {
  return { counts: inKeyOrder([...sums.counts.values()]), visits: inKeyOrder([...sums.visits.values()]) };
}

export function inKeyOrder(rows) {
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
