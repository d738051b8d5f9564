import { z } from 'zod';
import { AlternativeTarget } from './alternatives';
import { EventName } from './events';
import { MessengerId } from './messengers';

/** Wire formats v1 and v2 (DESIGN §6). Strict objects: an unknown key is a 400, never silently kept. */
export const MAX_COUNT_ROWS = 1000;
export const MAX_BATCH_BYTES = 64 * 1024;
export const MAX_COUNT = 100_000;
export const MAX_DAY_AGE = 60;

/** The patterns of an orgId and an extVersion; the collector's fast path tests them too. */
export const ORG_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const EXT_VERSION_PATTERN = /^\d{1,5}(\.\d{1,5}){0,3}$/;

export const OrgId = z.string().regex(ORG_ID_PATTERN, 'orgId: 1–64 characters of A–Z, a–z, 0–9, ".", "_", "-"');

export const Day = z.iso.date();

export const CountRow = z.strictObject({
  day: Day,
  messenger: MessengerId,
  event: EventName,
  n: z.int().min(1).max(MAX_COUNT),
});
export type CountRow = z.infer<typeof CountRow>;

/** One alternative visit cell: a day, a target id, how many visits. Never a host, URL or time. */
export const VisitRow = z.strictObject({
  day: Day,
  target: AlternativeTarget,
  n: z.int().min(1).max(MAX_COUNT),
});
export type VisitRow = z.infer<typeof VisitRow>;

const header = {
  batchId: z.uuid({ version: 'v4' }),
  orgId: z.union([z.literal(''), OrgId]),
  extVersion: z.string().regex(EXT_VERSION_PATTERN),
};

export const ReportBatchV1 = z.strictObject({
  v: z.literal(1),
  ...header,
  counts: z.array(CountRow).min(1).max(MAX_COUNT_ROWS),
});
export type ReportBatchV1 = z.infer<typeof ReportBatchV1>;

/** v2: `visits` beside `counts`; either may be empty, not both, and together at most 1,000 rows. */
export const ReportBatchV2 = z
  .strictObject({
    v: z.literal(2),
    ...header,
    counts: z.array(CountRow).max(MAX_COUNT_ROWS),
    visits: z.array(VisitRow).max(MAX_COUNT_ROWS),
  })
  .refine((batch) => batch.counts.length + batch.visits.length >= 1, { message: 'counts and visits are both empty', path: ['counts'] })
  .refine((batch) => batch.counts.length + batch.visits.length <= MAX_COUNT_ROWS, { message: `at most ${MAX_COUNT_ROWS} rows in counts and visits together`, path: ['visits'] });
export type ReportBatchV2 = z.infer<typeof ReportBatchV2>;

export const ReportBatch = z.discriminatedUnion('v', [ReportBatchV1, ReportBatchV2]);
export type ReportBatch = z.infer<typeof ReportBatch>;

/** The day window (DESIGN §6): within the last 60 days, not in the future, one day of clock slack. */
export function dayWindow(today: Date): { earliest: string; latest: string } {
  const day = (offset: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset)).toISOString().slice(0, 10);
  return { earliest: day(-MAX_DAY_AGE - 1), latest: day(1) };
}
