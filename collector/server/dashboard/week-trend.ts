import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema';
import { weekRange, weeksEndingAt } from './iso-week';
import { weeklyTotals } from './queries';
import { districtIds, schoolFilter, type Scope } from './scope';
import { lineCounts } from './suppression';
import { TREND_MEASURES, type TrendMeasure } from './trend-lines';
import { trendUnitLines } from './trend-memory';
import { weeklyVisitTotals } from './visit-queries';
import { publishedTotal, type Published } from './week-tables';

/** The trend: each week's totals only, each published by the rule the week's report uses for its grand total. */
export interface WeekTrend {
  weeks: string[];
  series: Record<TrendMeasure, Published[]>;
  /** alternative_opened / nudge_shown per week; null when either total is hidden or no nudge was shown. */
  share: (number | null)[];
}

export async function weekTrend(db: Kysely<Database>, scope: Scope, lastWeek: string, count: number): Promise<WeekTrend> {
  const weeks = weeksEndingAt(lastWeek, count);
  const ranges = weeks.map((week) => weekRange(week)!);
  const reader = { ids: districtIds(scope), orgId: schoolFilter(scope) };
  const [counts, visits] = await Promise.all([weeklyTotals(db, reader, ranges), weeklyVisitTotals(db, reader, ranges)]);
  // The column lines: per week and measure, each messenger's (or target's) total.
  const columns = weeks.map(() => new Map<TrendMeasure, number[]>(TREND_MEASURES.map((m) => [m, []])));
  for (const row of counts) columns[row.week]!.get(row.event as TrendMeasure)?.push(row.n);
  for (const row of visits) columns[row.week]!.get('visits')!.push(row.n);
  const totals = columns.map((measures) => Object.fromEntries(TREND_MEASURES.map((m) => [m, measures.get(m)!.reduce((a, b) => a + b, 0)])) as Record<TrendMeasure, number>);
  const units = await trendUnitLines(db, reader, scope.role === 'region', ranges.map((range, i) => ({ monday: range.from, totals: totals[i]! })));
  const published = (m: TrendMeasure, i: number) => publishedTotal(units[i]![m], lineCounts(columns[i]!.get(m)!), units[i]![m].total);
  const series = Object.fromEntries(TREND_MEASURES.map((m) => [m, weeks.map((_, i) => published(m, i))])) as WeekTrend['series'];
  const share = weeks.map((_, i) => {
    const shown = series.nudge_shown[i];
    const moved = series.alternative_opened[i];
    return typeof shown === 'number' && shown > 0 && typeof moved === 'number' ? moved / shown : null;
  });
  return { weeks, series, share };
}
