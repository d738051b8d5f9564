import type { BrowserContext, Worker } from '@playwright/test';
import { extensionWorker } from './chromium';

/** The few extension APIs these helpers call inside the worker (no @types/chrome here). */
export interface ChromeApi {
  storage: { local: { get(keys: string | string[]): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
declare const chrome: ChromeApi;

/** Settings as a teacher's own options (storage.local "options"), the way an unmanaged install gets them. */
export async function configureReporting(worker: Worker, options: { endpoint: string; orgId?: string; token?: string; timeScale?: number; intervalMinutes?: number; locale?: 'ru' | 'en' }): Promise<void> {
  await worker.evaluate(async ({ endpoint, orgId, token, timeScale, intervalMinutes, locale }) => {
    const { options: current = {} } = (await chrome.storage.local.get('options')) as { options?: Record<string, unknown> };
    await chrome.storage.local.set({ options: { ...current, reportEndpoint: endpoint, orgId: orgId ?? 'school-0547', reportToken: token ?? 'test-token-1', reportIntervalMinutes: intervalMinutes ?? 360, ...(locale ? { locale } : {}) } });
    // Test-only switch (background/reporting/timing.ts): shortens the extension's own waits.
    if (timeScale !== undefined) await chrome.storage.local.set({ reportTestTiming: { timeScale } });
  }, options);
}

/** What the extension itself counted ("day|messenger|event" → n), from its per-day tally. */
export async function extensionTally(worker: Worker): Promise<Record<string, number>> {
  return worker.evaluate(async () => {
    const { tally = {} } = (await chrome.storage.local.get('tally')) as { tally?: Record<string, Record<string, Record<string, number>>> };
    const totals: Record<string, number> = {};
    for (const [day, perMessenger] of Object.entries(tally))
      for (const [messenger, perEvent] of Object.entries(perMessenger)) for (const [event, n] of Object.entries(perEvent)) totals[`${day}|${messenger}|${event}`] = n;
    return totals;
  });
}

/** Counts still waiting in the extension: pending plus the batch in the outbox. */
export async function waitingInExtension(worker: Worker): Promise<{ pendingRows: number; outboxBatchId: string | null }> {
  return worker.evaluate(async () => {
    const { pending = {}, reportOutbox } = (await chrome.storage.local.get(['pending', 'reportOutbox'])) as { pending?: Record<string, number>; reportOutbox?: { batchId: string } | null };
    return { pendingRows: Object.keys(pending).length, outboxBatchId: reportOutbox?.batchId ?? null };
  });
}

/** The worker of the extension, restarted if it was stopped. */
export async function liveWorker(context: BrowserContext): Promise<Worker> {
  return extensionWorker(context);
}

/** Opens each address in one tab, as a teacher would; the fixture server answers for the messengers. */
export async function visitPages(context: BrowserContext, urls: readonly string[]): Promise<void> {
  const page = await context.newPage();
  for (const url of urls) await page.goto(url);
  await page.close();
}

/** The reporter's own record of its last error, straight from storage. */
export async function lastErrorCode(worker: Worker): Promise<string | null> {
  return worker.evaluate(async () => {
    const { reportState } = (await chrome.storage.local.get('reportState')) as { reportState?: { lastError?: { code: string } } };
    return reportState?.lastError?.code ?? null;
  });
}

/** Where the collector's de-duplicated totals and the extension's own tally differ ({} when every count arrived once). */
export async function deliveryDifference(worker: Worker, collectorTotals: () => Record<string, number>): Promise<Record<string, { counted: number; received: number }>> {
  const counted = await extensionTally(worker);
  const received = collectorTotals();
  const difference: Record<string, { counted: number; received: number }> = {};
  for (const key of new Set([...Object.keys(counted), ...Object.keys(received)]))
    if ((counted[key] ?? 0) !== (received[key] ?? 0)) difference[key] = { counted: counted[key] ?? 0, received: received[key] ?? 0 };
  return difference;
}
