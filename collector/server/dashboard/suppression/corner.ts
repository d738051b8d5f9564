import { HIDDEN_LOW, isSmall, SMALL_HIGH, SMALL_LOW } from './table';

/** What the corner rule needs of a line of totals: how many are non-zero, how many of those 1–4. */
export interface LineCounts {
  nonZero: number;
  small: number;
}

export const lineCounts = (parts: readonly number[]): LineCounts => ({ nonZero: parts.filter((n) => n > 0).length, small: parts.filter(isSmall).length });

/**
 * Whether the grand total must be hidden: it is small, or the row totals (or the column totals)
 * below it, each hidden with every other non-zero one, would still give one «<5» away. It reads
 * how many totals are non-zero and small alone, so the trend can apply the same rule from sums
 * the database counts, without every school's cells.
 */
export function cornerHidden(rowTotals: LineCounts, columnTotals: LineCounts, total: number): boolean {
  if (isSmall(total)) return true;
  return lineGivesAway(rowTotals, total) || lineGivesAway(columnTotals, total);
}

function lineGivesAway({ nonZero, small }: LineCounts, total: number): boolean {
  if (nonZero === 0 || small === 0) return false;
  if (nonZero === 1) return true;
  const large = nonZero - small;
  // One «<5» p among the hidden parts, which sum to `total`: the others span [lowOthers, highOthers].
  const lowOthers = (small - 1) * SMALL_LOW + large * HIDDEN_LOW;
  const highOthers = large > 0 ? Infinity : (small - 1) * SMALL_HIGH;
  const low = Math.max(SMALL_LOW, total - highOthers);
  const high = Math.min(SMALL_HIGH, total - lowOthers);
  return low >= high;
}
