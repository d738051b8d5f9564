import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startCollector } from '../../collector/server/start-collector';
import { addDistrict } from '../../collector/storage/districts';
import { createToken } from '../../collector/storage/tokens';
import { ReportBatch } from '../../protocol/report';
import { launchWithFixtures } from './fixtures/launch';
import { NUDGE_ELEMENT, settle } from './fixtures/nudge';
import { EXTENSION_ID } from './support/chromium';
import { configureReporting } from './support/reporting';

/**
 * Visits to Sferum and MAX in the built extension: counted from navigation events (no content
 * script runs there), one per arrival at a target, shown in the popup, sent as target ids in a
 * v2 batch, and stored by the real collector per school × day × target.
 */
test('visits to sferum.ru, web.max.ru and web.vk.me show in the popup, in the payload as ids, and in the collector', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'podskazka-visits-'));
  const collector = await startCollector({ target: { file: join(folder, 'collector.db') }, host: '127.0.0.1', port: 0, dashboard: false });
  const { db } = collector.database;
  const districtId = await addDistrict(db, 'Заречный район');
  const token = await createToken(db, districtId);
  const browser = await launchWithFixtures();
  try {
    const { context, worker } = browser;
    await configureReporting(worker, { endpoint: `${collector.url}/api/v1/reports`, token, orgId: 'school-0547', locale: 'ru' });

    const tab = await context.newPage();
    for (const url of ['https://sferum.ru/?p=messages', 'https://web.max.ru/', 'https://web.max.ru/chat/42', 'https://example.org/', 'https://web.max.ru/', 'https://web.vk.me/']) {
      await tab.goto(url);
      await settle(tab);
    }
    await tab.reload();
    expect(await tab.locator(NUDGE_ELEMENT).count()).toBe(0);
    const other = await context.newPage();
    await other.goto('https://prof.sferum.ru/faq_sferum/kakie_chaty_perenosyatsya');
    await settle(other);

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    const visits = popup.getByTestId('today-visits');
    await expect(visits.getByRole('row', { name: /Сферум/ })).toContainText('2');
    await expect(visits.getByRole('row', { name: /MAX/ })).toContainText('2');
    await expect(visits.getByRole('row', { name: /VK Мессенджер/ })).toContainText('1');

    const panel = popup.getByTestId('reporting-panel');
    const json = await panel.getByTestId('reporting-json').textContent();
    const batch = ReportBatch.parse(JSON.parse(json!));
    expect(batch.v).toBe(2);
    expect(batch.v === 2 && batch.visits.map(({ target, n }) => [target, n]).sort()).toEqual([['max', 2], ['sferum', 2], ['vk_messenger', 1]]);
    expect(json).not.toMatch(/sferum\.ru|max\.ru|vk\.me|example|http|T\d\d:/);

    await panel.getByRole('button', { name: 'Отправить сейчас' }).click();
    await expect(panel.getByTestId('reporting-last-success')).toContainText('Последняя успешная отправка:', { timeout: 30_000 });
    // The collector folds accepted batches into its tables in the background: wait for it.
    const stored = () => db.selectFrom('visits').select(['org_id', 'target', 'n', 'district_id']).orderBy('target').execute();
    await expect.poll(stored, { timeout: 30_000 }).toEqual([
      { org_id: 'school-0547', target: 'max', n: 2, district_id: districtId },
      { org_id: 'school-0547', target: 'sferum', n: 2, district_id: districtId },
      { org_id: 'school-0547', target: 'vk_messenger', n: 1, district_id: districtId },
    ]);
  } finally {
    await browser.close();
    await collector.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
