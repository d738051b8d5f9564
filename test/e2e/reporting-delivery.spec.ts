import { expect, test, type BrowserContext, type Worker } from '@playwright/test';
import { serveFixturePages } from './fixtures/serve';
import { extensionWorker, launchChromium } from './support/chromium';
import { configureReporting, deliveryDifference, lastErrorCode, visitPages, waitingInExtension } from './support/reporting';
import { TestCollector } from './support/test-collector';

/**
 * Exactly-once delivery through server faults. The test-only time scale (background/reporting/
 * timing.ts) shrinks the hourly schedule and the backoff to seconds; Retry-After is never scaled.
 */
const TIME_SCALE = 0.001;
const MESSENGER_PAGES = ['https://web.telegram.org/k/', 'https://web.whatsapp.com/', 'https://discord.com/channels/1/2'];
const MORE_PAGES = ['https://teams.microsoft.com/v2/', 'https://web.telegram.org/a/'];

let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let worker: Worker;
let collector: TestCollector;

test.beforeEach(async () => {
  collector = await new TestCollector().start();
  browser = await launchChromium();
  context = browser.context;
  worker = await extensionWorker(context);
  await serveFixturePages(context);
});
test.afterEach(async () => {
  await browser.close();
  await collector.stop();
});

async function everyCountArrivedOnce(): Promise<void> {
  await expect.poll(() => deliveryDifference(worker, () => collector.totals()), { timeout: 40_000 }).toEqual({});
  await expect.poll(() => waitingInExtension(worker), { timeout: 20_000 }).toEqual({ pendingRows: 0, outboxBatchId: null });
  expect(await deliveryDifference(worker, () => collector.totals())).toEqual({});
}

test('server down for a while, then up: every count arrives, once', async () => {
  await collector.stop();
  await configureReporting(worker, { endpoint: collector.endpoint, timeScale: TIME_SCALE, intervalMinutes: 60 });
  await visitPages(context, MESSENGER_PAGES);
  await expect.poll(() => lastErrorCode(worker), { timeout: 20_000 }).toBe('network');
  await visitPages(context, MORE_PAGES);
  expect(collector.requests).toEqual([]);
  await collector.start();
  await everyCountArrivedOnce();
  expect(Object.values(collector.totals()).reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(MESSENGER_PAGES.length + MORE_PAGES.length);
});

test('500, then 429 with Retry-After: the same batch is retried, and not before the time it was told', async () => {
  collector.answerNext({ kind: 'status', status: 500 }, { kind: 'status', status: 429, retryAfter: '3' });
  await configureReporting(worker, { endpoint: collector.endpoint, timeScale: TIME_SCALE, intervalMinutes: 60 });
  await visitPages(context, MESSENGER_PAGES);
  await everyCountArrivedOnce();
  const [first, second, third] = collector.posts;
  const batchId = (body: string | undefined) => (JSON.parse(body ?? '{}') as { batchId?: string }).batchId;
  expect(batchId(second?.body)).toBe(batchId(first?.body));
  expect(third?.body).toBe(first?.body);
  expect(third!.at - second!.at).toBeGreaterThanOrEqual(3_000);
});

test('lost acknowledgement: the resend carries the same batchId and is counted once', async () => {
  collector.answerNext({ kind: 'store-then-drop' });
  await configureReporting(worker, { endpoint: collector.endpoint, timeScale: TIME_SCALE, intervalMinutes: 60 });
  await visitPages(context, MESSENGER_PAGES);
  await everyCountArrivedOnce();
  const [lost, resent] = collector.posts;
  expect(resent?.body).toBe(lost?.body);
  expect(collector.stored.size).toBeLessThan(collector.posts.length);
});
