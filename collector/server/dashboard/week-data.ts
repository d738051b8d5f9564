import { sql, type Kysely } from 'kysely';
import type { AlternativeTarget } from '../../../protocol/alternatives';
import type { EventName } from '../../../protocol/events';
import type { MessengerId } from '../../../protocol/messengers';
import type { Database } from '../../storage/schema';
import type { ReadScope } from './queries';
import type { WeekRange } from './iso-week';

/**
 * What one week's report is built from: every school's weekly rows (counts per messenger × event,
 * visits per target) read from the rollups `school_weeks` and `school_visit_weeks`, one seek each.
 */
export interface SchoolCount {
  districtId: number;
  orgId: string;
  messenger: MessengerId;
  event: EventName;
  n: number;
}

export interface SchoolVisit {
  districtId: number;
  orgId: string;
  target: AlternativeTarget;
  n: number;
}

export interface WeekData {
  counts: SchoolCount[];
  visits: SchoolVisit[];
  /** Every school with any row this week, by schoolKey. */
  reporting: Map<string, { districtId: number; orgId: string }>;
}

/**
 * One row per school, its cells packed by the engine (`messenger:event:n,…`): a district's week
 * is ~10,000 cells, and a driver that builds an object per row (pg above all) spent more time on
 * them than the engine did on the query. Ids and event names hold no `:` or `,`.
 */
export async function loadWeek(db: Kysely<Database>, { ids, orgId }: ReadScope, range: WeekRange): Promise<WeekData> {
  if (ids.length === 0) return { counts: [], visits: [], reporting: new Map() };
  let counts = db
    .selectFrom('school_weeks')
    .select(['district_id', 'org_id', sql<string>`string_agg(messenger || ':' || event || ':' || cast(n as text), ',')`.as('cells')])
    .where('district_id', 'in', ids)
    .where('week_start', '=', range.from)
    .groupBy(['district_id', 'org_id']);
  let visits = db
    .selectFrom('school_visit_weeks')
    .select(['district_id', 'org_id', sql<string>`string_agg(target || ':' || cast(n as text), ',')`.as('cells')])
    .where('district_id', 'in', ids)
    .where('week_start', '=', range.from)
    .groupBy(['district_id', 'org_id']);
  if (orgId !== undefined) {
    counts = counts.where('org_id', '=', orgId);
    visits = visits.where('org_id', '=', orgId);
  }
  const [countRows, visitRows] = await Promise.all([counts.execute(), visits.execute()]);
  const week: WeekData = { counts: [], visits: [], reporting: new Map() };
  for (const { district_id: districtId, org_id: orgId, cells } of countRows) {
    week.reporting.set(schoolKey(districtId, orgId), { districtId, orgId });
    for (const cell of cells.split(',')) {
      const [messenger, event, n] = cell.split(':') as [MessengerId, EventName, string];
      week.counts.push({ districtId, orgId, messenger, event, n: Number(n) });
    }
  }
  for (const { district_id: districtId, org_id: orgId, cells } of visitRows) {
    week.reporting.set(schoolKey(districtId, orgId), { districtId, orgId });
    for (const cell of cells.split(',')) {
      const [target, n] = cell.split(':') as [AlternativeTarget, string];
      week.visits.push({ districtId, orgId, target, n: Number(n) });
    }
  }
  return week;
}

/**
 * The last day each of these schools sent anything for (counts or visits), by its primary key;
 * a school that never reported is missing from the map.
 */
export async function lastReportDays(db: Kysely<Database>, schools: readonly { districtId: number; orgId: string }[]): Promise<Map<string, string>> {
  const last = new Map<string, string>();
  for (const { districtId, orgId } of schools) {
    const row = await sql<{ day: string | null }>`select max(day) as day from (
        select max(day) as day from counts where district_id = ${districtId} and org_id = ${orgId}
        union all select max(day) as day from visits where district_id = ${districtId} and org_id = ${orgId}) as days`.execute(db);
    const day = row.rows[0]?.day;
    if (day) last.set(schoolKey(districtId, orgId), day);
  }
  return last;
}

export const schoolKey = (districtId: number, orgId: string) => `${districtId}\u0000${orgId}`;
