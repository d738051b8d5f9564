import { rollupDeltas, visitDeltas } from './rollup-deltas.mjs';

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
const PENDING = 'select seq, batches, entries from report_log where seq > ? order by seq limit ?';
const STILL_PENDING = 'select count(*) as rows, total(seq) as seqs from report_log where seq <= ?';
const FOLDED = 'delete from report_log where seq <= ?';

/** Log rows (groups of batches) read and summed between two chances for the writer's stores to run. */
export const FOLD_SLICE = 64;

/**
 * The SQLite fold, in two phases. Reading: the oldest log rows, FOLD_SLICE at a time, until they
 * hold `limit` batches, parsed and summed per key (a school's day sent in many batches becomes one cell); between
 * slices the thread turns to its message queue, so stores wait for one slice, not for a whole
 * fold (reading, parsing and summing is most of a fold's time). Writing: one immediate
 * transaction adds the cells to counts, visits and their rollups in key order and deletes the
 * rows read — so what the dashboard reads never holds part of a batch, and a kill leaves every
 * batch either in the log or folded. If the rows read are no longer all there (another process
 * folded the same file meanwhile), nothing is written and the next fold reads again.
 * Folds run one at a time. Returns how many batches it folded. `holdMs` (crash tests only) keeps
 * the writing transaction open that long before it commits, after calling `onHold`.
 */
export function createSqliteFold(sqlite, { countSql, countParameters, ceiling }, { holdMs = 0, onHold = () => {} } = {}) {
  const pending = sqlite.prepare(PENDING);
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
    for (const row of inKeyOrder([...sums.counts.values()])) {
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
    for (const row of inKeyOrder([...sums.visits.values()])) {
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

  const fold = async (limit) => {
    const sums = { counts: new Map(), visits: new Map(), lastSeq: 0, rows: 0, seqs: 0, batches: 0 };
    while (sums.batches < limit) {
      const rows = pending.all(sums.lastSeq, FOLD_SLICE);
      for (const row of rows) {
        addRow(sums, row);
        if (sums.batches >= limit) break;
      }
      if (rows.length < FOLD_SLICE || sums.batches >= limit) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return sums.rows === 0 ? 0 : write.immediate(sums);
  };
  let last = Promise.resolve(0);
  return (limit) => {
    last = last.catch(() => 0).then(() => fold(limit));
    return last;
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
function inKeyOrder(rows) {
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
