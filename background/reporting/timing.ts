import { browser } from 'wxt/browser';
import { z } from 'zod';

/**
 * TEST ONLY. End-to-end tests cannot wait an hour for a schedule or a minute for a backoff, so
 * they may store `{ timeScale }` under this storage.local key: it multiplies the extension's own
 * waits (schedule, backoff, wake-up delay) by a factor in [0.0001, 1]. It can only shorten them,
 * never changes what is sent, and never shortens a server's Retry-After. Nothing in the product
 * writes it; docs/privacy.md names it.
 */
export const TEST_TIMING_KEY = 'reportTestTiming';

const TestTiming = z.strictObject({ timeScale: z.number().min(0.0001).max(1) });

export async function readTimeScale(): Promise<number> {
  const stored = await browser.storage.local.get(TEST_TIMING_KEY);
  const parsed = TestTiming.safeParse(stored[TEST_TIMING_KEY]);
  return parsed.success ? parsed.data.timeScale : 1;
}
