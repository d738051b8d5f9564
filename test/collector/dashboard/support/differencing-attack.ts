/**
 * A curious reader's attack on a published table (rows × columns with row totals, column totals
 * and the grand total; «<5» = 1–4, «×» = hidden, every other cell a number). Written apart from
 * the suppression code on purpose: it knows only what is published.
 */
export type Published = (number | '<5' | '×')[][];

const PRIME = 1_000_003;
const mod = (n: number) => ((n % PRIME) + PRIME) % PRIME;
function inverse(a: number): number {
  let [t, newT, r, newR] = [0, 1, PRIME, mod(a)];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}

/** Every line of the extended table as Σ units − total = 0: cells as [row, col, sign]. */
function equations(rows: number, cols: number): [number, number, number][][] {
  const lines: [number, number, number][][] = [];
  for (let r = 0; r < rows; r += 1) lines.push(Array.from({ length: cols }, (_, c) => [r, c, c === cols - 1 ? -1 : 1]));
  for (let c = 0; c < cols; c += 1) lines.push(Array.from({ length: rows }, (_, r) => [r, c, r === rows - 1 ? -1 : 1]));
  return lines;
}

/**
 * The hidden cells that some combination of sums and differences of published lines pins to
 * one value: e_k lies in the row space of the equations over the hidden cells.
 */
export function linearlyDetermined(table: Published): [number, number][] {
  const rows = table.length;
  const cols = table[0]!.length;
  const hidden: [number, number][] = [];
  table.forEach((row, r) => row.forEach((cell, c) => typeof cell !== 'number' && hidden.push([r, c])));
  const index = new Map(hidden.map(([r, c], i) => [r * cols + c, i]));
  const basis: { pivot: number; row: number[] }[] = [];
  const reduce = (vector: number[]) => {
    for (const { pivot, row } of basis) {
      const factor = vector[pivot]!;
      if (factor === 0) continue;
      for (let i = 0; i < vector.length; i += 1) vector[i] = mod(vector[i]! - factor * row[i]!);
    }
    return vector;
  };
  for (const line of equations(rows, cols)) {
    const vector = new Array<number>(hidden.length).fill(0);
    for (const [r, c, sign] of line) {
      const i = index.get(r * cols + c);
      if (i !== undefined) vector[i] = mod(sign);
    }
    reduce(vector);
    const pivot = vector.findIndex((v) => v !== 0);
    if (pivot < 0) continue;
    const scale = inverse(vector[pivot]!);
    const normal = vector.map((v) => mod(v * scale));
    for (const entry of basis) {
      const factor = entry.row[pivot]!;
      if (factor !== 0) for (let i = 0; i < normal.length; i += 1) entry.row[i] = mod(entry.row[i]! - factor * normal[i]!);
    }
    basis.push({ pivot, row: normal });
  }
  return hidden.filter((_, k) => {
    const unit = new Array<number>(hidden.length).fill(0);
    unit[k] = 1;
    return reduce(unit).every((v) => v === 0);
  });
}

/**
 * The «<5» cells a reader pins to one value by bounds: each line's sum tightens each hidden
 * cell's range (1–4 for «<5», ≥ 5 for «×»), over and over until nothing moves.
 */
export function pinnedByBounds(table: Published): [number, number][] {
  const rows = table.length;
  const cols = table[0]!.length;
  const hiddenLow = hiddenLowerBound(table);
  const low = table.map((row) => row.map((cell) => (typeof cell === 'number' ? cell : cell === '<5' ? 1 : hiddenLow)));
  const high = table.map((row) => row.map((cell) => (typeof cell === 'number' ? cell : cell === '<5' ? 4 : 1e9)));
  for (let pass = 0; pass < 200; pass += 1) {
    let moved = false;
    for (const line of equations(rows, cols)) {
      for (const [r, c, sign] of line) {
        if (typeof table[r]![c] === 'number') continue;
        let othersLow = 0;
        let othersHigh = 0;
        for (const [rr, cc, s] of line) {
          if (rr === r && cc === c) continue;
          othersLow += s > 0 ? low[rr]![cc]! : -high[rr]![cc]!;
          othersHigh += s > 0 ? high[rr]![cc]! : -low[rr]![cc]!;
        }
        const from = sign > 0 ? -othersHigh : othersLow;
        const to = sign > 0 ? -othersLow : othersHigh;
        if (from > low[r]![c]!) (low[r]![c] = from), (moved = true);
        if (to < high[r]![c]!) (high[r]![c] = to), (moved = true);
      }
    }
    if (!moved) break;
  }
  const pinned: [number, number][] = [];
  table.forEach((row, r) => row.forEach((cell, c) => cell === '<5' && low[r]![c] === high[r]![c] && pinned.push([r, c])));
  return pinned;
}

/** Where 1–4 is always «<5», a «×» is at least 5; a table without any «<5» says only "not zero". */
const hiddenLowerBound = (table: Published) => (table.some((row) => row.includes('<5')) ? 5 : 1);

/** Brute force for tiny tables: every assignment of the hidden units' cells that fits what is published. */
export function possibleValues(table: Published, ceiling = 30): Map<string, Set<number>> {
  const rows = table.length - 1;
  const cols = table[0]!.length - 1;
  const hidden: [number, number][] = [];
  for (let r = 0; r < rows; r += 1) for (let c = 0; c < cols; c += 1) if (typeof table[r]![c] !== 'number') hidden.push([r, c]);
  const values = new Map<string, Set<number>>();
  const hiddenLow = hiddenLowerBound(table);
  const fits = (cell: number | '<5' | '×', n: number) => (typeof cell === 'number' ? cell === n : cell === '<5' ? n >= 1 && n <= 4 : n >= hiddenLow);
  const grid = table.map((row) => row.map((cell) => (typeof cell === 'number' ? cell : 0)));
  const check = () => {
    const rowTotals = grid.slice(0, rows).map((row) => row.slice(0, cols).reduce((a, b) => a + b, 0));
    const colTotals = Array.from({ length: cols }, (_, c) => grid.slice(0, rows).reduce((a, row) => a + row[c]!, 0));
    const total = rowTotals.reduce((a, b) => a + b, 0);
    return rowTotals.every((n, r) => fits(table[r]![cols]!, n)) && colTotals.every((n, c) => fits(table[rows]![c]!, n)) && fits(table[rows]![cols]!, total);
  };
  const record = () => {
    const rowTotals = grid.slice(0, rows).map((row) => row.slice(0, cols).reduce((a, b) => a + b, 0));
    const colTotals = Array.from({ length: cols }, (_, c) => grid.slice(0, rows).reduce((a, row) => a + row[c]!, 0));
    const all: [number, number, number][] = [...hidden.map(([r, c]) => [r, c, grid[r]![c]!] as [number, number, number])];
    rowTotals.forEach((n, r) => all.push([r, cols, n]));
    colTotals.forEach((n, c) => all.push([rows, c, n]));
    all.push([rows, cols, rowTotals.reduce((a, b) => a + b, 0)]);
    for (const [r, c, n] of all) {
      if (table[r]![c] !== '<5') continue;
      const key = `${r},${c}`;
      values.set(key, (values.get(key) ?? new Set()).add(n));
    }
  };
  const walk = (k: number) => {
    if (k === hidden.length) return check() && record();
    const [r, c] = hidden[k]!;
    const cell = table[r]![c]!;
    for (let n = cell === '<5' ? 1 : hiddenLow; n <= (cell === '<5' ? 4 : ceiling); n += 1) {
      grid[r]![c] = n;
      walk(k + 1);
    }
    return undefined;
  };
  walk(0);
  return values;
}
