import { rollupDeltas, visitDeltas } from './rollup-deltas.mjs';
import { inKeyOrder } from './log-sums.mjs';
import { createFoldReader } from './sqlite-fold-read.mjs';

const ADD_DISTRICT_DAY = `insert into district_days (district_id, day, messenger, event, n) values (?, ?, ?, ?, ?)
  on conflict (district_id, day, messenger, event) do update set n = n + excluded.n`;
const ADD_SCHOOL_WEEK = `insert into school_weeks (district_id, week_start, org_id, messenger, event, n) values (?, ?, ?, ?, ?, ?)
  on conflict (district_id, week_start, org_id, messenger, event) do update set n = n + excluded.n`;
const ADD_VISIT = `insert into visits (district_id, org_id, day, target, n) values (?, ?, ?, ?, ?)
  on conflict (district_id, org_id, day, target) do update set n = n + excluded.n`;
// Adds a whole cell while it stays under the bound (no change when it would not: then the slow path).
const ADD_COUNT_UNDER = `insert into counts (district_id, org_id, day, messenger, event, n) values (?, ?, ?, ?, ?, ?)
  on conflict (district_id, org_id, day, messenger, event) do update set n = n + excluded.n where n + excluded.n <= ?`;
const ADD_VISIT_UNDER = `insert into visits (district_id, org_id, day, target, n) values (?, ?, ?, ?, ?)
  on conflict (district_id, org_id, day, target) do update set n = n + excluded.n where n + excluded.n <= ?`;
const CURRENT_COUNT = 'select n from counts where district_id = ? and org_id = ? and day = ? and messenger = ? and event = ?';
const CURRENT_VISITS = 'select n from visits where district_id = ? and org_id = ? and day = ? and target = ?';
const ADD_EXCESS = `insert into count_excess (district_id, org_id, day, messenger, event, n) values (?, ?, ?, ?, ?, ?)
  on conflict (district_id, org_id, day, messenger, event) do update set n = n + excluded.n`;
const ADD_DISTRICT_VISIT_DAY = `insert into district_visit_days (district_id, day, target, n) values (?, ?, ?, ?)
  on conflict (district_id, day, target) do update set n = n + excluded.n`;
const ADD_SCHOOL_VISIT_WEEK = `insert into school_visit_weeks (district_id, week_start, org_id, target, n) values (?, ?, ?, ?, ?)
  on conflict (district_id, week_start, org_id, target) do update set n = n + excluded.n`;
const STILL_PENDING = 'select count(*) as rows, total(seq) as seqs from report_log where seq <= ?';
const FOLDED = 'delete from report_log where seq <= ?';

/**
 * The writing half of the SQLite fold: one immediate transaction adds the sums of
 * sqlite-fold-read.mjs to counts, visits and their rollups in key order and deletes the rows they
 * came from, so what the dashboard reads never holds part of a batch, and a kill leaves every
 * batch either in the log or folded. If those rows are no longer all there (another process
 * folded the same file meanwhile), nothing is written and the next fold reads again. Returns how
 * many batches it folded. `holdMs` (crash tests only) keeps the transaction open that long before
 * it commits, after calling `onHold`.
 */
export function createFoldWriter(sqlite, { countSql, countParameters, ceiling }, { holdMs = 0, onHold = () => {} } = {}) {
  const stillPending = sqlite.prepare(STILL_PENDING);
  const folded = sqlite.prepare(FOLDED);
  const insertCount = sqlite.prepare(countSql);
  const addDistrictDay = sqlite.prepare(ADD_DISTRICT_DAY);
  const addSchoolWeek = sqlite.prepare(ADD_SCHOOL_WEEK);
  const addVisit = sqlite.prepare(ADD_VISIT);
  const addDistrictVisitDay = sqlite.prepare(ADD_DISTRICT_VISIT_DAY);
  const addSchoolVisitWeek = sqlite.prepare(ADD_SCHOOL_VISIT_WEEK);
  const addCountUnder = sqlite.prepare(ADD_COUNT_UNDER);
  const addVisitUnder = sqlite.prepare(ADD_VISIT_UNDER);
  const currentCount = sqlite.prepare(CURRENT_COUNT).pluck();
  const currentVisits = sqlite.prepare(CURRENT_VISITS).pluck();
  const addExcess = sqlite.prepare(ADD_EXCESS);

  const write = sqlite.transaction((sums) => {
    const still = stillPending.get(sums.lastSeq);
    if (still.rows !== sums.rows || still.seqs !== sums.seqs) return 0;
    // Each cell takes what fits under the bound; the rollups take what the cells took.
    const taken = [];
    for (const row of sums.counts) {
      const cell = [row.districtId, row.orgId, row.day, row.messenger, row.event];
      const whole = row.n <= ceiling && addCountUnder.run(...cell, row.n, ceiling).changes === 1;
      const accepted = whole ? row.n : Math.min(row.n, Math.max(0, ceiling - (currentCount.get(...cell) ?? 0)));
      if (!whole && accepted > 0) insertCount.run(...cell, accepted, ...countParameters);
      if (accepted > 0) {
        taken.push({ districtId: row.districtId, orgId: row.orgId, counts: [{ day: row.day, messenger: row.messenger, event: row.event, n: accepted }] });
      }
      if (accepted < row.n) addExcess.run(...cell, row.n - accepted);
    }
    const rollups = rollupDeltas(taken);
    for (const row of inKeyOrder(rollups.days)) addDistrictDay.run(row.districtId, row.day, row.messenger, row.event, row.n);
    for (const row of inKeyOrder(rollups.weeks)) addSchoolWeek.run(row.districtId, row.weekStart, row.orgId, row.messenger, row.event, row.n);
    const takenVisits = [];
    for (const row of sums.visits) {
      const cell = [row.districtId, row.orgId, row.day, row.target];
      const whole = row.n <= ceiling && addVisitUnder.run(...cell, row.n, ceiling).changes === 1;
      const accepted = whole ? row.n : Math.min(row.n, Math.max(0, ceiling - (currentVisits.get(...cell) ?? 0)));
      if (accepted === 0) continue;
      if (!whole) addVisit.run(...cell, accepted);
      takenVisits.push({ districtId: row.districtId, orgId: row.orgId, visits: [{ day: row.day, target: row.target, n: accepted }] });
    }
    const visits = visitDeltas(takenVisits);
    for (const row of inKeyOrder(visits.days)) addDistrictVisitDay.run(row.districtId, row.day, row.target, row.n);
    for (const row of inKeyOrder(visits.weeks)) addSchoolVisitWeek.run(row.districtId, row.weekStart, row.orgId, row.target, row.n);
    folded.run(sums.lastSeq);
    if (holdMs > 0) {
      onHold();
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, holdMs);
    }
    return sums.batches;
  });

  return (sums) => (sums.rows === 0 ? 0 : write.immediate(sums));
}

/**
 * Both halves on one connection, one fold at a time; between the reading's slices the thread turns
 * to its other work (its stores wait for one slice, not a whole fold).
 */
export function createSqliteFold(sqlite, statements, hold) {
  const read = createFoldReader(sqlite);
  const write = createFoldWriter(sqlite, statements, hold);
  const pause = () => new Promise((resolve) => setImmediate(resolve));
  let last = Promise.resolve(0);
  return (limit) => {
    last = last.catch(() => 0).then(async () => write(await read(limit, pause)));
    return last;
  };
}
