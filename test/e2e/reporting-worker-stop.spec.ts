import { expect, test } from '@playwright/test';
import { serveFixturePages } from './fixtures/serve';
import { EXTENSION_ID, extensionWorker, launchChromium } from './support/chromium';
import { configureReporting, deliveryDifference, extensionTally, visitPages, waitingInExtension } from './support/reporting';
import { TestCollector } from './support/test-collector';

/**
 * The service worker is stopped in the middle of a flush through CDP ServiceWorker.stopWorker
 * (what Chrome does to an idle or busy worker; not a reload, which could reinstall). The batch
 * was persisted before sending, so the next worker resends it unchanged; the collector dedupes.
 */
test('service worker stopped mid-flush: nothing lost or doubled', async () => {
  const collector = await new TestCollector().start();
  const browser = await launchChromium();
  try {
    const { context } = browser;
    let worker = await extensionWorker(context);
    await serveFixturePages(context);
    collector.answerNext({ kind: 'store-then-hold' });
    await configureReporting(worker, { endpoint: collector.endpoint, timeScale: 0.001, intervalMinutes: 60 });
    await visitPages(context, ['https://web.telegram.org/k/', 'https://web.whatsapp.com/', 'https://web.skype.com/']);
    const counted = await extensionTally(worker);
    await expect.poll(() => collector.posts.length, { timeout: 20_000 }).toBe(1);

    const page = await context.newPage();
    await page.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    const cdp = await context.newCDPSession(page);
    const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
      for (const version of updated) {
        versions.set(version.versionId, version);
        if (version.scriptURL.endsWith('/background.js')) statuses.push(version.runningStatus);
      }
    });
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => [...versions.values()].some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'running')).toBe(true);
    const [versionId] = [...versions].find(([, v]) => v.scriptURL.endsWith('/background.js'))!;
    const seenBeforeStop = statuses.length;
    await cdp.send('ServiceWorker.stopWorker', { versionId });
    // It may be started again at once (the open popup asks for its status), so look for the stop itself.
    await expect.poll(() => statuses.slice(seenBeforeStop).includes('stopped'), { timeout: 10_000 }).toBe(true);
    await page.close();
    collector.release(); // the held reply has nobody left to read it

    // The resend comes from the reporter's own alarm: a starting worker never sends by itself.
    await expect.poll(() => collector.posts.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    worker = await extensionWorker(context);
    await expect.poll(() => waitingInExtension(worker), { timeout: 30_000 }).toEqual({ pendingRows: 0, outboxBatchId: null });
    expect(collector.posts[1]!.body).toBe(collector.posts[0]!.body);
    await expect.poll(() => deliveryDifference(worker, () => collector.totals()), { timeout: 20_000 }).toEqual({});
    for (const [key, n] of Object.entries(counted)) expect(collector.totals()[key]).toBeGreaterThanOrEqual(n);
  } finally {
    await browser.close();
    await collector.stop();
  }
});
