import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema';
import type { WeeksResponse } from './api-types';
import { weekRange, weeksBetween } from './iso-week';
import { daySpan, type ReadScope } from './queries';
import { districtIds, schoolFilter, type Scope } from './scope';

const reader = (scope: Scope): ReadScope => ({ ids: districtIds(scope), orgId: schoolFilter(scope) });

/** `latest` is the last week that has ended by `today`: the one a district reports upward. */
export async function availableWeeks(db: Kysely<Database>, scope: Scope, today: string): Promise<WeeksResponse> {
  const span = await daySpan(db, reader(scope));
  const weeks = span ? weeksBetween(span.from, span.to) : [];
  const finished = weeks.filter((week) => weekRange(week)!.to < today);
  return { weeks, latest: finished.at(-1) ?? weeks.at(-1) ?? null };
}
