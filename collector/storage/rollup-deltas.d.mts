import type { PlainBatch } from './sqlite-store-core.mjs';

export function mondayOf(day: string): string;
export function rollupDeltas(batches: readonly PlainBatch[]): {
  days: { districtId: number; day: string; messenger: string; event: string; n: number }[];
  weeks: { districtId: number; weekStart: string; orgId: string; messenger: string; event: string; n: number }[];
};
