import { ALTERNATIVE_TARGETS } from '../../../protocol/alternatives';
import { EVENT_NAMES, type EventName } from '../../../protocol/events';
import { MESSENGER_IDS } from '../../../protocol/messengers';
import { K_ANONYMITY, SUPPRESSED } from './k-anonymity';
import { cornerHidden, lineCounts, suppress, type CellState, type LineCounts } from './suppression';
import type { WeekData } from './week-data';

/**
 * One week as tables: per measure, units × columns (messengers, or alternative targets for
 * visits) with their totals, and what of it may be published (suppression.ts).
 */
export const HIDDEN = '×' as const;
export type Published = number | typeof SUPPRESSED | typeof HIDDEN;
export type Measure = EventName | 'visits';
export const MEASURES: readonly Measure[] = [...EVENT_NAMES, 'visits'];

/** A week's totals of one measure: per unit, per column, and the grand total. */
export interface Totals {
  unitTotals: number[];
  columnTotals: number[];
  total: number;
}

export interface Tally extends Totals {
  rows: number;
  columns: number;
  /** The value at (r, c) of the extended table: row `rows` holds the column totals, column `columns` the row totals. */
  raw(r: number, c: number): number;
  cells: number[][];
}

export interface PublishedTable extends Tally {
  at(r: number, c: number): Published;
}

const publish = (n: number, state: CellState): Published => (state === 'shown' ? n : state === 'small' ? SUPPRESSED : HIDDEN);
const MESSENGER_COLUMN = new Map(MESSENGER_IDS.map((id, i) => [id, i]));
const TARGET_COLUMN = new Map(ALTERNATIVE_TARGETS.map((id, i) => [id, i]));
const columnCount = (measure: Measure) => (measure === 'visits' ? ALTERNATIVE_TARGETS.length : MESSENGER_IDS.length);

/** Every measure of one week summed per unit; `unitIndex` places a row's school (undefined: not shown). */
export function tallyWeek(units: number, unitIndex: (districtId: number, orgId: string) => number | undefined, data: WeekData): Map<Measure, Tally> {
  const grids = new Map<Measure, number[][]>(MEASURES.map((m) => [m, Array.from({ length: units }, () => new Array<number>(columnCount(m)).fill(0))]));
  for (const row of data.counts) {
    const i = unitIndex(row.districtId, row.orgId);
    if (i !== undefined) grids.get(row.event)![i]![MESSENGER_COLUMN.get(row.messenger)!]! += row.n;
  }
  for (const row of data.visits) {
    const i = unitIndex(row.districtId, row.orgId);
    const column = TARGET_COLUMN.get(row.target);
    if (i !== undefined && column !== undefined) grids.get('visits')![i]![column]! += row.n;
  }
  return new Map([...grids].map(([measure, cells]) => [measure, tally(cells, columnCount(measure))]));
}

function tally(cells: number[][], columns: number): Tally {
  const unitTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: columns }, (_, c) => cells.reduce((a, row) => a + row[c]!, 0));
  const total = unitTotals.reduce((a, b) => a + b, 0);
  const rows = cells.length;
  return { rows, columns, cells, unitTotals, columnTotals, total, raw: (r, c) => (r < rows ? (c < columns ? cells[r]![c]! : unitTotals[r]!) : c < columns ? columnTotals[c]! : total) };
}

/** A week's totals alone, straight from its rows (the week beside the shown one). */
export function totalsOfWeek(units: number, unitIndex: (districtId: number, orgId: string) => number | undefined, data: WeekData): Map<Measure, Totals> {
  const totals = new Map<Measure, Totals>(MEASURES.map((m) => [m, { unitTotals: new Array<number>(units).fill(0), columnTotals: new Array<number>(columnCount(m)).fill(0), total: 0 }]));
  const add = (line: Totals, unit: number | undefined, column: number | undefined, n: number) => {
    if (unit === undefined || column === undefined) return;
    line.unitTotals[unit]! += n;
    line.columnTotals[column]! += n;
    line.total += n;
  };
  for (const row of data.counts) add(totals.get(row.event)!, unitIndex(row.districtId, row.orgId), MESSENGER_COLUMN.get(row.messenger), row.n);
  for (const row of data.visits) add(totals.get('visits')!, unitIndex(row.districtId, row.orgId), TARGET_COLUMN.get(row.target), row.n);
  return totals;
}

/** Every cell of every measure suppressed; `masked` when some measure had to hide all it had. */
export function publishWeek(tallies: Map<Measure, Tally>): { tables: Map<Measure, PublishedTable>; masked: boolean } {
  let masked = false;
  const tables = new Map<Measure, PublishedTable>();
  for (const [measure, table] of tallies) {
    const result = suppress(table.cells, table.columns);
    masked ||= result.masked;
    tables.set(measure, { ...table, at: (r, c) => publish(table.raw(r, c), result.state[r]![c]!) });
  }
  return { tables, masked };
}

/**
 * A grand total as the week's report publishes it. The suppression decides it from the row and
 * column totals alone (`cornerHidden`) and never hides it as a partner, so a week whose cells are
 * not shown (the previous week beside this one, the trend) needs no suppression of its cells.
 */
export function publishedTotal(units: LineCounts, columns: LineCounts, total: number): Published {
  if (total === 0) return 0;
  if (!cornerHidden(units, columns, total)) return total;
  return total < K_ANONYMITY ? SUPPRESSED : HIDDEN;
}

export function tallyTotal({ unitTotals, columnTotals, total }: Totals): Published {
  return publishedTotal(lineCounts(unitTotals), lineCounts(columnTotals), total);
}
