import { Choice, hideChosen, HIDDEN_LOW, SHOWN, SMALL, SMALL_HIGH, SMALL_LOW, type Table } from './table';

/**
 * What a reader can deduce by bounds: each hidden cell starts at 1–4 («<5») or k–∞ («×»), and
 * every line (Σ units − total = 0, the visible cells known) narrows them. A worklist of lines
 * whose cells changed runs until nothing changes (bounded as a fixed number of sweeps would be).
 */
export function propagateBounds(table: Table): { low: Float64Array; high: Float64Array } {
  const { rows, cols, state, value } = table;
  const low = new Float64Array(value.length);
  const high = new Float64Array(value.length);
  for (let i = 0; i < value.length; i += 1) {
    low[i] = state[i] === SHOWN ? value[i]! : state[i] === SMALL ? SMALL_LOW : HIDDEN_LOW;
    high[i] = state[i] === SHOWN ? value[i]! : state[i] === SMALL ? SMALL_HIGH : Infinity;
  }
  // Lines 0..rows-1 are rows, rows..rows+cols-1 columns.
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
    const isRow = line < rows;
    const first = isRow ? line * cols : line - rows;
    const step = isRow ? 1 : cols;
    const count = isRow ? cols : rows;
    const totalAt = count - 1;
    // The line's sum with margins signed −; infinite parts kept apart (as counts), so taking one
    // cell's part out never gives ∞ − ∞.
    let minFinite = 0;
    let minInfinite = 0;
    let maxFinite = 0;
    let maxInfinite = 0;
    for (let k = 0, i = first; k < count; k += 1, i += step) {
      const lo = k === totalAt ? -high[i]! : low[i]!;
      const hi = k === totalAt ? -low[i]! : high[i]!;
      if (Number.isFinite(lo)) minFinite += lo;
      else minInfinite += 1;
      if (Number.isFinite(hi)) maxFinite += hi;
      else maxInfinite += 1;
    }
    for (let k = 0, i = first; k < count; k += 1, i += step) {
      if (state[i] === SHOWN) continue;
      const positive = k !== totalAt;
      const lo = positive ? low[i]! : -high[i]!;
      const hi = positive ? high[i]! : -low[i]!;
      // s·x = −(the others' sum); the others span [othersMin, othersMax].
      const othersMin = minInfinite - (Number.isFinite(lo) ? 0 : 1) > 0 ? -Infinity : minFinite - (Number.isFinite(lo) ? lo : 0);
      const othersMax = maxInfinite - (Number.isFinite(hi) ? 0 : 1) > 0 ? Infinity : maxFinite - (Number.isFinite(hi) ? hi : 0);
      const from = positive ? -othersMax : othersMin;
      const to = positive ? -othersMin : othersMax;
      let changed = false;
      if (from > low[i]!) (low[i] = from), (changed = true);
      if (to < high[i]!) (high[i] = to), (changed = true);
      if (changed) enqueue(isRow ? rows + (i % cols) : Math.floor(i / cols));
    }
  }
  return { low, high };
}

/** Every «<5» that bounds pin to one value gets a partner in its row or column. */
export function protectBounds(table: Table): number {
  const { low, high } = propagateBounds(table);
  let added = 0;
  for (let i = 0; i < table.state.length; i += 1) {
    if (table.state[i] !== SMALL || low[i]! < high[i]!) continue;
    const row = Math.floor(i / table.cols);
    const col = i % table.cols;
    const choice = new Choice(table);
    for (let c = 0; c < table.cols; c += 1) choice.offer(row * table.cols + c);
    for (let r = 0; r < table.rows; r += 1) choice.offer(r * table.cols + col);
    hideChosen(table, choice);
    added += 1;
  }
  return added;
}
