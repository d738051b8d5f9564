import { K_ANONYMITY } from './k-anonymity';

/**
 * Complementary suppression of one measure of one week (DESIGN §7). The published table is
 * units × columns (schools × messengers, or × alternative targets) with its row totals, column
 * totals and grand total. Cells 1–4 are hidden (primary, «<5»); further cells are hidden
 * (complementary) until no published figure lets a reader work a hidden one out:
 * - linearly: with F the table whose margins carry a minus sign, every row and column of F sums
 *   to 0, so the hidden cells that can be solved for by sums and differences are exactly the
 *   bridges of the bipartite graph of hidden cells (rows × columns); we leave none;
 *   - by bounds: a reader knows «<5» is 1–4 and a complementary cell is at least 5 (zeros are
 *   never hidden, and so shown as 0); interval propagation over every line must leave each «<5»
 *   more than one value.
 * The grand total is decided first, from the row and column totals alone (`cornerHidden`), so the
 * trend can publish it from the same rule without reading every school's cells.
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

const SMALL_BOUNDS = [1, K_ANONYMITY - 1] as const;
const HIDDEN_LOWER = K_ANONYMITY;

const isSmall = (n: number) => n > 0 && n < K_ANONYMITY;

/**
 * Whether the grand total must be hidden: it is small, or the row totals (or the column totals)
 * below it, each hidden with every other non-zero one, would still give one «<5» away.
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
  const lowOthers = (small - 1) * SMALL_BOUNDS[0] + large * HIDDEN_LOWER;
  const highOthers = large > 0 ? Infinity : (small - 1) * SMALL_BOUNDS[1];
  const low = Math.max(SMALL_BOUNDS[0], total - highOthers);
  const high = Math.min(SMALL_BOUNDS[1], total - lowOthers);
  return low >= high;
}

interface Grid {
  rows: number;
  cols: number;
  value: (r: number, c: number) => number;
}

/**
 * `cells[r][c]` are the units' values; returns the state of every cell of the extended table.
 * Zeros are always shown; the grand total follows `cornerHidden`.
 */
export function suppress(cells: readonly (readonly number[])[], columns: number): SuppressedTable {
  const R = cells.length;
  const C = columns;
  const ext: number[][] = Array.from({ length: R + 1 }, () => new Array<number>(C + 1).fill(0));
  for (let r = 0; r < R; r += 1) {
    for (let c = 0; c < C; c += 1) {
      const n = cells[r]![c] ?? 0;
      const row = ext[r]!;
      const totals = ext[R]!;
      row[c] = n;
      row[C] = row[C]! + n;
      totals[c] = totals[c]! + n;
      totals[C] = totals[C]! + n;
    }
  }
  const grid: Grid = { rows: R + 1, cols: C + 1, value: (r, c) => ext[r]![c]! };
  const state: CellState[][] = ext.map((row) => row.map((n): CellState => (isSmall(n) ? 'small' : 'shown')));
  const cornerIsHidden = cornerHidden(ext.slice(0, R).map((row) => row[C]!), ext[R]!.slice(0, C), ext[R]![C]!);
  if (cornerIsHidden && state[R]![C] === 'shown') state[R]![C] = 'hidden';
  const candidate = (r: number, c: number) => state[r]![c] === 'shown' && ext[r]![c]! > 0 && !(r === R && c === C);

  try {
    for (let round = 0; round < 50; round += 1) {
      const added = protectLines(grid, state, candidate) || protectBridges(grid, state, candidate) || protectBounds(grid, state, candidate);
      if (added === 0) return { state, masked: false };
    }
  } catch (error) {
    if (!(error instanceof CannotProtect)) throw error;
  }
  return { state: hideEverything(ext, state, cornerIsHidden), masked: true };
}

function hideEverything(ext: number[][], state: CellState[][], cornerIsHidden: boolean): CellState[][] {
  const corner = (r: number, c: number) => r === ext.length - 1 && c === ext[0]!.length - 1;
  return state.map((row, r) => row.map((cell, c) => (ext[r]![c]! > 0 && (!corner(r, c) || cornerIsHidden) ? 'hidden' : cell)));
}

type Candidate = (r: number, c: number) => boolean;

class CannotProtect extends Error {}

/** The cells of a line: row r (its units' cells, then its total) or column c. */
function lineCells(grid: Grid, line: Line): [number, number][] {
  if (line.kind === 'row') return Array.from({ length: grid.cols }, (_, c) => [line.index, c]);
  return Array.from({ length: grid.rows }, (_, r) => [r, line.index]);
}

interface Line {
  kind: 'row' | 'col';
  index: number;
}

function allLines(grid: Grid): Line[] {
  return [
    ...Array.from({ length: grid.rows }, (_, index): Line => ({ kind: 'row', index })),
    ...Array.from({ length: grid.cols }, (_, index): Line => ({ kind: 'col', index })),
  ];
}

/**
 * The complementary cell to hide among `options`: a unit's cell before a total (a total is read
 * more), and among those the smallest that still leaves room (≥ 8: a «<5» beside it keeps all of
 * 1–4 possible), else the largest.
 */
function pick(grid: Grid, options: [number, number][]): [number, number] | null {
  if (options.length === 0) return null;
  const rank = ([r, c]: [number, number]) => (r === grid.rows - 1 ? 2 : 0) + (c === grid.cols - 1 ? 1 : 0);
  const roomy = 2 * K_ANONYMITY - 2;
  return [...options].sort((a, b) => {
    const byKind = rank(a) - rank(b);
    if (byKind !== 0) return byKind;
    const va = grid.value(...a);
    const vb = grid.value(...b);
    if (va >= roomy && vb >= roomy) return va - vb;
    if (va >= roomy || vb >= roomy) return va >= roomy ? -1 : 1;
    return vb - va;
  })[0]!;
}

/** A line with exactly one hidden cell gives it away (total minus the rest): hide one more there. */
function protectLines(grid: Grid, state: CellState[][], candidate: Candidate): number {
  let added = 0;
  for (const line of allLines(grid)) {
    const cells = lineCells(grid, line);
    if (cells.filter(([r, c]) => state[r]![c] !== 'shown').length !== 1) continue;
    const chosen = pick(grid, cells.filter(([r, c]) => candidate(r, c)));
    if (!chosen) throw new CannotProtect();
    state[chosen[0]]![chosen[1]] = 'hidden';
    added += 1;
  }
  return added;
}

/** Every bridge of the hidden cells' graph is solvable: join its two sides with one more hidden cell. */
function protectBridges(grid: Grid, state: CellState[][], candidate: Candidate): number {
  const bridges = findBridges(grid, state);
  let added = 0;
  for (const [r, c] of bridges) {
    if (state[r]![c] === 'shown') continue;
    const side = sideOf(grid, state, r, c);
    const options: [number, number][] = [];
    for (let rr = 0; rr < grid.rows; rr += 1) {
      for (let cc = 0; cc < grid.cols; cc += 1) {
        const rowSide = side.rows[rr];
        const colSide = side.cols[cc];
        if (rowSide !== undefined && colSide !== undefined && rowSide !== colSide && candidate(rr, cc)) options.push([rr, cc]);
      }
    }
    const chosen = pick(grid, options);
    if (!chosen) throw new CannotProtect();
    state[chosen[0]]![chosen[1]] = 'hidden';
    added += 1;
  }
  return added;
}

/** Bipartite graph: node r for row r, node rows + c for column c; an edge per hidden cell. */
function adjacency(grid: Grid, state: CellState[][]): [number, number, number][][] {
  const nodes: [number, number, number][][] = Array.from({ length: grid.rows + grid.cols }, () => []);
  let edge = 0;
  for (let r = 0; r < grid.rows; r += 1) {
    for (let c = 0; c < grid.cols; c += 1) {
      if (state[r]![c] === 'shown') continue;
      nodes[r]!.push([grid.rows + c, edge, r * grid.cols + c]);
      nodes[grid.rows + c]!.push([r, edge, r * grid.cols + c]);
      edge += 1;
    }
  }
  return nodes;
}

/** Tarjan's bridges, iteratively (a district has hundreds of schools). Returns cells [r, c]. */
export function findBridges(grid: Grid, state: CellState[][]): [number, number][] {
  const nodes = adjacency(grid, state);
  const order = new Array<number>(nodes.length).fill(-1);
  const low = new Array<number>(nodes.length).fill(0);
  const bridges: [number, number][] = [];
  let time = 0;
  for (let start = 0; start < nodes.length; start += 1) {
    if (order[start] !== -1 || nodes[start]!.length === 0) continue;
    const stack: { node: number; viaEdge: number; viaCell: number; next: number }[] = [{ node: start, viaEdge: -1, viaCell: -1, next: 0 }];
    order[start] = low[start] = time++;
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      const neighbours = nodes[frame.node]!;
      if (frame.next < neighbours.length) {
        const [to, edge, cell] = neighbours[frame.next++]!;
        if (edge === frame.viaEdge) continue;
        if (order[to] === -1) {
          order[to] = low[to] = time++;
          stack.push({ node: to, viaEdge: edge, viaCell: cell, next: 0 });
        } else low[frame.node] = Math.min(low[frame.node]!, order[to]!);
        continue;
      }
      stack.pop();
      const parent = stack.at(-1);
      if (!parent) continue;
      low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node]! > order[parent.node]!) bridges.push([Math.floor(frame.viaCell / grid.cols), frame.viaCell % grid.cols]);
    }
  }
  return bridges;
}

/** The two sides of the hidden graph once the bridge (r, c) is cut: 0 = row r's side, 1 = column c's. */
function sideOf(grid: Grid, state: CellState[][], r: number, c: number): { rows: (0 | 1 | undefined)[]; cols: (0 | 1 | undefined)[] } {
  const nodes = adjacency(grid, state);
  const cut = r * grid.cols + c;
  const side = new Array<0 | 1 | undefined>(nodes.length).fill(undefined);
  const walk = (start: number, mark: 0 | 1) => {
    const queue = [start];
    side[start] = mark;
    while (queue.length > 0) {
      const node = queue.pop()!;
      for (const [to, , cell] of nodes[node]!) {
        if (cell === cut || side[to] !== undefined) continue;
        side[to] = mark;
        queue.push(to);
      }
    }
  };
  walk(r, 0);
  walk(grid.rows + c, 1);
  return { rows: side.slice(0, grid.rows), cols: side.slice(grid.rows) };
}

/** The range a reader can pin each hidden cell to from every line and the bounds; see `propagateBounds`. */
function protectBounds(grid: Grid, state: CellState[][], candidate: Candidate): number {
  const bounds = propagateBounds(grid, state);
  let added = 0;
  for (let r = 0; r < grid.rows; r += 1) {
    for (let c = 0; c < grid.cols; c += 1) {
      if (state[r]![c] !== 'small' || bounds.low[r]![c]! < bounds.high[r]![c]!) continue;
      const chosen = pick(grid, [...lineCells(grid, { kind: 'row', index: r }), ...lineCells(grid, { kind: 'col', index: c })].filter(([rr, cc]) => candidate(rr, cc)));
      if (!chosen) throw new CannotProtect();
      state[chosen[0]]![chosen[1]] = 'hidden';
      added += 1;
    }
  }
  return added;
}

/** The sign of a cell in its line's equation: a unit's cell +1, the line's total -1 (see the header). */
const sign = (grid: Grid, line: Line, r: number, c: number) => (line.kind === 'row' ? (c === grid.cols - 1 ? -1 : 1) : r === grid.rows - 1 ? -1 : 1);

/**
 * What a reader can deduce: each hidden cell starts at 1–4 («<5») or 5–∞ (hidden), and every line
 * (Σ units − total = 0, the visible cells known) narrows them, until nothing changes.
 */
export function propagateBounds(grid: Grid, state: CellState[][]): { low: number[][]; high: number[][] } {
  const low = state.map((row, r) => row.map((cell, c) => (cell === 'shown' ? grid.value(r, c) : cell === 'small' ? SMALL_BOUNDS[0] : HIDDEN_LOWER)));
  const high = state.map((row, r) => row.map((cell, c) => (cell === 'shown' ? grid.value(r, c) : cell === 'small' ? SMALL_BOUNDS[1] : Infinity)));
  const lines = allLines(grid).map((line) => ({ line, cells: lineCells(grid, line) })).filter(({ cells }) => cells.some(([r, c]) => state[r]![c] !== 'shown'));
  // Sums keep their infinite parts apart (as counts), so that taking one cell's part out never gives ∞ − ∞.
  const part = (value: number) => (Number.isFinite(value) ? { finite: value, infinite: 0 } : { finite: 0, infinite: 1 });
  for (let pass = 0; pass < 30; pass += 1) {
    let changed = false;
    for (const { line, cells } of lines) {
      let minFinite = 0;
      let minInfinite = 0;
      let maxFinite = 0;
      let maxInfinite = 0;
      const parts = cells.map(([r, c]) => {
        const s = sign(grid, line, r, c);
        const lowPart = part(s > 0 ? low[r]![c]! : -high[r]![c]!);
        const highPart = part(s > 0 ? high[r]![c]! : -low[r]![c]!);
        minFinite += lowPart.finite;
        minInfinite += lowPart.infinite;
        maxFinite += highPart.finite;
        maxInfinite += highPart.infinite;
        return { r, c, s, lowPart, highPart };
      });
      for (const { r, c, s, lowPart, highPart } of parts) {
        if (state[r]![c] === 'shown') continue;
        // s·x = −(the others' sum); the others span [othersMin, othersMax].
        const othersMin = minInfinite - lowPart.infinite > 0 ? -Infinity : minFinite - lowPart.finite;
        const othersMax = maxInfinite - highPart.infinite > 0 ? Infinity : maxFinite - highPart.finite;
        const from = s > 0 ? -othersMax : othersMin;
        const to = s > 0 ? -othersMin : othersMax;
        if (from > low[r]![c]!) (low[r]![c] = from), (changed = true);
        if (to < high[r]![c]!) (high[r]![c] = to), (changed = true);
      }
    }
    if (!changed) break;
  }
  return { low, high };
}
