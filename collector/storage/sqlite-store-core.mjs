import { rollupDeltas, visitDeltas } from './rollup-deltas.mjs';

const INSERT_LOG = 'insert into batch_log (district_id, org_id, counts, visits) values (?, ?, ?, ?)';
const ADD_DISTRICT_DAY = `insert into district_days (district_id, day, messenger, event, n) values (?, ?, ?, ?, ?)
  on conflict (district_id, day, messenger, event) do update set n = n + excluded.n`;
const ADD_SCHOOL_WEEK = `insert into school_weeks (district_id, week_start, org_id, messenger, event, n) values (?, ?, ?, ?, ?, ?)
  on conflict (district_id, week_start, org_id, messenger, event) do update set n = n + excluded.n`;
const ADD_VISIT = `insert into visits (district_id, org_id, day, target, n) values (?, ?, ?, ?, ?)
  on conflict (district_id, org_id, day, target) do update set n = n + excluded.n`;
const CURRENT_COUNT = 'select n from counts where district_id = ? and org_id = ? and day = ? and messenger = ? and event = ?';
const CURRENT_VISITS = 'select n from visits where district_id = ? and org_id = ? and day = ? and target = ?';
const ADD_EXCESS = `insert into count_excess (district_id, org_id, day, messenger, event, n) values (?, ?, ?, ?, ?, ?)
  on conflict (district_id, org_id, day, messenger, event) do update set n = n + excluded.n`;
const ADD_DISTRICT_VISIT_DAY = `insert into district_visit_days (district_id, day, target, n) values (?, ?, ?, ?)
  on conflict (district_id, day, target) do update set n = n + excluded.n`;
const ADD_SCHOOL_VISIT_WEEK = `insert into school_visit_weeks (district_id, week_start, org_id, target, n) values (?, ?, ?, ?, ?)
  on conflict (district_id, week_start, org_id, target) do update set n = n + excluded.n`;
const PENDING = 'select seq, district_id as districtId, org_id as orgId, counts, visits from batch_log order by seq limit ?';
const FOLDED = 'delete from batch_log where seq <= ?';

/**
 * The SQLite batch store's transaction: plain JavaScript, so the collector's writer thread runs it
 * without a TypeScript loader; in-process callers use it too (sqlite-writer.ts).
 * Per batch one batchId and one log row (its count and visit rows as JSON, see fold below). Returns, per input
 * batch, true when stored now, false when its batchId was known to its district (before, or earlier in the list).
 */
export function createSqliteStore(sqlite, { batchSql }) {
  const insertBatch = sqlite.prepare(batchSql);
  const insertLog = sqlite.prepare(INSERT_LOG);
  return sqlite.transaction((entries) => {
    const seen = new Set();
    return entries.map((entry) => {
      const key = `${entry.districtId}|${entry.batchId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      if (insertBatch.run(entry.batchId, entry.districtId).changes !== 1) return false;
      insertLog.run(entry.districtId, entry.orgId, entry.counts, entry.visits);
      return true;
    });
  });
}

/**
 * The fold: the oldest `limit` log rows, summed per key (a school's day sent in many batches
 * becomes one upsert), added to counts, visits and their rollups in key order, then deleted, all in one
 * immediate transaction. Returns how many log rows it folded. `holdMs` (crash tests only) keeps
 * the transaction open that long before it commits, after calling `onHold`.
 */
export function createSqliteFold(sqlite, { countSql, countParameters, ceiling }, { holdMs = 0, onHold = () => {} } = {}) {
  const pending = sqlite.prepare(PENDING);
  const folded = sqlite.prepare(FOLDED);
  const insertCount = sqlite.prepare(countSql);
  const addDistrictDay = sqlite.prepare(ADD_DISTRICT_DAY);
  const addSchoolWeek = sqlite.prepare(ADD_SCHOOL_WEEK);
  const addVisit = sqlite.prepare(ADD_VISIT);
  const addDistrictVisitDay = sqlite.prepare(ADD_DISTRICT_VISIT_DAY);
  const addSchoolVisitWeek = sqlite.prepare(ADD_SCHOOL_VISIT_WEEK);
  const currentCount = sqlite.prepare(CURRENT_COUNT).pluck();
  const currentVisits = sqlite.prepare(CURRENT_VISITS).pluck();
  const addExcess = sqlite.prepare(ADD_EXCESS);
  const fold = sqlite.transaction((limit) => {
    const entries = pending.all(limit);
    if (entries.length === 0) return 0;
    const batches = entries.map((entry) => ({ districtId: entry.districtId, orgId: entry.orgId, counts: JSON.parse(entry.counts), visits: JSON.parse(entry.visits) }));
    // Each cell takes what fits under the bound; the rollups take what the cells took.
    const taken = [];
    for (const row of inKeyOrder(sumCounts(batches))) {
      const cell = [row.districtId, row.orgId, row.day, row.messenger, row.event];
      const accepted = Math.min(row.n, Math.max(0, ceiling - (currentCount.get(...cell) ?? 0)));
      if (accepted > 0) {
        insertCount.run(...cell, accepted, ...countParameters);
        taken.push({ districtId: row.districtId, orgId: row.orgId, counts: [{ day: row.day, messenger: row.messenger, event: row.event, n: accepted }] });
      }
      if (accepted < row.n) addExcess.run(...cell, row.n - accepted);
    }
    const rollups = rollupDeltas(taken);
    for (const row of inKeyOrder(rollups.days)) addDistrictDay.run(row.districtId, row.day, row.messenger, row.event, row.n);
    for (const row of inKeyOrder(rollups.weeks)) addSchoolWeek.run(row.districtId, row.weekStart, row.orgId, row.messenger, row.event, row.n);
    const takenVisits = [];
    for (const row of inKeyOrder(visitDeltas(batches).cells)) {
      const cell = [row.districtId, row.orgId, row.day, row.target];
      const accepted = Math.min(row.n, Math.max(0, ceiling - (currentVisits.get(...cell) ?? 0)));
      if (accepted === 0) continue;
      addVisit.run(...cell, accepted);
      takenVisits.push({ districtId: row.districtId, orgId: row.orgId, visits: [{ day: row.day, target: row.target, n: accepted }] });
    }
    const visits = visitDeltas(takenVisits);
    for (const row of inKeyOrder(visits.days)) addDistrictVisitDay.run(row.districtId, row.day, row.target, row.n);
    for (const row of inKeyOrder(visits.weeks)) addSchoolVisitWeek.run(row.districtId, row.weekStart, row.orgId, row.target, row.n);
    folded.run(entries.at(-1).seq);
    if (holdMs > 0) {
      onHold();
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, holdMs);
    }
    return entries.length;
  });
  return (limit) => fold.immediate(limit);
}

function sumCounts(batches) {
  const sums = new Map();
  for (const batch of batches) {
    for (const row of batch.counts) {
      const key = `${batch.districtId}|${batch.orgId}|${row.day}|${row.messenger}|${row.event}`;
      const sum = sums.get(key);
      if (sum) sum.n += row.n;
      else sums.set(key, { key, districtId: batch.districtId, orgId: batch.orgId, day: row.day, messenger: row.messenger, event: row.event, n: row.n });
    }
  }
  return [...sums.values()];
}

/** Neighbouring keys share B-tree pages: in order, each page is found once per fold. */
function inKeyOrder(rows) {
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The connection settings of open-database.ts, for connections opened outside it. */
export function tuneSqlite(sqlite) {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoint the WAL less often (each one syncs the database file); 16 MB of page cache.
  sqlite.pragma('wal_autocheckpoint = 4000');
  sqlite.pragma('cache_size = -16000');
}
