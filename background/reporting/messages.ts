import { z } from 'zod';
import { LastError } from './state';

/** Messages between the popup's «Что отправляется» panel and the background. Both sides parse them. */
export const ReportingStatusRequest = z.strictObject({ type: z.literal('reporting_status') });
export const ReportingSendNowRequest = z.strictObject({ type: z.literal('reporting_send_now') });
export const ReportingRequest = z.discriminatedUnion('type', [ReportingStatusRequest, ReportingSendNowRequest]);
export type ReportingRequest = z.infer<typeof ReportingRequest>;

export const FLUSH_RESULTS = ['off', 'endpoint_invalid', 'nothing', 'delivered', 'retry', 'dropped'] as const;
export const FlushResultSchema = z.enum(FLUSH_RESULTS);
/** What one flush did, as the popup names it. */
export type FlushResult = z.infer<typeof FlushResultSchema>;

export const ReportingStatus = z.strictObject({
  language: z.enum(['ru', 'en']),
  /** Where counts go; empty means reporting is off. */
  endpoint: z.string(),
  endpointValid: z.boolean(),
  /** The exact JSON of the next batch, pretty-printed; `fixed` once it is in the outbox and only resent. */
  nextBatch: z.strictObject({ json: z.string(), fixed: z.boolean(), rows: z.int().min(0) }).nullable(),
  /** Count and visit rows waiting for a later batch. */
  laterRows: z.int().min(0),
  /** Rows left out because they grew older than the collector accepts. */
  discardedRows: z.int().min(0),
  lastSuccessAt: z.number().nullable(),
  lastError: LastError.nullable(),
  nextAttemptAt: z.number().nullable(),
  sending: z.boolean(),
  /** The endpoint refused v2 (an older collector): batches go as v1, visits wait. */
  v1Only: z.boolean(),
  /** What «Отправить сейчас» just did; absent in a plain status answer. */
  result: FlushResultSchema.optional(),
});
export type ReportingStatus = z.infer<typeof ReportingStatus>;
