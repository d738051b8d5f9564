import type { Kysely } from 'kysely';
import { ALTERNATIVE_TARGETS, type AlternativeTarget } from '../../../protocol/alternatives';
import { EVENT_NAMES, type EventName } from '../../../protocol/events';
import { MESSENGER_IDS, type MessengerId } from '../../../protocol/messengers';
import type { Database } from '../../storage/schema';
import { listSchools } from '../../storage/schools';
import { weekRange, weeksEndingAt, type WeekRange } from './iso-week';
import { districtIds, schoolFilter, type Scope } from './scope';
import { loadRefusedExcess } from './refused-excess';
import { lastReportDays, loadWeek, schoolKey } from './week-data';
import { MEASURES, publishWeek, tallyTotal, tallyWeek, totalsOfWeek, type Measure, type Published, type Totals } from './week-tables';

/**
 * One week as the district sends it upward: every figure already published (1–4 as «<5», partners
 * hidden as «×», see suppression.ts), so the screen, the XLSX, the CSV and the print page show the
 * same numbers and none of them can be combined to recover a hidden one.
 */
export const NOT_LISTED = 'нет в справочнике';

export interface UnitRow {
  /** orgId for a school, the district's number for a region's view. */
  code: string;
  name: string;
  listed: boolean;
  cells: Record<Measure, Published>;
  messengers: { messenger: MessengerId; cells: Record<EventName, Published> }[];
  targets: { target: AlternativeTarget; visits: Published }[];
}

export interface Change {
  value: Published;
  previous: Published;
  /** value − previous when both are numbers. */
  change: number | null;
}

export interface ShareChange {
  count: number;
  of: number;
  ratio: number | null;
  previousRatio: number | null;
}

export interface WeekReport {
  week: string;
  from: string;
  to: string;
  /** The week has not ended yet (its Sunday is today or later). */
  inProgress: boolean;
  scopeName: string;
  unitKind: 'school' | 'district';
  coverage: {
    reporting: number;
    listed: number;
    silent: { code: string; name: string; lastDay: string | null }[];
    unlisted: number;
    /** A region's view: each district's coverage, where a district's page names its silent schools. */
    districts: { name: string; reporting: number; listed: number }[];
  } | null;
  headline: {
    opened: Change;
    visits: Change;
    usingAlternative: ShareChange;
    noForeignOpens: ShareChange;
    nudgeToSferum: { ratio: number | null; previousRatio: number | null };
  };
  /** Measures with any non-zero cell this week; the others are always 0 in the district's mode. */
  measures: Measure[];
  units: UnitRow[];
  totals: Record<Measure, Published>;
  messengerTotals: { messenger: MessengerId; cells: Record<EventName, Published> }[];
  targetTotals: { target: AlternativeTarget; visits: Published }[];
  /** Some measure could only be protected by hiding all of its non-zero cells. */
  masked: boolean;
  /**
   * Counts the collector refused this week as implausible (beyond the per-cell bound, DESIGN §7),
   * one line per unit and day: a token that reports far too much, to be looked at.
   */
  refused: { code: string; name: string; day: string; n: number }[];
}

interface Unit {
  key: string;
  code: string;
  name: string;
  listed: boolean;
}

const collator = new Intl.Collator('ru', { numeric: true });
const ratio = (count: number, of: number) => (of > 0 ? count / of : null);
const numberOrNull = (value: Published) => (typeof value === 'number' ? value : null);

export async function buildWeekReport(db: Kysely<Database>, scope: Scope, range: WeekRange, today: string): Promise<WeekReport> {
  const reader = { ids: districtIds(scope), orgId: schoolFilter(scope) };
  const previousWeek = weeksEndingAt(range.week, 2)[0]!;
  const previousRange = weekRange(previousWeek)!;
  const [data, previousData, directory, excess] = await Promise.all([
    loadWeek(db, reader, range),
    loadWeek(db, reader, previousRange),
    listSchools(db, reader.ids),
    loadRefusedExcess(db, reader, range),
  ]);
  const byRegion = scope.role === 'region';
  const unitOf = (districtId: number, orgId: string) => (byRegion ? String(districtId) : schoolKey(districtId, orgId));

  const units = new Map<string, Unit>();
  if (byRegion) for (const d of scope.districts) units.set(String(d.id), { key: String(d.id), code: String(d.id), name: d.name, listed: true });
  const listed = directory.filter((school) => reader.orgId === undefined || school.orgId === reader.orgId);
  if (!byRegion) {
    for (const school of listed) units.set(schoolKey(school.districtId, school.orgId), { key: schoolKey(school.districtId, school.orgId), code: school.orgId, name: school.name, listed: true });
    for (const [key, school] of [...data.reporting, ...previousData.reporting]) {
      if (!units.has(key)) units.set(key, { key, code: school.orgId, name: NOT_LISTED, listed: false });
    }
  }
  const ordered = [...units.values()].sort((a, b) => Number(b.listed) - Number(a.listed) || collator.compare(a.name, b.name) || collator.compare(a.code, b.code));
  const index = new Map(ordered.map((unit, i) => [unit.key, i]));
  // A week's rows come school by school: the key is built once per school, not once per row.
  let last = { districtId: -1, orgId: '', index: undefined as number | undefined };
  const unitIndex = (districtId: number, orgId: string) => {
    if (districtId !== last.districtId || orgId !== last.orgId) last = { districtId, orgId, index: index.get(unitOf(districtId, orgId)) };
    return last.index;
  };
  const week = publishWeek(tallyWeek(ordered.length, unitIndex, data));
  const previous = totalsOfWeek(ordered.length, unitIndex, previousData);
  const R = ordered.length;
  const total = (m: Measure) => week.tables.get(m)!.at(R, week.tables.get(m)!.columns);
  const previousTotal = (m: Measure) => tallyTotal(previous.get(m)!);
  const unitTotal = (p: Map<Measure, Totals>, m: Measure, r: number) => p.get(m)!.unitTotals[r]!;

  const reporting = data.reporting;
  const previousReporting = previousData.reporting;
  const schoolShares = (p: Map<Measure, Totals>, keys: ReadonlyMap<string, unknown>) => {
    const rows = byRegion ? [] : ordered.map((unit, r) => ({ unit, r })).filter(({ unit }) => keys.has(unit.key));
    const base = listed.length > 0 ? listed.length : rows.length;
    const using = rows.filter(({ unit, r }) => (listed.length === 0 || unit.listed) && unitTotal(p, 'visits', r) > 0).length;
    const noOpens = rows.filter(({ r }) => unitTotal(p, 'opened', r) === 0).length;
    return { using, base, noOpens, reporting: rows.length };
  };
  const now = schoolShares(week.tables, reporting);
  const before = schoolShares(previous, previousReporting);
  const change = (m: Measure): Change => {
    const value = total(m);
    const last = previousTotal(m);
    return { value, previous: last, change: typeof value === 'number' && typeof last === 'number' ? value - last : null };
  };
  const nudgeRatio = (totalOf: (m: Measure) => Published) => {
    const shown = numberOrNull(totalOf('nudge_shown'));
    const moved = numberOrNull(totalOf('alternative_opened'));
    return shown && moved !== null ? moved / shown : null;
  };

  let coverage: WeekReport['coverage'] = null;
  if (scope.role !== 'school') {
    const listedKeys = new Set(listed.map((school) => schoolKey(school.districtId, school.orgId)));
    const silentSchools = listed.filter((school) => !reporting.has(schoolKey(school.districtId, school.orgId)));
    const lastDays = byRegion ? new Map<string, string>() : await lastReportDays(db, silentSchools);
    coverage = {
      reporting: listed.filter((school) => reporting.has(schoolKey(school.districtId, school.orgId))).length,
      listed: listed.length,
      silent: byRegion
        ? []
        : silentSchools
            .map((school) => ({ code: school.orgId, name: school.name, lastDay: lastDays.get(schoolKey(school.districtId, school.orgId)) ?? null }))
            .sort((a, b) => collator.compare(a.name, b.name)),
      unlisted: [...reporting.keys()].filter((key) => !listedKeys.has(key)).length,
      districts: byRegion
        ? scope.districts.map((district) => {
            const schools = listed.filter((school) => school.districtId === district.id);
            return { name: district.name, reporting: schools.filter((school) => reporting.has(schoolKey(school.districtId, school.orgId))).length, listed: schools.length };
          })
        : [],
    };
  }

  const eventTables = EVENT_NAMES.map((e) => week.tables.get(e)!);
  const visitTable = week.tables.get('visits')!;
  const eventCells = (r: number, c: number) => Object.fromEntries(EVENT_NAMES.map((e, k) => [e, eventTables[k]!.at(r, c)])) as Record<EventName, Published>;
  // A published cell is 0 exactly when its count is, so the zero lines are dropped before they are built.
  const messengerLines = (r: number) => MESSENGER_IDS.flatMap((messenger, c) => (eventTables.some((table) => table.raw(r, c) > 0) ? [{ messenger, cells: eventCells(r, c) }] : []));
  const targetLines = (r: number) => ALTERNATIVE_TARGETS.flatMap((target, c) => (visitTable.raw(r, c) > 0 ? [{ target, visits: visitTable.at(r, c) }] : []));
  const measures = MEASURES.filter((m) => week.tables.get(m)!.raw(R, week.tables.get(m)!.columns) > 0);
  return {
    week: range.week,
    from: range.from,
    to: range.to,
    inProgress: range.to >= today,
    scopeName: scope.name,
    unitKind: byRegion ? 'district' : 'school',
    coverage,
    headline: {
      opened: change('opened'),
      visits: change('visits'),
      usingAlternative: { count: now.using, of: now.base, ratio: ratio(now.using, now.base), previousRatio: ratio(before.using, before.base) },
      noForeignOpens: { count: now.noOpens, of: now.reporting, ratio: ratio(now.noOpens, now.reporting), previousRatio: ratio(before.noOpens, before.reporting) },
      nudgeToSferum: { ratio: nudgeRatio(total), previousRatio: nudgeRatio(previousTotal) },
    },
    measures,
    units: ordered.map((unit, r) => ({
      code: unit.code,
      name: unit.name,
      listed: unit.listed,
      cells: Object.fromEntries(MEASURES.map((m) => [m, week.tables.get(m)!.at(r, week.tables.get(m)!.columns)])) as Record<Measure, Published>,
      messengers: messengerLines(r),
      targets: targetLines(r),
    })),
    totals: Object.fromEntries(MEASURES.map((m) => [m, total(m)])) as Record<Measure, Published>,
    messengerTotals: messengerLines(R),
    targetTotals: targetLines(R),
    masked: week.masked,
    refused: refusedLines(excess, (districtId, orgId) => units.get(unitOf(districtId, orgId)) ?? { code: orgId, name: NOT_LISTED }),
  };
}

/** count_excess per unit and day (a region's view sums its districts' schools). */
function refusedLines(excess: Awaited<ReturnType<typeof loadRefusedExcess>>, unitOf: (districtId: number, orgId: string) => { code: string; name: string }) {
  const lines = new Map<string, WeekReport['refused'][number]>();
  for (const row of excess) {
    const unit = unitOf(row.districtId, row.orgId);
    const key = `${unit.code}\u0000${row.day}`;
    const line = lines.get(key) ?? { code: unit.code, name: unit.name, day: row.day, n: 0 };
    line.n += row.n;
    lines.set(key, line);
  }
  return [...lines.values()].sort((a, b) => a.day.localeCompare(b.day) || collator.compare(a.name, b.name));
}
