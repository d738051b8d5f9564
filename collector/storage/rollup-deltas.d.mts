import type { PlainBatch } from './sqlite-store-core.mjs';

export function mondayOf(day: string): string;
export function rollupDeltas(batches: readonly PlainBatch[]): {
  days: { key: string; districtId: number; day: string; messenger: string; event: string; n: number }[];
  weeks: { key: string; districtId: number; weekStart: string; orgId: string; messenger: string; event: string; n: number }[];
};
export function visitDeltas(batches: readonly PlainBatch[]): {
  cells: { key: string; districtId: number; orgId: string; day: string; target: string; n: number }[];
  days: { key: string; districtId: number; day: string; target: string; n: number }[];
  weeks: { key: string; districtId: number; weekStart: string; orgId: string; target: string; n: number }[];
};
