import { sql, type Kysely } from 'kysely';
import type { Database } from '../../storage/schema';
import type { LineCounts } from './suppression';
import type { ReadScope } from './queries';

/**
 * What the trend needs of each unit's week total to publish the grand total by the corner rule:
 * per week and measure, how many units have a non-zero total, how many of those are 1–4, and the
 * sum. The engine counts them in one pass over `school_weeks` / `school_visit_weeks` in key order
 * (district, week, school), so the trend reads a few rows per week, not every school's.
 */
export const TREND_MEASURES = ['opened', 'visits', 'nudge_shown', 'alternative_opened'] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];
const COUNTED = ['opened', 'nudge_shown', 'alternative_opened'] as const;

export type UnitLine = LineCounts & { total: number };

const nonZero = (column: string) => sql<number>`sum(case when ${sql.ref(column)} > 0 then 1 else 0 end)`;
const small = (column: string) => sql<number>`sum(case when ${sql.ref(column)} > 0 and ${sql.ref(column)} < 5 then 1 else 0 end)`;

/** Per Monday: the unit lines of every trend measure (units: schools, or districts for a region). */
export async function unitLines(db: Kysely<Database>, { ids, orgId }: ReadScope, byDistrict: boolean, mondays: readonly string[]): Promise<Map<string, Record<TrendMeasure, UnitLine>>> {
  const lines = new Map<string, Record<TrendMeasure, UnitLine>>(mondays.map((monday) => [monday, Object.fromEntries(TREND_MEASURES.map((m) => [m, { nonZero: 0, small: 0, total: 0 }])) as Record<TrendMeasure, UnitLine>]));
  if (ids.length === 0 || mondays.length === 0) return lines;
  const unit = byDistrict ? (['district_id', 'week_start'] as const) : (['district_id', 'week_start', 'org_id'] as const);
  let counts = db
    .selectFrom('school_weeks')
    .select([
      'week_start',
      ...COUNTED.map((event) => sql<number>`sum(case when event = ${event} then n else 0 end)`.as(event)),
    ])
    .where('district_id', 'in', ids)
    .where('week_start', 'in', mondays)
    .where('event', 'in', COUNTED);
  let visits = db.selectFrom('school_visit_weeks').select((eb) => ['week_start', eb.fn.sum<number>('n').as('visits')]).where('district_id', 'in', ids).where('week_start', 'in', mondays);
  if (orgId !== undefined) {
    counts = counts.where('org_id', '=', orgId);
    visits = visits.where('org_id', '=', orgId);
  }
  const [countRows, visitRows] = await Promise.all([
    db
      .selectFrom(counts.groupBy([...unit]).as('units'))
      .select(['week_start', ...COUNTED.flatMap((event) => [nonZero(event).as(`${event}_non_zero`), small(event).as(`${event}_small`), sql<number>`sum(${sql.ref(event)})`.as(`${event}_total`)])])
      .groupBy('week_start')
      .execute(),
    db
      .selectFrom(visits.groupBy([...unit]).as('units'))
      .select(['week_start', nonZero('visits').as('non_zero'), small('visits').as('small'), sql<number>`sum(visits)`.as('total')])
      .groupBy('week_start')
      .execute(),
  ]);
  for (const row of countRows as unknown as Record<string, string | number>[]) {
    const week = lines.get(String(row.week_start));
    if (week) for (const event of COUNTED) week[event] = { nonZero: Number(row[`${event}_non_zero`]), small: Number(row[`${event}_small`]), total: Number(row[`${event}_total`]) };
  }
  for (const row of visitRows) {
    const week = lines.get(String(row.week_start));
    if (week) week.visits = { nonZero: Number(row.non_zero), small: Number(row.small), total: Number(row.total) };
  }
  return lines;
}
