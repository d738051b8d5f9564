import { HIDDEN_LOW, isSmall, SMALL_HIGH, SMALL_LOW } from './table';

/**
 * Whether the grand total must be hidden: it is small, or the row totals (or the column totals)
 * below it, each hidden with every other non-zero one, would still give one «<5» away. It reads
 * the totals alone, so the trend can apply the same rule without every school's cells.
 */
export function cornerHidden(rowTotals: readonly number[], columnTotals: readonly number[], total: number): boolean {
  if (isSmall(total)) return true;
  return lineGivesAway(rowTotals, total) || lineGivesAway(columnTotals, total);
}

function lineGivesAway(parts: readonly number[], total: number): boolean {
  const nonZero = parts.filter((n) => n > 0);
  if (nonZero.length === 0) return false;
  const small = nonZero.filter(isSmall).length;
  if (small === 0) return false;
  if (nonZero.length === 1) return true;
  const large = nonZero.length - small;
  // One «<5» p among the hidden parts, which sum to `total`: the others span [lowOthers, highOthers].
  const lowOthers = (small - 1) * SMALL_LOW + large * HIDDEN_LOW;
  const highOthers = large > 0 ? Infinity : (small - 1) * SMALL_HIGH;
  const low = Math.max(SMALL_LOW, total - highOthers);
  const high = Math.min(SMALL_HIGH, total - lowOthers);
  return low >= high;
}
