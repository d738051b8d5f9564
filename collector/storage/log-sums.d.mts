export interface CountCell { key: string; districtId: number; orgId: string; day: string; messenger: string; event: string; n: number }
export interface VisitCell { key: string; districtId: number; orgId: string; day: string; target: string; n: number }
export interface LogSums { counts: Map<string, CountCell>; visits: Map<string, VisitCell>; batches: number }

export function emptySums(): LogSums;
export function addLogRow(sums: LogSums, row: { batches: number; entries: string }): void;
export function cellsInKeyOrder(sums: LogSums): { counts: CountCell[]; visits: VisitCell[] };
export function inKeyOrder<T extends { key: string }>(rows: T[]): T[];
