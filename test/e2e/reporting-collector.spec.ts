import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startCollector } from '../../collector/server/start-collector';
import { addDistrict } from '../../collector/storage/districts';
import { createToken } from '../../collector/storage/tokens';
import { serveFixturePages } from './fixtures/serve';
import { EXTENSION_ID, extensionWorker, launchChromium } from './support/chromium';
import { configureReporting, deliveryDifference, visitPages } from './support/reporting';

/**
 * The real collector (SQLite, its own CORS answers) behind a proxy on 127.0.0.1 that lets the
 * collector store the first batch and then cuts the connection: «Отправить сейчас» in the popup,
 * the lost answer, the automatic resend, and the collector's de-duplication, end to end.
 */
test('against the real collector: the popup sends, a lost answer is resent, and counts are stored once', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'podskazka-reporting-collector-'));
  const collector = await startCollector({ target: { file: join(folder, 'collector.db') }, host: '127.0.0.1', port: 0, dashboard: false, rateLimit: { perSecond: 1e6, burst: 1e6 } });
  const { db } = collector.database;
  const districtId = await addDistrict(db, 'Заречный район');
  const token = await createToken(db, districtId);

  let posts = 0;
  const proxy: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
      const upstream = await fetch(`${collector.url}${request.url}`, { method: request.method, headers, body: request.method === 'POST' ? Buffer.concat(chunks) : undefined });
      const body = Buffer.from(await upstream.arrayBuffer());
      if (request.method === 'POST' && ++posts === 1) {
        response.socket?.destroy(); // stored upstream, answer lost
        return;
      }
      response.writeHead(upstream.status, Object.fromEntries(upstream.headers)).end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/v1/reports`;

  const browser = await launchChromium();
  try {
    const { context } = browser;
    const worker = await extensionWorker(context);
    await serveFixturePages(context);
    await configureReporting(worker, { endpoint, token, orgId: 'school-0547', locale: 'ru', timeScale: 0.001, intervalMinutes: 60 });
    await visitPages(context, ['https://web.telegram.org/k/', 'https://web.whatsapp.com/', 'https://web.telegram.org/a/']);

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    const panel = popup.getByTestId('reporting-panel');
    await panel.getByRole('button', { name: 'Отправить сейчас' }).click();
    await expect(panel.getByTestId('reporting-last-success')).toContainText('Последняя успешная отправка:', { timeout: 30_000 });
    expect(posts).toBeGreaterThanOrEqual(2);

    const stored = async () => {
      const rows = await db.selectFrom('counts').select(['day', 'messenger', 'event', 'n', 'org_id', 'district_id']).execute();
      expect(rows.every((row) => row.org_id === 'school-0547' && row.district_id === districtId)).toBe(true);
      return Object.fromEntries(rows.map((row) => [`${row.day}|${row.messenger}|${row.event}`, Number(row.n)]));
    };
    let latest: Record<string, number> = {};
    const difference = async () => {
      latest = await stored();
      return deliveryDifference(worker, () => latest);
    };
    await expect.poll(difference, { timeout: 30_000 }).toEqual({});
    expect(Object.keys(latest).length).toBeGreaterThan(0);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await collector.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
