import { sql, type Kysely } from 'kysely';
import type { AlternativeTarget } from '../../../protocol/alternatives';
import type { Database } from '../../storage/schema';
import type { DayRange, DistrictIds, ReadScope } from './queries';

/**
 * Reads of the alternative visits (Sferum, MAX, VK Messenger, the district's own), from their
 * rollups `district_visit_days` and `school_visit_weeks` (visits-migration.ts), never from the
 * per-school daily `visits`. Same rules as queries.ts: the viewer's district ids, Kysely on both engines.
 */
export interface VisitSum {
  target: AlternativeTarget;
  n: number;
}

/** Visits over all schools of the scope in a range of days, per target. */
export async function visitTotalsInRange(db: Kysely<Database>, ids: DistrictIds, range: DayRange): Promise<VisitSum[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('district_visit_days')
    .select((eb) => ['target', eb.fn.sum<number>('n').as('n')])
    .where('district_id', 'in', ids)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .groupBy('target')
    .execute();
  return rows.map((row) => ({ target: row.target, n: Number(row.n) }));
}

/** Visits per week × target for the trend, one grouped `UNION ALL` part per week (a school user's from its weekly rows). */
export async function weeklyVisitTotals(db: Kysely<Database>, { ids, orgId }: ReadScope, weeks: readonly DayRange[]): Promise<(VisitSum & { week: number })[]> {
  if (ids.length === 0 || weeks.length === 0) return [];
  const parts = weeks.map((range, week) =>
    orgId !== undefined
      ? db
          .selectFrom('school_visit_weeks')
          .select((eb) => [sql<number>`${sql.lit(week)}`.as('week'), 'target', eb.fn.sum<number>('n').as('n')])
          .where('district_id', 'in', ids)
          .where('org_id', '=', orgId)
          .where('week_start', '=', range.from)
          .groupBy('target')
      : db
          .selectFrom('district_visit_days')
          .select((eb) => [sql<number>`${sql.lit(week)}`.as('week'), 'target', eb.fn.sum<number>('n').as('n')])
          .where('district_id', 'in', ids)
          .where('day', '>=', range.from)
          .where('day', '<=', range.to)
          .groupBy('target'),
  );
  const rows = await parts.slice(1).reduce((query, part) => query.unionAll(part), parts[0]!).execute();
  return rows.map((row) => ({ week: Number(row.week), target: row.target, n: Number(row.n) }));
}

/** Visits per school (org_id) × target in one ISO week (`from` is its Monday). */
export async function visitsBySchool(db: Kysely<Database>, ids: DistrictIds, week: DayRange): Promise<(VisitSum & { orgId: string; districtId: number })[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('school_visit_weeks')
    .select(['district_id', 'org_id', 'target', 'n'])
    .where('district_id', 'in', ids)
    .where('week_start', '=', week.from)
    .execute();
  return rows.map((row) => ({ districtId: row.district_id, orgId: row.org_id, target: row.target, n: Number(row.n) }));
}
