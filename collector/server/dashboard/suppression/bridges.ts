import { Choice, hideChosen, SHOWN, type Table } from './table';

/**
 * The hidden cells as a bipartite graph: node r for row r, node rows + c for column c, an edge per
 * hidden cell. With every line of the table summing to 0 (margins signed −), the hidden cells that
 * sums and differences can solve for are exactly this graph's bridges.
 */
interface DepthFirst {
  /** Entry time per node (-1: not in the graph); a subtree is the entry range [entry, last]. */
  entry: Int32Array;
  last: Int32Array;
  component: Int32Array;
  /** Per bridge: the cell, and the node below it in the depth-first tree. */
  bridgeCells: number[];
  bridgeBelow: number[];
}

function adjacency(table: Table): { start: Int32Array; to: Int32Array; cell: Int32Array } {
  const nodes = table.rows + table.cols;
  const start = new Int32Array(nodes + 1);
  for (let r = 0; r < table.rows; r += 1) start[r + 1] = table.hiddenInRow[r]!;
  for (let c = 0; c < table.cols; c += 1) start[table.rows + c + 1] = table.hiddenInCol[c]!;
  for (let n = 0; n < nodes; n += 1) start[n + 1]! += start[n]!;
  const fill = start.slice(0, nodes);
  const to = new Int32Array(start[nodes]!);
  const cell = new Int32Array(start[nodes]!);
  for (let i = 0; i < table.state.length; i += 1) {
    if (table.state[i] === SHOWN) continue;
    const row = Math.floor(i / table.cols);
    const col = table.rows + (i % table.cols);
    to[fill[row]!] = col;
    cell[fill[row]!++] = i;
    to[fill[col]!] = row;
    cell[fill[col]!++] = i;
  }
  return { start, to, cell };
}

/** Tarjan's bridges in one iterative pass (a district has hundreds of schools). */
function depthFirst(table: Table): DepthFirst {
  const { start, to, cell } = adjacency(table);
  const nodes = table.rows + table.cols;
  const entry = new Int32Array(nodes).fill(-1);
  const low = new Int32Array(nodes);
  const last = new Int32Array(nodes);
  const component = new Int32Array(nodes).fill(-1);
  const next = new Int32Array(nodes);
  const viaCell = new Int32Array(nodes);
  const stack = new Int32Array(nodes);
  const result: DepthFirst = { entry, last, component, bridgeCells: [], bridgeBelow: [] };
  let time = 0;
  for (let root = 0; root < nodes; root += 1) {
    if (entry[root] !== -1 || start[root] === start[root + 1]) continue;
    let depth = 0;
    stack[0] = root;
    viaCell[root] = -1;
    next[root] = start[root]!;
    entry[root] = low[root] = time++;
    component[root] = root;
    while (depth >= 0) {
      const node = stack[depth]!;
      if (next[node]! < start[node + 1]!) {
        const k = next[node]!++;
        const other = to[k]!;
        if (cell[k] === viaCell[node]) continue;
        if (entry[other] === -1) {
          entry[other] = low[other] = time++;
          component[other] = root;
          viaCell[other] = cell[k]!;
          next[other] = start[other]!;
          stack[++depth] = other;
        } else low[node] = Math.min(low[node]!, entry[other]!);
        continue;
      }
      last[node] = time - 1;
      depth -= 1;
      if (depth < 0) break;
      const parent = stack[depth]!;
      low[parent] = Math.min(low[parent]!, low[node]!);
      if (low[node]! > entry[parent]!) {
        result.bridgeCells.push(viaCell[node]!);
        result.bridgeBelow.push(node);
      }
    }
  }
  return result;
}

/**
 * Joins the two sides of every bridge with one more hidden cell. The bridges come from one pass;
 * a bridge that a partner chosen earlier in this call already put on a cycle is skipped (the
 * protect loop checks again next round).
 */
export function protectBridges(table: Table): number {
  const graph = depthFirst(table);
  if (graph.bridgeCells.length === 0) return 0;
  const { entry, last, component } = graph;
  const byComponent = new Map<number, { rows: number[]; cols: number[] }>();
  for (let n = 0; n < table.rows + table.cols; n += 1) {
    if (component[n] === -1) continue;
    const members = byComponent.get(component[n]!) ?? { rows: [], cols: [] };
    (n < table.rows ? members.rows : members.cols).push(n);
    byComponent.set(component[n]!, members);
  }
  const added: [number, number][] = [];
  for (let b = 0; b < graph.bridgeCells.length; b += 1) {
    const below = graph.bridgeBelow[b]!;
    const within = component[below]!;
    const beneath = (node: number) => entry[node]! >= entry[below]! && entry[node]! <= last[below]!;
    if (added.some(([row, col]) => component[row] === within && component[col] === within && beneath(row) !== beneath(col))) continue;
    const { rows, cols } = byComponent.get(within)!;
    const choice = new Choice(table);
    for (const row of rows) for (const col of cols) if (beneath(row) !== beneath(col)) choice.offer(row * table.cols + (col - table.rows));
    hideChosen(table, choice);
    added.push([Math.floor(choice.best / table.cols), table.rows + (choice.best % table.cols)]);
  }
  return added.length;
}
