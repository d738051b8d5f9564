import { browser } from 'wxt/browser';
import type { AlternativeTarget } from '../protocol/alternatives';
import type { VisitRow } from '../protocol/report';
import { localDay } from './local-day';
import { serially } from './serial';

/**
 * Alternative visits live in storage.local beside the counts (count-store.ts), by day × target:
 * - `pendingVisits`: not yet put into a report batch, keyed "day|target";
 * - `visitTally`: per day for the popup, sent or not; the last VISIT_TALLY_DAYS days are kept.
 * Never a host, a URL or a time: the target id is all that is kept of the page.
 */
export type VisitKey = `${string}|${AlternativeTarget}`;
export type PendingVisits = Partial<Record<VisitKey, number>>;
export type VisitTally = Record<string, Partial<Record<AlternativeTarget, number>>>;

const VISIT_TALLY_DAYS = 7;

export async function recordVisit(target: AlternativeTarget, now: Date = new Date()): Promise<void> {
  const day = localDay(now);
  await serially(async () => {
    const { pendingVisits = {}, visitTally = {} } = (await browser.storage.local.get(['pendingVisits', 'visitTally'])) as { pendingVisits?: PendingVisits; visitTally?: VisitTally };
    const key: VisitKey = `${day}|${target}`;
    pendingVisits[key] = (pendingVisits[key] ?? 0) + 1;
    const perTarget = (visitTally[day] ??= {});
    perTarget[target] = (perTarget[target] ?? 0) + 1;
    for (const oldDay of Object.keys(visitTally).sort().slice(0, -VISIT_TALLY_DAYS)) delete visitTally[oldDay];
    await browser.storage.local.set({ pendingVisits, visitTally });
  });
}

export async function readVisitTally(day: string = localDay()): Promise<VisitTally[string]> {
  const { visitTally = {} } = (await browser.storage.local.get('visitTally')) as { visitTally?: VisitTally };
  return visitTally[day] ?? {};
}

export const visitKeyOf = (row: { day: string; target: AlternativeTarget }): VisitKey => `${row.day}|${row.target}`;

export function pendingVisitsToRows(pending: PendingVisits): VisitRow[] {
  return Object.entries(pending).flatMap(([key, n]) => {
    const [day, target] = key.split('|') as [string, AlternativeTarget];
    return n ? [{ day, target, n }] : [];
  });
}

/** `rows` added back to `pending` (a batch that could not carry them). */
export function withVisits(pending: PendingVisits, rows: readonly VisitRow[]): PendingVisits {
  const merged = { ...pending };
  for (const row of rows) merged[visitKeyOf(row)] = (merged[visitKeyOf(row)] ?? 0) + row.n;
  return merged;
}
