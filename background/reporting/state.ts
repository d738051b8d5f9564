import { browser } from 'wxt/browser';
import { z } from 'zod';

/**
 * What the reporter keeps in storage.local, so a stopped worker or a closed browser loses nothing.
 * - `reportOutbox`: the one batch being delivered: its exact body, resent unchanged until a 2xx.
 * - `reportState`: the schedule, the id the next batch will carry, and what the popup shows.
 * Times here are this computer's own clock for its own schedule; none of them is ever sent.
 */
export const OUTBOX_KEY = 'reportOutbox';
export const STATE_KEY = 'reportState';

export const Outbox = z.strictObject({
  batchId: z.string(),
  body: z.string(),
  attempts: z.int().min(0),
  nextAttemptAt: z.number(),
});
export type Outbox = z.infer<typeof Outbox>;

export const ERROR_CODES = [
  'network',
  'server',
  'rate_limited',
  'unexpected_status',
  'rejected',
  'unauthorized',
  'forbidden',
  'too_large',
  'endpoint_invalid',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const LastError = z.strictObject({
  code: ErrorCode,
  status: z.int().optional(),
  at: z.number(),
  /** True when the batch was given up (400/401/403/413): its counts are gone. */
  dropped: z.boolean(),
});
export type LastError = z.infer<typeof LastError>;

export const ReportState = z.strictObject({
  nextFlushAt: z.number().optional(),
  nextBatchId: z.string().optional(),
  lastSuccessAt: z.number().optional(),
  lastError: LastError.optional(),
  /** Rows older than the collector accepts (60 days), left out of a new batch or taken out of a waiting one. */
  discardedRows: z.int().min(0).default(0),
  /** This endpoint refused v2 (a collector of an older release): v1 until then, visits kept. */
  v1Only: z.strictObject({ endpoint: z.string(), until: z.number() }).optional(),
});
export type ReportState = z.infer<typeof ReportState>;

export interface Reporting {
  outbox: Outbox | undefined;
  state: ReportState;
}

export async function readReporting(): Promise<Reporting> {
  const stored = await browser.storage.local.get([OUTBOX_KEY, STATE_KEY]);
  const outbox = Outbox.safeParse(stored[OUTBOX_KEY]);
  const state = ReportState.safeParse(stored[STATE_KEY] ?? {});
  return { outbox: outbox.success ? outbox.data : undefined, state: state.success ? state.data : ReportState.parse({}) };
}

/** One storage write, so the outbox and the state never disagree; `null` empties the outbox. */
export async function saveReporting(change: { outbox?: Outbox | null; state?: ReportState }): Promise<void> {
  const write: Record<string, unknown> = {};
  if (change.outbox !== undefined) write[OUTBOX_KEY] = change.outbox;
  if (change.state !== undefined) write[STATE_KEY] = change.state;
  await browser.storage.local.set(write);
}
