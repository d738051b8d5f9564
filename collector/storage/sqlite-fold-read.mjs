const PENDING = 'select seq, batches, entries from report_log where seq > ? order by seq limit ?';

/** Log rows (groups of batches) read and summed between two chances for other work to run. */
export const FOLD_SLICE = 64;

/**
 * The reading half of the SQLite fold: the oldest log rows, FOLD_SLICE at a time, until they hold
 * `limit` batches, parsed and summed per key (a school's day sent in many batches becomes one
 * cell), in key order. Between slices it awaits `pause` when given, so a thread that also stores
 * lets its stores run. Returns the sums and which rows they came from (sqlite-fold.mjs writes them).
 */
export function createFoldReader(sqlite) {
  const pending = sqlite.prepare(PENDING);
  return async (limit, pause) => {
    const sums = { counts: new Map(), visits: new Map(), lastSeq: 0, rows: 0, seqs: 0, batches: 0 };
    while (sums.batches < limit) {
      const rows = pending.all(sums.lastSeq, FOLD_SLICE);
      for (const row of rows) {
        addRow(sums, row);
        if (sums.batches >= limit) break;
      }
      if (rows.length < FOLD_SLICE || sums.batches >= limit) break;
      if (pause) await pause();
    }
    const { lastSeq, rows, seqs, batches } = sums;
    return { counts: inKeyOrder([...sums.counts.values()]), visits: inKeyOrder([...sums.visits.values()]), lastSeq, rows, seqs, batches };
  };
}

function addRow(sums, { seq, batches, entries }) {
  sums.lastSeq = seq;
  sums.rows += 1;
  sums.seqs += seq;
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

/** Neighbouring keys share B-tree pages: in order, each page is found once per fold. */
export function inKeyOrder(rows) {
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
