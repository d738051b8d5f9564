import type { Kysely } from 'kysely';
import { ALTERNATIVE_TARGETS, type AlternativeTarget } from '../../../protocol/alternatives';
import { EVENT_NAMES, type EventName } from '../../../protocol/events';
import { MESSENGER_IDS, type MessengerId } from '../../../protocol/messengers';
import type { Database } from '../../storage/schema';
import { listSchools } from '../../storage/schools';
import { weekRange, weeksEndingAt, type WeekRange } from './iso-week';
import { SUPPRESSED } from './k-anonymity';
import { districtIds, schoolFilter, type Scope } from './scope';
import { suppress, type CellState } from './suppression';
import { loadRefusedExcess } from './refused-excess';
import { lastReportDays, loadWeek, schoolKey, type WeekData } from './week-data';

/**
 * One week as the district sends it upward: every figure already published (1–4 as «<5», partners
 * hidden as «×», see suppression.ts), so the screen, the XLSX, the CSV and the print page show the
 * same numbers and none of them can be combined to recover a hidden one.
 */
export const HIDDEN = '×' as const;
export type Published = number | typeof SUPPRESSED | typeof HIDDEN;
export type Measure = EventName | 'visits';
export const MEASURES: readonly Measure[] = [...EVENT_NAMES, 'visits'];
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
  coverage: { reporting: number; listed: number; silent: { code: string; name: string; lastDay: string | null }[]; unlisted: number } | null;
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

const publish = (n: number, state: CellState): Published => (state === 'shown' ? n : state === 'small' ? SUPPRESSED : HIDDEN);

/** Every measure of one week, suppressed: units in the given order. */
function publishWeek(units: readonly Unit[], unitOf: (districtId: number, orgId: string) => string, data: WeekData) {
  const index = new Map(units.map((unit, i) => [unit.key, i]));
  const messengerColumn = new Map(MESSENGER_IDS.map((id, i) => [id, i]));
  const targetColumn = new Map(ALTERNATIVE_TARGETS.map((id, i) => [id, i]));
  const grids = new Map<Measure, number[][]>(MEASURES.map((m) => [m, units.map(() => new Array<number>(m === 'visits' ? ALTERNATIVE_TARGETS.length : MESSENGER_IDS.length).fill(0))]));
  for (const row of data.counts) {
    const i = index.get(unitOf(row.districtId, row.orgId));
    if (i !== undefined) grids.get(row.event)![i]![messengerColumn.get(row.messenger)!]! += row.n;
  }
  for (const row of data.visits) {
    const i = index.get(unitOf(row.districtId, row.orgId));
    const column = targetColumn.get(row.target);
    if (i !== undefined && column !== undefined) grids.get('visits')![i]![column]! += row.n;
  }
  let masked = false;
  const tables = new Map(
    [...grids].map(([measure, cells]) => {
      const columns = cells[0]?.length ?? (measure === 'visits' ? ALTERNATIVE_TARGETS.length : MESSENGER_IDS.length);
      const result = suppress(cells, columns);
      masked ||= result.masked;
      const value = (r: number, c: number) =>
        r < cells.length ? (c < columns ? cells[r]![c]! : cells[r]!.reduce((a, b) => a + b, 0)) : c < columns ? cells.reduce((a, row) => a + row[c]!, 0) : cells.flat().reduce((a, b) => a + b, 0);
      return [measure, { rows: cells.length, columns, raw: value, at: (r: number, c: number) => publish(value(r, c), result.state[r]![c]!) }];
    }),
  );
  return { tables: tables as Map<Measure, { rows: number; columns: number; raw: (r: number, c: number) => number; at: (r: number, c: number) => Published }>, masked };
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
    for (const row of [...data.counts, ...data.visits, ...previousData.counts, ...previousData.visits]) {
      const key = schoolKey(row.districtId, row.orgId);
      if (!units.has(key)) units.set(key, { key, code: row.orgId, name: NOT_LISTED, listed: false });
    }
  }
  const ordered = [...units.values()].sort((a, b) => Number(b.listed) - Number(a.listed) || collator.compare(a.name, b.name) || collator.compare(a.code, b.code));
  const week = publishWeek(ordered, unitOf, data);
  const previous = publishWeek(ordered, unitOf, previousData);
  const R = ordered.length;
  const total = (p: typeof week, m: Measure) => p.tables.get(m)!.at(R, p.tables.get(m)!.columns);
  const unitTotal = (p: typeof week, m: Measure, r: number) => p.tables.get(m)!.raw(r, p.tables.get(m)!.columns);

  const reportingKeys = (d: WeekData) => new Set([...d.counts, ...d.visits].map((row) => schoolKey(row.districtId, row.orgId)));
  const reporting = reportingKeys(data);
  const previousReporting = reportingKeys(previousData);
  const schoolShares = (p: typeof week, keys: Set<string>) => {
    const rows = byRegion ? [] : ordered.map((unit, r) => ({ unit, r })).filter(({ unit }) => keys.has(unit.key));
    const base = listed.length > 0 ? listed.length : rows.length;
    const using = rows.filter(({ unit, r }) => (listed.length === 0 || unit.listed) && unitTotal(p, 'visits', r) > 0).length;
    const noOpens = rows.filter(({ r }) => unitTotal(p, 'opened', r) === 0).length;
    return { using, base, noOpens, reporting: rows.length };
  };
  const now = schoolShares(week, reporting);
  const before = schoolShares(previous, previousReporting);
  const change = (m: Measure): Change => {
    const value = total(week, m);
    const last = total(previous, m);
    return { value, previous: last, change: typeof value === 'number' && typeof last === 'number' ? value - last : null };
  };
  const nudgeRatio = (p: typeof week) => {
    const shown = numberOrNull(total(p, 'nudge_shown'));
    const moved = numberOrNull(total(p, 'alternative_opened'));
    return shown && moved !== null ? moved / shown : null;
  };

  let coverage: WeekReport['coverage'] = null;
  if (scope.role !== 'school') {
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
      unlisted: [...reporting].filter((key) => !listed.some((school) => schoolKey(school.districtId, school.orgId) === key)).length,
    };
  }

  const eventCells = (r: number, c: number) => Object.fromEntries(EVENT_NAMES.map((e) => [e, week.tables.get(e)!.at(r, c)])) as Record<EventName, Published>;
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
      nudgeToSferum: { ratio: nudgeRatio(week), previousRatio: nudgeRatio(previous) },
    },
    measures,
    units: ordered.map((unit, r) => ({
      code: unit.code,
      name: unit.name,
      listed: unit.listed,
      cells: Object.fromEntries(MEASURES.map((m) => [m, week.tables.get(m)!.at(r, week.tables.get(m)!.columns)])) as Record<Measure, Published>,
      messengers: MESSENGER_IDS.map((messenger, c) => ({ messenger, cells: eventCells(r, c) })).filter(({ cells }) => Object.values(cells).some((v) => v !== 0)),
      targets: ALTERNATIVE_TARGETS.map((target, c) => ({ target, visits: week.tables.get('visits')!.at(r, c) })).filter(({ visits }) => visits !== 0),
    })),
    totals: Object.fromEntries(MEASURES.map((m) => [m, total(week, m)])) as Record<Measure, Published>,
    messengerTotals: MESSENGER_IDS.map((messenger, c) => ({ messenger, cells: eventCells(R, c) })).filter(({ cells }) => Object.values(cells).some((v) => v !== 0)),
    targetTotals: ALTERNATIVE_TARGETS.map((target, c) => ({ target, visits: week.tables.get('visits')!.at(R, c) })).filter(({ visits }) => visits !== 0),
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
