import { Choice, hideChosen, HIDDEN_LOW, SHOWN, SMALL, SMALL_HIGH, SMALL_LOW, type Table } from './table';

/**
 * What a reader can deduce by bounds: each hidden cell starts at 1–4 («<5») or k–∞ («×»), and
 * every line (Σ units − total = 0, the visible cells known) narrows them. A worklist of lines
 * whose cells changed runs until nothing changes (bounded as a fixed number of sweeps would be).
 * Lines 0..rows-1 are rows, rows..rows+cols-1 columns.
 */
interface Bounds {
  low: Float64Array;
  high: Float64Array;
}

/** A line's cells: its first cell, the step to the next and how many (the last is its total). */
function cellsOf(table: Table, line: number): { first: number; step: number; count: number } {
  return line < table.rows ? { first: line * table.cols, step: 1, count: table.cols } : { first: line - table.rows, step: table.cols, count: table.rows };
}

/** The line's sum with its total signed −; infinite parts kept apart (as counts), so taking one cell's part out never gives ∞ − ∞. */
interface LineSum {
  minFinite: number;
  minInfinite: number;
  maxFinite: number;
  maxInfinite: number;
}

function signed({ low, high }: Bounds, cell: number, isTotal: boolean): [number, number] {
  return isTotal ? [-high[cell]!, -low[cell]!] : [low[cell]!, high[cell]!];
}

function lineSum(bounds: Bounds, first: number, step: number, count: number): LineSum {
  const sum = { minFinite: 0, minInfinite: 0, maxFinite: 0, maxInfinite: 0 };
  for (let k = 0, i = first; k < count; k += 1, i += step) {
    const [lo, hi] = signed(bounds, i, k === count - 1);
    if (Number.isFinite(lo)) sum.minFinite += lo;
    else sum.minInfinite += 1;
    if (Number.isFinite(hi)) sum.maxFinite += hi;
    else sum.maxInfinite += 1;
  }
  return sum;
}

/** The range the rest of the line leaves one of its cells (s·x = −(the others' sum)). */
function impliedRange(sum: LineSum, bounds: Bounds, cell: number, isTotal: boolean): [number, number] {
  const [lo, hi] = signed(bounds, cell, isTotal);
  const othersMin = sum.minInfinite - (Number.isFinite(lo) ? 0 : 1) > 0 ? -Infinity : sum.minFinite - (Number.isFinite(lo) ? lo : 0);
  const othersMax = sum.maxInfinite - (Number.isFinite(hi) ? 0 : 1) > 0 ? Infinity : sum.maxFinite - (Number.isFinite(hi) ? hi : 0);
  return isTotal ? [othersMin, othersMax] : [-othersMax, -othersMin];
}

export function propagateBounds(table: Table): Bounds {
  const { rows, cols, state, value } = table;
  const bounds = { low: new Float64Array(value.length), high: new Float64Array(value.length) };
  const { low, high } = bounds;
  for (let i = 0; i < value.length; i += 1) {
    low[i] = state[i] === SHOWN ? value[i]! : state[i] === SMALL ? SMALL_LOW : HIDDEN_LOW;
    high[i] = state[i] === SHOWN ? value[i]! : state[i] === SMALL ? SMALL_HIGH : Infinity;
  }
  const lines = rows + cols;
  const queued = new Uint8Array(lines);
  const queue = new Int32Array(lines);
  let head = 0;
  let size = 0;
  const enqueue = (line: number) => {
    if (queued[line]) return;
    queued[line] = 1;
    queue[(head + size) % lines] = line;
    size += 1;
  };
  for (let r = 0; r < rows; r += 1) if (table.hiddenInRow[r]! > 0) enqueue(r);
  for (let c = 0; c < cols; c += 1) if (table.hiddenInCol[c]! > 0) enqueue(rows + c);
  let budget = 30 * lines;
  while (size > 0 && budget-- > 0) {
    const line = queue[head]!;
    head = (head + 1) % lines;
    size -= 1;
    queued[line] = 0;
    const { first, step, count } = cellsOf(table, line);
    const sum = lineSum(bounds, first, step, count);
    for (let k = 0, i = first; k < count; k += 1, i += step) {
      if (state[i] === SHOWN) continue;
      const [from, to] = impliedRange(sum, bounds, i, k === count - 1);
      let changed = false;
      if (from > low[i]!) (low[i] = from), (changed = true);
      if (to < high[i]!) (high[i] = to), (changed = true);
      if (changed) enqueue(line < rows ? rows + (i % cols) : Math.floor(i / cols));
    }
  }
  return bounds;
}

/**
 * Whether this line alone leaves a «<5» cell one value. Its partner is then chosen in that line:
 * hiding a cell elsewhere cannot loosen the equation that pins it (1 + 5 = 6 with the 5 hidden
 * stays pinned until the 6 is hidden too), and a protect loop that hides elsewhere never ends.
 */
function pins(table: Table, bounds: Bounds, line: number, cell: number): boolean {
  const { first, step, count } = cellsOf(table, line);
  const isTotal = line < table.rows ? cell % table.cols === table.cols - 1 : Math.floor(cell / table.cols) === table.rows - 1;
  const [from, to] = impliedRange(lineSum(bounds, first, step, count), bounds, cell, isTotal);
  return Math.min(to, SMALL_HIGH) <= Math.max(from, SMALL_LOW);
}

/** Every «<5» that bounds pin to one value gets a partner in the row or column that pins it. */
export function protectBounds(table: Table): number {
  const bounds = propagateBounds(table);
  const { low, high } = bounds;
  let added = 0;
  for (let i = 0; i < table.state.length; i += 1) {
    if (table.state[i] !== SMALL || low[i]! < high[i]!) continue;
    const row = Math.floor(i / table.cols);
    const col = i % table.cols;
    const byRow = pins(table, bounds, row, i);
    const byColumn = pins(table, bounds, table.rows + col, i);
    const choice = new Choice(table);
    const offerRow = () => {
      for (let c = 0; c < table.cols; c += 1) choice.offer(row * table.cols + c);
    };
    const offerColumn = () => {
      for (let r = 0; r < table.rows; r += 1) choice.offer(r * table.cols + col);
    };
    if (byRow) offerRow();
    if (byColumn) offerColumn();
    // Pinned by the two together, or the pinning line has nothing left to hide: either line helps.
    if (choice.best < 0) {
      offerRow();
      offerColumn();
    }
    hideChosen(table, choice);
    added += 1;
  }
  return added;
}
