import { rollupDeltas, visitDeltas } from './rollup-deltas.mjs';

const ADD_DISTRICT_DAY = `insert into district_days (district_id, day, messenger, event, n) values (?, ?, ?, ?, ?)
  on conflict (district_id, day, messenger, event) do update set n = n + excluded.n`;
const ADD_SCHOOL_WEEK = `insert into school_weeks (district_id, week_start, org_id, messenger, event, n) values (?, ?, ?, ?, ?, ?)
  on conflict (district_id, week_start, org_id, messenger, event) do update set n = n + excluded.n`;
const ADD_VISIT = `insert into visits (district_id, org_id, day, target, n) values (?, ?, ?, ?, ?)
  on conflict (district_id, org_id, day, target) do update set n = case when n > ? - excluded.n then ? else n + excluded.n end`;
const ADD_DISTRICT_VISIT_DAY = `insert into district_visit_days (district_id, day, target, n) values (?, ?, ?, ?)
  on conflict (district_id, day, target) do update set n = n + excluded.n`;
const ADD_SCHOOL_VISIT_WEEK = `insert into school_visit_weeks (district_id, week_start, org_id, target, n) values (?, ?, ?, ?, ?)
  on conflict (district_id, week_start, org_id, target) do update set n = n + excluded.n`;

/**
 * The SQLite batch store's transaction: plain JavaScript, so the collector's writer thread runs it
 * without a TypeScript loader; in-process callers use it too (sqlite-writer.ts).
 * Returns, per input batch, true when stored now, false when its batchId was known (before, or
 * earlier in the same list). Rows of the new batches are summed per key before they are written,
 * and the dashboard's rollups get the same rows summed per their keys, in the same transaction.
 */
export function createSqliteStore(sqlite, { batchSql, countSql, countParameters, ceiling }) {
  const insertBatch = sqlite.prepare(batchSql);
  const insertCount = sqlite.prepare(countSql);
  const addDistrictDay = sqlite.prepare(ADD_DISTRICT_DAY);
  const addSchoolWeek = sqlite.prepare(ADD_SCHOOL_WEEK);
  const addVisit = sqlite.prepare(ADD_VISIT);
  const addDistrictVisitDay = sqlite.prepare(ADD_DISTRICT_VISIT_DAY);
  const addSchoolVisitWeek = sqlite.prepare(ADD_SCHOOL_VISIT_WEEK);
  return sqlite.transaction((batches) => {
    const seen = new Set();
    const stored = [];
    const result = batches.map((batch) => {
      if (seen.has(batch.batchId)) return false;
      seen.add(batch.batchId);
      if (insertBatch.run(batch.batchId, batch.districtId).changes !== 1) return false;
      stored.push(batch);
      return true;
    });
    const sums = new Map();
    for (const batch of stored) {
      for (const row of batch.counts) {
        const key = `${batch.districtId}|${batch.orgId}|${row.day}|${row.messenger}|${row.event}`;
        const sum = sums.get(key);
        if (sum) sum.n = Math.min(sum.n + row.n, ceiling);
        else sums.set(key, { districtId: batch.districtId, orgId: batch.orgId, day: row.day, messenger: row.messenger, event: row.event, n: row.n });
      }
    }
    for (const row of sums.values()) insertCount.run(row.districtId, row.orgId, row.day, row.messenger, row.event, row.n, ...countParameters);
    const rollups = rollupDeltas(stored);
    for (const row of rollups.days) addDistrictDay.run(row.districtId, row.day, row.messenger, row.event, row.n);
    for (const row of rollups.weeks) addSchoolWeek.run(row.districtId, row.weekStart, row.orgId, row.messenger, row.event, row.n);
    const visits = visitDeltas(stored);
    for (const row of visits.cells) addVisit.run(row.districtId, row.orgId, row.day, row.target, Math.min(row.n, ceiling), ceiling, ceiling);
    for (const row of visits.days) addDistrictVisitDay.run(row.districtId, row.day, row.target, row.n);
    for (const row of visits.weeks) addSchoolVisitWeek.run(row.districtId, row.weekStart, row.orgId, row.target, row.n);
    return result;
  });
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
