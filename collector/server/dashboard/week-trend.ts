import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema';
import { weekRange, weeksEndingAt } from './iso-week';
import { SUPPRESSED } from './k-anonymity';
import { districtIds, schoolFilter, type Scope } from './scope';
import { cornerHidden } from './suppression';
import { loadWeek, schoolKey, type WeekData } from './week-data';
import { HIDDEN, type Published } from './week-report';

/** The trend's measures: the week's totals only, each published by the rule the week's report uses for its grand total. */
export const TREND_MEASURES = ['opened', 'visits', 'nudge_shown', 'alternative_opened'] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];

export interface WeekTrend {
  weeks: string[];
  series: Record<TrendMeasure, Published[]>;
  /** alternative_opened / nudge_shown per week; null when either total is hidden or no nudge was shown. */
  share: (number | null)[];
}

/** A week's grand total of one measure, «<5» or «×» exactly when the week's report hides it. */
function publishedTotal(data: WeekData, measure: TrendMeasure, byDistrict: boolean): Published {
  const units = new Map<string, number>();
  const columns = new Map<string, number>();
  let total = 0;
  const add = (unit: string, column: string, n: number) => {
    units.set(unit, (units.get(unit) ?? 0) + n);
    columns.set(column, (columns.get(column) ?? 0) + n);
    total += n;
  };
  const unitOf = (districtId: number, orgId: string) => (byDistrict ? String(districtId) : schoolKey(districtId, orgId));
  if (measure === 'visits') for (const row of data.visits) add(unitOf(row.districtId, row.orgId), row.target, row.n);
  else for (const row of data.counts) if (row.event === measure) add(unitOf(row.districtId, row.orgId), row.messenger, row.n);
  if (total === 0) return 0;
  if (!cornerHidden([...units.values()], [...columns.values()], total)) return total;
  return total < 5 ? SUPPRESSED : HIDDEN;
}

export async function weekTrend(db: Kysely<Database>, scope: Scope, lastWeek: string, count: number): Promise<WeekTrend> {
  const weeks = weeksEndingAt(lastWeek, count);
  const reader = { ids: districtIds(scope), orgId: schoolFilter(scope) };
  const data = await Promise.all(weeks.map((week) => loadWeek(db, reader, weekRange(week)!)));
  const series = Object.fromEntries(TREND_MEASURES.map((m) => [m, data.map((d) => publishedTotal(d, m, scope.role === 'region'))])) as WeekTrend['series'];
  const share = weeks.map((_, i) => {
    const shown = series.nudge_shown[i];
    const moved = series.alternative_opened[i];
    return typeof shown === 'number' && shown > 0 && typeof moved === 'number' ? moved / shown : null;
  });
  return { weeks, series, share };
}

