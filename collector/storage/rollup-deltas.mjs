/**
 * The dashboard's rollups (district_days, school_weeks) as the deltas a group of newly stored
 * batches adds to them: plain JavaScript, so the SQLite writer thread runs it without a loader.
 * The ingest applies them in the transaction that stores the counts (no triggers on counts).
 */
const mondays = new Map();

/** Monday of the ISO week holding a 'YYYY-MM-DD' day (what the migration's SQL computes). */
export function mondayOf(day) {
  let monday = mondays.get(day);
  if (monday === undefined) {
    const time = Date.parse(`${day}T00:00:00Z`);
    const weekday = (new Date(time).getUTCDay() + 6) % 7;
    monday = new Date(time - weekday * 86_400_000).toISOString().slice(0, 10);
    if (mondays.size > 4096) mondays.clear();
    mondays.set(day, monday);
  }
  return monday;
}

/** Sums the rows of `batches` per district_days key and per school_weeks key (each row keeps its `key`). */
export function rollupDeltas(batches) {
  const days = new Map();
  const weeks = new Map();
  for (const batch of batches) {
    for (const row of batch.counts) {
      const dayKey = `${batch.districtId}|${row.day}|${row.messenger}|${row.event}`;
      const day = days.get(dayKey);
      if (day) day.n += row.n;
      else days.set(dayKey, { key: dayKey, districtId: batch.districtId, day: row.day, messenger: row.messenger, event: row.event, n: row.n });
      const weekStart = mondayOf(row.day);
      const weekKey = `${batch.districtId}|${weekStart}|${batch.orgId}|${row.messenger}|${row.event}`;
      const week = weeks.get(weekKey);
      if (week) week.n += row.n;
      else weeks.set(weekKey, { key: weekKey, districtId: batch.districtId, weekStart, orgId: batch.orgId, messenger: row.messenger, event: row.event, n: row.n });
    }
  }
  return { days: [...days.values()], weeks: [...weeks.values()] };
}

/**
 * The alternative visits of `batches` summed per visits key (district × school × day × target)
 * and per key of their two rollups (district_visit_days, school_visit_weeks).
 */
export function visitDeltas(batches) {
  const cells = new Map();
  const days = new Map();
  const weeks = new Map();
  const add = (map, key, make, n) => {
    const found = map.get(key);
    if (found) found.n += n;
    else map.set(key, { key, ...make(), n });
  };
  for (const batch of batches) {
    for (const row of batch.visits ?? []) {
      const { districtId, orgId } = batch;
      const { day, target, n } = row;
      const weekStart = mondayOf(day);
      add(cells, `${districtId}|${orgId}|${day}|${target}`, () => ({ districtId, orgId, day, target }), n);
      add(days, `${districtId}|${day}|${target}`, () => ({ districtId, day, target }), n);
      add(weeks, `${districtId}|${weekStart}|${orgId}|${target}`, () => ({ districtId, weekStart, orgId, target }), n);
    }
  }
  return { cells: [...cells.values()], days: [...days.values()], weeks: [...weeks.values()] };
}
