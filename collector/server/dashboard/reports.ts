import type { Kysely } from 'kysely';
import { EVENT_NAMES, type EventName } from '../../../protocol/events';
import { MESSENGER_IDS, type MessengerId } from '../../../protocol/messengers';
import type { Database } from '../../storage/schema';
import type { EventCounts, OverviewResponse, Share, TrendResponse, UnitRow, UnitsResponse, WeeksResponse } from './api-types';
import { isoWeekOf, weekRange, weeksBetween, weeksEndingAt, type WeekRange } from './iso-week';
import { suppressSmall } from './k-anonymity';
import { daySpan, totalsByDistrict, totalsBySchool, totalsInRange, weeklyTotals, type CountSum, type ReadScope } from './queries';
import { districtIds, schoolFilter, type Scope } from './scope';

/** The dashboard's answers, built from queries.ts; exported for the API routes and bench/. */
const reader = (scope: Scope): ReadScope => ({ ids: districtIds(scope), orgId: schoolFilter(scope) });

const zeroCounts = (): EventCounts => {
  const counts = {} as EventCounts;
  for (const event of EVENT_NAMES) counts[event] = 0;
  return counts;
};

function share(counts: EventCounts): Share {
  const { nudge_shown: nudgeShown, alternative_opened: alternativeOpened } = counts;
  return { nudgeShown, alternativeOpened, ratio: nudgeShown > 0 ? alternativeOpened / nudgeShown : null };
}

/** `latest` is the last week that has ended by `today`: the one a district reports upward. */
export async function availableWeeks(db: Kysely<Database>, scope: Scope, today: string): Promise<WeeksResponse> {
  const span = await daySpan(db, reader(scope));
  const weeks = span ? weeksBetween(span.from, span.to) : [];
  const finished = weeks.filter((week) => weekRange(week)!.to < today);
  return { weeks, latest: finished.at(-1) ?? weeks.at(-1) ?? null };
}

export async function weeklyOverview(db: Kysely<Database>, scope: Scope, range: WeekRange): Promise<OverviewResponse> {
  const byMessenger = new Map<MessengerId, EventCounts>(MESSENGER_IDS.map((id) => [id, zeroCounts()]));
  const totals = zeroCounts();
  for (const row of await totalsInRange(db, reader(scope), range)) {
    byMessenger.get(row.messenger)![row.event] += row.n;
    totals[row.event] += row.n;
  }
  return {
    week: range.week,
    from: range.from,
    to: range.to,
    scopeName: scope.name,
    messengers: [...byMessenger].map(([messenger, counts]) => ({ messenger, counts })),
    totals,
    share: share(totals),
  };
}

/** Up to `count` weeks ending at `lastWeek`, never starting before the scope's first week with data. */
export async function weeklyTrend(db: Kysely<Database>, scope: Scope, lastWeek: string, count: number): Promise<TrendResponse> {
  const span = await daySpan(db, reader(scope));
  const firstWithData = span ? isoWeekOf(span.from)! : lastWeek;
  const weeks = weeksEndingAt(lastWeek, count).filter((week) => week >= firstWithData || week === lastWeek);
  const series = new Map<MessengerId, EventCounts<number[]>>();
  const all: EventCounts<number[]> = Object.fromEntries(EVENT_NAMES.map((e) => [e, weeks.map(() => 0)])) as EventCounts<number[]>;
  for (const id of MESSENGER_IDS) {
    series.set(id, Object.fromEntries(EVENT_NAMES.map((e) => [e, weeks.map(() => 0)])) as EventCounts<number[]>);
  }
  // weeksEndingAt makes only valid week names, so every week has its range and keeps its index.
  const ranges = weeks.map((week) => weekRange(week)!);
  for (const row of await weeklyTotals(db, reader(scope), ranges)) {
    series.get(row.messenger)![row.event][row.week]! += row.n;
    all[row.event][row.week]! += row.n;
  }
  return {
    weeks,
    series: [...series].map(([messenger, counts]) => ({ messenger, counts })),
    share: weeks.map((_, i) => share(Object.fromEntries(EVENT_NAMES.map((e) => [e, all[e][i]!])) as EventCounts).ratio),
  };
}

const unitCollator = new Intl.Collator('ru', { numeric: true });

/** One row per unit × messenger with cells below k replaced by "<5" (the API never sends them). */
function unitRows(sums: (CountSum & { unit: string })[]): UnitRow[] {
  const rows = new Map<string, { unit: string; messenger: MessengerId; counts: EventCounts }>();
  for (const sum of sums) {
    const key = `${sum.unit}\u0000${sum.messenger}`;
    const row = rows.get(key) ?? { unit: sum.unit, messenger: sum.messenger, counts: zeroCounts() };
    row.counts[sum.event] += sum.n;
    rows.set(key, row);
  }
  const messengerOrder = (id: MessengerId) => MESSENGER_IDS.indexOf(id);
  // The collator compares each distinct unit name once, not once per row pair (500 schools, ~5,000 rows).
  const unitOrder = new Map([...new Set(sums.map((sum) => sum.unit))].sort(unitCollator.compare).map((unit, index) => [unit, index]));
  return [...rows.values()]
    .sort((a, b) => unitOrder.get(a.unit)! - unitOrder.get(b.unit)! || messengerOrder(a.messenger) - messengerOrder(b.messenger))
    .map(({ unit, messenger, counts }) => ({
      unit,
      messenger,
      cells: Object.fromEntries(EVENT_NAMES.map((event: EventName) => [event, suppressSmall(counts[event])])) as UnitRow['cells'],
    }));
}

/** A district user: per school. A region user: per district, never per school of another district. */
export async function weeklyUnits(db: Kysely<Database>, scope: Scope, range: WeekRange): Promise<UnitsResponse> {
  const ids = districtIds(scope);
  if (scope.role !== 'region') {
    const sums = await totalsBySchool(db, reader(scope), range);
    return { week: range.week, unitKind: 'school', rows: unitRows(sums.map((s) => ({ unit: s.orgId, messenger: s.messenger, event: s.event, n: s.n }))) };
  }
  const names = new Map(scope.districts.map((d) => [d.id, d.name]));
  const sums = await totalsByDistrict(db, ids, range);
  return { week: range.week, unitKind: 'district', rows: unitRows(sums.map((s) => ({ ...s, unit: names.get(s.districtId) ?? '' }))) };
}

/** The weekly report as a benchmark measures it: overview and the per-unit table of one week. */
export async function weeklyReport(db: Kysely<Database>, scope: Scope, week: string) {
  const range = weekRange(week);
  if (!range) throw new RangeError(`not an ISO week: ${week}`);
  const [overview, units] = await Promise.all([weeklyOverview(db, scope, range), weeklyUnits(db, scope, range)]);
  return { overview, units };
}
