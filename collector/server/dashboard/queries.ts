import { sql, type Kysely } from 'kysely';
import type { EventName } from '../../../protocol/events';
import type { MessengerId } from '../../../protocol/messengers';
import type { Database } from '../../storage/schema';

/**
 * The dashboard's SQL: the same Kysely on SQLite and PostgreSQL. Weeks are turned into
 * `day BETWEEN from AND to` in TypeScript (iso-week.ts), so no engine's date functions are used.
 * They read the rollups `district_days` and `school_weeks` (storage/rollups.ts), never the
 * per-school daily `counts`, which a district-year fills with millions of rows.
 * Every query takes the viewer's district ids; an empty list reads nothing. A school user's
 * queries also carry its orgId and read that school's weekly rows instead of the district's days
 * (every range the dashboard asks for is whole ISO weeks).
 */
export type DistrictIds = readonly number[];

export interface ReadScope {
  ids: DistrictIds;
  orgId?: string;
}

export interface DayRange {
  from: string;
  to: string;
}

export interface CountSum {
  messenger: MessengerId;
  event: EventName;
  n: number;
}

/** The first and last day with any count, or null when there is none. */
export async function daySpan(db: Kysely<Database>, { ids, orgId }: ReadScope): Promise<DayRange | null> {
  if (ids.length === 0) return null;
  if (orgId !== undefined) {
    const week = await db
      .selectFrom('school_weeks')
      .select((eb) => [eb.fn.min('week_start').as('from'), eb.fn.max('week_start').as('to')])
      .where('district_id', 'in', ids)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return week?.from && week.to ? { from: week.from, to: week.to } : null;
  }
  const row = await db
    .selectFrom('district_days')
    .select((eb) => [eb.fn.min('day').as('from'), eb.fn.max('day').as('to')])
    .where('district_id', 'in', ids)
    .executeTakeFirst();
  return row?.from && row.to ? { from: row.from, to: row.to } : null;
}

/**
 * Sums per week × messenger × event for the trend: one statement, one grouped `UNION ALL` part
 * per week, so the engine sums ~450 rows a week and sends 63, instead of sending every day's row.
 */
export async function weeklyTotals(db: Kysely<Database>, { ids, orgId }: ReadScope, weeks: readonly DayRange[]): Promise<(CountSum & { week: number })[]> {
  if (ids.length === 0 || weeks.length === 0) return [];
  const parts = weeks.map((range, week) =>
    orgId !== undefined
      ? db
          .selectFrom('school_weeks')
          .select((eb) => [sql<number>`${sql.lit(week)}`.as('week'), 'messenger', 'event', eb.fn.sum<number>('n').as('n')])
          .where('district_id', 'in', ids)
          .where('org_id', '=', orgId)
          .where('week_start', '=', range.from)
          .groupBy(['messenger', 'event'])
      : db
          .selectFrom('district_days')
          .select((eb) => [sql<number>`${sql.lit(week)}`.as('week'), 'messenger', 'event', eb.fn.sum<number>('n').as('n')])
          .where('district_id', 'in', ids)
          .where('day', '>=', range.from)
          .where('day', '<=', range.to)
          .groupBy(['messenger', 'event']),
  );
  const rows = await parts.slice(1).reduce((query, part) => query.unionAll(part), parts[0]!).execute();
  return rows.map((row) => ({ week: Number(row.week), messenger: row.messenger, event: row.event, n: Number(row.n) }));
}
