import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema';
import type { ReadScope } from './queries';
import { TREND_MEASURES, unitLines, type TrendMeasure, type UnitLine } from './trend-lines';

/**
 * The trend's unit lines, remembered per database, scope and week while the week's totals stay
 * the same. Counts only grow (the fold adds positive amounts and nothing lowers or deletes a
 * rollup row), so a week whose every measure still has the same district total has not changed
 * at all: only the weeks that did (in practice the current one) are read again. The totals come
 * from the cheap district rollups the trend reads anyway; several collectors on one database
 * agree, because the check is against the database, not against this process's writes.
 */
type Lines = Record<TrendMeasure, UnitLine>;
const MAX_REMEMBERED = 20_000;
const remembered = new WeakMap<Kysely<Database>, Map<string, Lines>>();

export async function trendUnitLines(db: Kysely<Database>, reader: ReadScope, byDistrict: boolean, weeks: readonly { monday: string; totals: Record<TrendMeasure, number> }[]): Promise<Lines[]> {
  const memory = remembered.get(db) ?? new Map<string, Lines>();
  remembered.set(db, memory);
  const scopeKey = `${[...reader.ids].sort((a, b) => a - b).join(',')}|${reader.orgId ?? ''}|${byDistrict ? 'd' : 's'}`;
  const keyOf = (monday: string) => `${scopeKey}|${monday}`;
  const unchanged = (lines: Lines | undefined, totals: Record<TrendMeasure, number>) => lines !== undefined && TREND_MEASURES.every((m) => lines[m].total === totals[m]);
  const stale = weeks.filter(({ monday, totals }) => !unchanged(memory.get(keyOf(monday)), totals)).map(({ monday }) => monday);
  if (stale.length > 0) {
    const fresh = await unitLines(db, reader, byDistrict, stale);
    if (memory.size + fresh.size > MAX_REMEMBERED) memory.clear();
    for (const [monday, lines] of fresh) memory.set(keyOf(monday), lines);
  }
  return weeks.map(({ monday }) => memory.get(keyOf(monday))!);
}
