import { K_ANONYMITY } from '../k-anonymity';

/** A cell's state, one byte per cell of the extended table (see `Table`). */
export const SHOWN = 0;
export const SMALL = 1;
export const HIDDEN = 2;

export const SMALL_LOW = 1;
export const SMALL_HIGH = K_ANONYMITY - 1;
/** A complementary cell is never a zero or a «<5», so a reader knows it is at least k. */
export const HIDDEN_LOW = K_ANONYMITY;

export const isSmall = (n: number) => n > 0 && n < K_ANONYMITY;

/**
 * The extended table, flat (cell r·cols + c): rows 0..rows-2 are units, the last row the column
 * totals; the last column the row totals; the corner the grand total.
 */
export interface Table {
  rows: number;
  cols: number;
  value: Float64Array;
  state: Uint8Array;
  /** Hidden («<5» or «×») cells per row and per column, kept by `hide`. */
  hiddenInRow: Int32Array;
  hiddenInCol: Int32Array;
}

export function buildTable(cells: readonly (readonly number[])[], columns: number): Table {
  const rows = cells.length + 1;
  const cols = columns + 1;
  const value = new Float64Array(rows * cols);
  const last = (rows - 1) * cols;
  for (let r = 0; r < rows - 1; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      const n = cells[r]![c] ?? 0;
      value[r * cols + c] = n;
      value[r * cols + columns] = value[r * cols + columns]! + n;
      value[last + c] = value[last + c]! + n;
      value[last + columns] = value[last + columns]! + n;
    }
  }
  const table: Table = { rows, cols, value, state: new Uint8Array(rows * cols), hiddenInRow: new Int32Array(rows), hiddenInCol: new Int32Array(cols) };
  for (let i = 0; i < value.length; i += 1) if (isSmall(value[i]!)) mark(table, i, SMALL);
  return table;
}

export function mark(table: Table, cell: number, state: typeof SMALL | typeof HIDDEN): void {
  if (table.state[cell] === SHOWN) {
    table.hiddenInRow[Math.floor(cell / table.cols)]! += 1;
    table.hiddenInCol[cell % table.cols]! += 1;
  }
  table.state[cell] = state;
}

export const corner = (table: Table) => table.rows * table.cols - 1;

/** A shown, non-zero cell other than the grand total (decided apart, see `cornerHidden`). */
export const isCandidate = (table: Table, cell: number) => table.state[cell] === SHOWN && table.value[cell]! > 0 && cell !== corner(table);

const ROOMY = 2 * K_ANONYMITY - 2;
const kindRank = (table: Table, cell: number) => (Math.floor(cell / table.cols) === table.rows - 1 ? 2 : 0) + (cell % table.cols === table.cols - 1 ? 1 : 0);

/**
 * Whether `a` is the better complementary cell than `b`: a unit's cell before a total (a total is
 * read more), and among those the smallest that still leaves room (≥ 8: a «<5» beside it keeps
 * all of 1–4 possible), else the largest.
 */
function better(table: Table, a: number, b: number): boolean {
  const byKind = kindRank(table, a) - kindRank(table, b);
  if (byKind !== 0) return byKind < 0;
  const va = table.value[a]!;
  const vb = table.value[b]!;
  if (va >= ROOMY && vb >= ROOMY) return va < vb;
  if (va >= ROOMY || vb >= ROOMY) return va >= ROOMY;
  return va > vb;
}

/** Collects candidates one by one and keeps the best; `best` is -1 when none was offered. */
export class Choice {
  best = -1;
  constructor(private readonly table: Table) {}
  offer(cell: number): void {
    if (isCandidate(this.table, cell) && (this.best < 0 || better(this.table, cell, this.best))) this.best = cell;
  }
}

export class CannotProtect extends Error {}

/** Hides the chosen partner, or gives up on the measure when there was none. */
export function hideChosen(table: Table, choice: Choice): void {
  if (choice.best < 0) throw new CannotProtect();
  mark(table, choice.best, HIDDEN);
}
