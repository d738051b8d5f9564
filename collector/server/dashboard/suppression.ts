import { protectBounds } from './suppression/bounds';
import { protectBridges } from './suppression/bridges';
import { cornerHidden, lineCounts } from './suppression/corner';
import { buildTable, CannotProtect, Choice, corner, hideChosen, HIDDEN, mark, SHOWN, SMALL, type Table } from './suppression/table';

export { cornerHidden, lineCounts, type LineCounts } from './suppression/corner';

/**
 * Complementary suppression of one measure of one week (DESIGN §7). The published table is
 * units × columns (schools × messengers, or × alternative targets) with its row totals, column
 * totals and grand total. Cells 1–4 are hidden (primary, «<5»); further cells are hidden
 * (complementary, «×») until no published figure lets a reader work a hidden one out:
 * - linearly: no hidden cell is a bridge of the hidden cells' graph (see suppression/bridges.ts);
 * - by bounds: interval propagation over every line leaves each «<5» more than one value
 *   (see suppression/bounds.ts).
 * The grand total is decided first, from the row and column totals alone (`cornerHidden`).
 */
export type CellState = 'shown' | 'small' | 'hidden';

export interface SuppressedTable {
  /** [row][col] over the extended table: rows 0..R-1 units, row R the column totals; col C the row totals. */
  state: CellState[][];
  /**
   * When no choice of partners protects every «<5» (four «<5» under a «<5» total pin each one to
   * 1), every non-zero cell but the grand total is hidden and none is marked «<5»: a reader then
   * knows only "not zero".
   */
  masked: boolean;
}

const ROUNDS = 50;
const NAMES: readonly CellState[] = ['shown', 'small', 'hidden'];

/** `cells[r][c]` are the units' values; zeros are always shown; the grand total follows `cornerHidden`. */
export function suppress(cells: readonly (readonly number[])[], columns: number): SuppressedTable {
  const table = buildTable(cells, columns);
  const { rows, cols, value, state } = table;
  const total = corner(table);
  const rowTotals = Array.from({ length: rows - 1 }, (_, r) => value[r * cols + cols - 1]!);
  const columnTotals = Array.from(value.subarray(total - cols + 1, total));
  const cornerIsHidden = cornerHidden(lineCounts(rowTotals), lineCounts(columnTotals), value[total]!);
  if (cornerIsHidden && state[total] === SHOWN) mark(table, total, HIDDEN);
  if (!state.includes(SMALL) && !state.includes(HIDDEN)) return { state: named(table), masked: false };
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      if ((protectLines(table) || protectBridges(table) || protectBounds(table)) === 0) return { state: named(table), masked: false };
    }
  } catch (error) {
    if (!(error instanceof CannotProtect)) throw error;
  }
  for (let i = 0; i < value.length; i += 1) if (value[i]! > 0 && (i !== total || cornerIsHidden)) state[i] = HIDDEN;
  return { state: named(table), masked: true };
}

function named(table: Table): CellState[][] {
  return Array.from({ length: table.rows }, (_, r) => Array.from(table.state.subarray(r * table.cols, (r + 1) * table.cols), (s) => NAMES[s]!));
}

/** A line with exactly one hidden cell gives it away (total minus the rest): hide one more there. */
function protectLines(table: Table): number {
  const { rows, cols } = table;
  let added = 0;
  for (let r = 0; r < rows; r += 1) {
    if (table.hiddenInRow[r] !== 1) continue;
    const choice = new Choice(table);
    for (let c = 0; c < cols; c += 1) choice.offer(r * cols + c);
    hideChosen(table, choice);
    added += 1;
  }
  for (let c = 0; c < cols; c += 1) {
    if (table.hiddenInCol[c] !== 1) continue;
    const choice = new Choice(table);
    for (let r = 0; r < rows; r += 1) choice.offer(r * cols + c);
    hideChosen(table, choice);
    added += 1;
  }
  return added;
}
