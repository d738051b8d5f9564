/**
 * Sums of report-log rows per cell, the heart of a fold on either engine: a school's day sent in
 * many batches becomes one cell, so the aggregates get one upsert per cell, not per row. Plain
 * JavaScript, so the fold threads run it without a loader.
 */
export function emptySums() {
  return { counts: new Map(), visits: new Map(), batches: 0 };
}

/** Adds one log row (`entries`: the JSON array of its batches, batch-sql.ts toLogEntries). */
export function addLogRow(sums, { batches, entries }) {
  sums.batches += batches;
  for (const entry of JSON.parse(entries)) addEntry(sums, entry);
}

function addEntry(sums, { d: districtId, o: orgId, c: counts, v: visits }) {
  const prefix = `${districtId}|${orgId}|`;
  for (const row of counts) {
    const key = `${prefix}${row.day}|${row.messenger}|${row.event}`;
    const sum = sums.counts.get(key);
    if (sum) sum.n += row.n;
    else sums.counts.set(key, { key, districtId, orgId, day: row.day, messenger: row.messenger, event: row.event, n: row.n });
  }
  for (const row of visits) {
    const key = `${prefix}${row.day}|${row.target}`;
    const sum = sums.visits.get(key);
    if (sum) sum.n += row.n;
    else sums.visits.set(key, { key, districtId, orgId, day: row.day, target: row.target, n: row.n });
  }
}

/** The cells in key order: neighbouring keys share B-tree pages, so each page is found once per fold. */
export function cellsInKeyOrder(sums) {
  return { counts: inKeyOrder([...sums.counts.values()]), visits: inKeyOrder([...sums.visits.values()]) };
}

export function inKeyOrder(rows) {
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
