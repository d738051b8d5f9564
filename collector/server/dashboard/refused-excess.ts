import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema';
import type { WeekRange } from './iso-week';
import type { ReadScope } from './queries';

/** What the plausibility bound refused (count_excess) in one week, summed per school and day. */
export interface RefusedDay {
  districtId: number;
  orgId: string;
  day: string;
  n: number;
}

export async function loadRefusedExcess(db: Kysely<Database>, { ids, orgId }: ReadScope, range: WeekRange): Promise<RefusedDay[]> {
  if (ids.length === 0) return [];
  let query = db
    .selectFrom('count_excess')
    .select(['district_id', 'org_id', 'day', (eb) => eb.fn.sum<number | string>('n').as('n')])
    .where('district_id', 'in', ids)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .groupBy(['district_id', 'org_id', 'day']);
  if (orgId !== undefined) query = query.where('org_id', '=', orgId);
  const rows = await query.orderBy('day').orderBy('org_id').execute();
  return rows.map((row) => ({ districtId: row.district_id, orgId: row.org_id, day: row.day, n: Number(row.n) })).filter((row) => row.n > 0);
}
