import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startCollector, type RunningCollector } from '../../collector/server/start-collector';
import { addDistrict } from '../../collector/storage/districts';
import { upsertSchools } from '../../collector/storage/schools';
import { createToken } from '../../collector/storage/tokens';
import { EXTENSION_ID, extensionWorker, launchChromium } from './support/chromium';

/**
 * An IT person types the district's address, key and school code into the options page and
 * presses «Проверить соединение» before saving: the real collector (SQLite) answers, the page
 * names the district and the school or says what to fix, and nothing is counted or stored.
 */
let folder: string;
let collector: RunningCollector;
let districtToken: string;
let schoolToken: string;

test.beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'podskazka-connection-check-'));
  collector = await startCollector({ target: { file: join(folder, 'collector.db') }, host: '127.0.0.1', port: 0, dashboard: false });
  const { db } = collector.database;
  const districtId = await addDistrict(db, 'Заречный район');
  await upsertSchools(db, [{ districtId, orgId: 'school-0547', name: 'МБОУ «СОШ № 5»' }]);
  districtToken = await createToken(db, districtId);
  schoolToken = await createToken(db, districtId, { orgId: 'school-0547' });
});

test.afterAll(async () => {
  await collector.close();
  rmSync(folder, { recursive: true, force: true });
});

test('«Проверить соединение» asks the real collector about the typed address, key and code, and sends no counts', async () => {
  const browser = await launchChromium();
  try {
    await extensionWorker(browser.context);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    const endpoint = `${collector.url}/api/v1/reports`;
    await options.locator('input[name="reportEndpoint"]').fill(endpoint);
    await options.locator('input[name="reportToken"]').fill(districtToken);
    await options.locator('input[name="orgId"]').fill('school-0547');
    const check = options.getByRole('button', { name: 'Проверить соединение' });
    const result = options.getByTestId('connection-check-result');

    await check.click();
    await expect(result).toHaveText('Соединение работает. Сервер района «Заречный район» примет отчёты школы «МБОУ «СОШ №\u00a05»» (код school-0547).');

    await options.locator('input[name="orgId"]').fill('school-0999');
    await check.click();
    await expect(result).toContainText('школы с кодом school-0999 нет в справочнике района');

    await options.locator('input[name="reportToken"]').fill(schoolToken);
    await check.click();
    await expect(result).toContainText('Этот ключ выдан другой школе и не подходит для кода school-0999');

    await options.locator('input[name="reportToken"]').fill(`${districtToken}x`);
    await check.click();
    await expect(result).toContainText('Сервер не принял ключ доступа');

    await options.locator('input[name="reportEndpoint"]').fill('http://127.0.0.1:9/api/v1/reports');
    await check.click();
    await expect(result).toContainText('Сервер не отвечает');

    const { db } = collector.database;
    await collector.ingest.settle();
    expect(await db.selectFrom('batches').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('counts').selectAll().execute()).toEqual([]);
  } finally {
    await browser.close();
  }
});
