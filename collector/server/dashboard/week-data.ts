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
}

export async function loadWeek(db: Kysely<Database>, { ids, orgId }: ReadScope, range: WeekRange): Promise<WeekData> {
  if (ids.length === 0) return { counts: [], visits: [] };
  let counts = db.selectFrom('school_weeks').select(['district_id', 'org_id', 'messenger', 'event', 'n']).where('district_id', 'in', ids).where('week_start', '=', range.from);
  let visits = db.selectFrom('school_visit_weeks').select(['district_id', 'org_id', 'target', 'n']).where('district_id', 'in', ids).where('week_start', '=', range.from);
  if (orgId !== undefined) {
    counts = counts.where('org_id', '=', orgId);
    visits = visits.where('org_id', '=', orgId);
  }
  const [countRows, visitRows] = await Promise.all([counts.execute(), visits.execute()]);
  return {
    counts: countRows.map((row) => ({ districtId: row.district_id, orgId: row.org_id, messenger: row.messenger, event: row.event, n: Number(row.n) })),
    visits: visitRows.map((row) => ({ districtId: row.district_id, orgId: row.org_id, target: row.target, n: Number(row.n) })),
  };
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
