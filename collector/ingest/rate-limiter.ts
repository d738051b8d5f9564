/**
 * Token buckets, one per report token: `perSecond` requests a second on average, up to `burst`
 * at once. A district's computers share one token and flush on a jittered schedule, so the
 * defaults leave room for thousands of computers and their retries after an outage.
 */
export interface RateLimiter {
  /** null when allowed, otherwise whole seconds to wait. */
  take(key: string): number | null;
}

export interface RateLimit {
  perSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 50, burst: 500 };
const MAX_TRACKED_KEYS = 10_000;

export function createRateLimiter({ perSecond, burst }: RateLimit, now: () => number = () => performance.now()): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const time = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= MAX_TRACKED_KEYS) forgetFullBuckets(buckets, time, perSecond, burst);
        bucket = { tokens: burst, at: time };
        buckets.set(key, bucket);
      }
      bucket.tokens = Math.min(burst, bucket.tokens + ((time - bucket.at) / 1000) * perSecond);
      bucket.at = time;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return null;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    },
  };
}

function forgetFullBuckets(buckets: Map<string, { tokens: number; at: number }>, time: number, perSecond: number, burst: number): void {
  for (const [key, bucket] of buckets) {
    if (bucket.tokens + ((time - bucket.at) / 1000) * perSecond >= burst) buckets.delete(key);
  }
  if (buckets.size >= MAX_TRACKED_KEYS) buckets.clear();
}
