import type { PlainBatch } from './sqlite-store-core.mjs';

export const LOG_CODES: { messengers: readonly string[]; events: readonly string[]; targets: readonly string[] };
export function encodeLogEntry(batch: Omit<PlainBatch, 'batchId'>): string;
export function readLogEntry(
  entry: unknown[],
  onCount: (districtId: number, orgId: string, day: string, messenger: string, event: string, n: number) => void,
  onVisit: (districtId: number, orgId: string, day: string, target: string, n: number) => void,
): void;
