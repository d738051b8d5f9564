import { MAX_DAY_AGE } from '../../protocol/report';

/**
 * A waiting batch is checked again before each attempt (DESIGN §6): a row that grew older than the
 * collector accepts while the batch waited would make the collector refuse the whole batch (400)
 * and lose its fresh rows with it. Such rows are taken out; the batchId stays, so a batch the
 * collector already stored (whose answer was lost) is still counted once.
 * Rows are any of the body's lists of day rows (`counts`, and `visits` in wire format v2).
 */
export function recheckWaiting(body: string, today: string): { body: string | null; dropped: number } {
  const batch = JSON.parse(body) as Record<string, unknown>;
  const earliest = shiftDay(today, -MAX_DAY_AGE);
  let dropped = 0;
  let left = 0;
  for (const key of ['counts', 'visits']) {
    const rows = batch[key];
    if (!Array.isArray(rows)) continue;
    const fresh = rows.filter((row: { day?: unknown }) => typeof row.day === 'string' && row.day >= earliest);
    dropped += rows.length - fresh.length;
    left += fresh.length;
    batch[key] = fresh;
  }
  if (dropped === 0) return { body, dropped: 0 };
  const countsLeft = Array.isArray(batch.counts) ? batch.counts.length : 0;
  // v1 needs a count row; v2 needs a count or a visit.
  if (left === 0 || (batch.v === 1 && countsLeft === 0)) return { body: null, dropped: dropped + left };
  return { body: JSON.stringify(batch), dropped };
}

export function shiftDay(day: string, offset: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + offset)).toISOString().slice(0, 10);
}
