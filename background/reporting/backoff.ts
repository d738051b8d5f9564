/**
 * Every delay the reporter waits, in milliseconds. `scale` is 1 in real use; a test-only
 * storage.local override (see timing.ts) may shrink the extension's own delays, never Retry-After.
 */
export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_MAX_MS = 6 * 60 * 60_000;
export const RETRY_AFTER_MAX_MS = 24 * 60 * 60_000;
export const RETRY_AFTER_MIN_MS = 1_000;
export const WAKE_DELAY_MIN_MS = 60_000;
export const WAKE_DELAY_MAX_MS = 10 * 60_000;
export const INTERVAL_JITTER = 0.2;

/** Exponential backoff with jitter: the n-th failed attempt waits between half and all of base·2^(n−1). */
export function retryDelay(attempts: number, random: () => number, scale = 1): number {
  const full = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
  return full * (0.5 + 0.5 * random()) * scale;
}

/** The server said how long to wait: at least that, plus up to 10% so schools do not return in step. */
export function retryAfterDelay(retryAfterMs: number, random: () => number): number {
  const told = Math.min(Math.max(retryAfterMs, RETRY_AFTER_MIN_MS), RETRY_AFTER_MAX_MS);
  return told * (1 + 0.1 * random());
}

/** The next scheduled flush: the interval ± 20%, so sending times say nothing about a single event. */
export function flushDelay(intervalMinutes: number, random: () => number, scale = 1): number {
  return intervalMinutes * 60_000 * (1 - INTERVAL_JITTER + 2 * INTERVAL_JITTER * random()) * scale;
}

/** Work that fell due while the browser was closed waits a random while, not a moment after waking. */
export function wakeDelay(random: () => number, scale = 1): number {
  return (WAKE_DELAY_MIN_MS + (WAKE_DELAY_MAX_MS - WAKE_DELAY_MIN_MS) * random()) * scale;
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
