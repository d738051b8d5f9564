import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveFixturePages } from './fixtures/serve';
import { extensionWorker, launchChromium } from './support/chromium';
import { configureReporting, deliveryDifference, extensionTally, lastErrorCode, visitPages, waitingInExtension } from './support/reporting';
import { TestCollector } from './support/test-collector';

test('browser closed with counts waiting, started again on the same profile: they are delivered once', async () => {
  const collector = await new TestCollector().start();
  const profile = mkdtempSync(join(tmpdir(), 'podskazka-restart-'));
  try {
    const first = await launchChromium({ userDataDir: profile });
    let counted: Record<string, number>;
    try {
      const worker = await extensionWorker(first.context);
      await serveFixturePages(first.context);
      await collector.stop();
      await configureReporting(worker, { endpoint: collector.endpoint, timeScale: 0.001, intervalMinutes: 60 });
      await visitPages(first.context, ['https://web.telegram.org/k/', 'https://discord.com/channels/1/2']);
      // One batch waits in the outbox after failed tries; later counts wait as pending.
      await expect.poll(() => lastErrorCode(worker), { timeout: 20_000 }).toBe('network');
      await visitPages(first.context, ['https://web.whatsapp.com/']);
      counted = await extensionTally(worker);
      expect(await waitingInExtension(worker)).toMatchObject({ outboxBatchId: expect.any(String) });
    } finally {
      await first.close();
    }
    expect(collector.requests).toEqual([]);

    await collector.start();
    const second = await launchChromium({ userDataDir: profile });
    try {
      const worker = await extensionWorker(second.context);
      await expect.poll(() => deliveryDifference(worker, () => collector.totals()), { timeout: 40_000 }).toEqual({});
      await expect.poll(() => waitingInExtension(worker), { timeout: 20_000 }).toEqual({ pendingRows: 0, outboxBatchId: null });
      expect(await deliveryDifference(worker, () => collector.totals())).toEqual({});
      // Nothing counted before the restart was lost on the way.
      for (const [key, n] of Object.entries(counted)) expect(collector.totals()[key]).toBeGreaterThanOrEqual(n);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
    await collector.stop();
  }
});
