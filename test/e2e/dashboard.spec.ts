import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { launchChromium } from './support/chromium';
import { buildDashboard, DASHBOARD_LOGIN, REGION_LOGIN, startSeededCollector } from './support/dashboard-collector';

let collector: Awaited<ReturnType<typeof startSeededCollector>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;

test.beforeAll(async () => {
  buildDashboard();
  collector = await startSeededCollector();
  chromium = await launchChromium({ loadExtension: false });
});

test.afterAll(async () => {
  await chromium?.close();
  await collector?.stop();
});

async function logIn(page: Page, user = DASHBOARD_LOGIN) {
  await page.goto(collector.url);
  await page.getByLabel('Логин').fill(user.login);
  await page.getByLabel('Пароль').fill(user.password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

/** How many pixels of the chart's canvas carry the opens line's colour (#d55e00): the series, not just the axes. */
const opensPixels = (page: Page) =>
  page.getByTestId('trend-chart').locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - 0xd5) < 24 && Math.abs(data[i + 1]! - 0x5e) < 24 && Math.abs(data[i + 2]! - 0x00) < 24 && data[i + 3]! > 200) painted++;
    }
    return painted;
  });

test('a district user logs in, sees the trend drawn, exports a week and logs out', async () => {
  const page = await chromium.context.newPage();
  await page.goto(collector.url);
  await page.getByLabel('Логин').fill(DASHBOARD_LOGIN.login);
  await page.getByLabel('Пароль').fill('wrong password');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('alert')).toHaveText('Неверный логин или пароль.');

  await logIn(page);
  await expect(page.getByRole('banner')).toContainText('Район: Заречный район');
  await expect(page.getByLabel('Неделя', { exact: true })).toHaveValue('2026-W47');
  await expect(page.getByRole('heading', { name: 'Итоги недели' })).toBeVisible();
  await expect(page.getByTestId('week-title')).toContainText('последняя полная неделя');
  await expect(page.getByTestId('share')).toHaveText(/^\d+(,\d)?\u00a0%$/);
  // One small demo school had nothing to count that week; the three quiet ones never reported.
  await expect(page.getByTestId('coverage')).toHaveText('Отчитались 23 из\u00a027\u00a0школ');
  await expect(page.getByTestId('silent-schools').locator('li')).toHaveCount(4);
  await expect(page.getByTestId('silent-schools').locator('li', { hasText: 'Тихая школа' })).toHaveCount(3);
  await expect(page.getByTestId('silent-schools').locator('li', { hasText: 'Тихая школа' }).first()).toContainText('ни одного отчёта');
  await expect(page.getByTestId('refused-excess').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('refused-excess')).toContainText(/18\u00a0ноября: отклонено 12\u00a0345\u00a0отметок$/);
  expect(await opensPixels(page)).toBeGreaterThan(300);
  // The legend shows the last week's figures, never uPlot's "--" placeholders.
  await expect(page.getByTestId('trend-chart')).not.toContainText('--');
  const table = page.getByTestId('unit-table');
  await expect(table.locator('tbody tr')).toHaveCount(27);
  await expect(table.locator('tfoot')).toContainText('Итого');
  // Sorting by opens, most first; a row opens into its messengers.
  await table.getByRole('button', { name: 'Открыто' }).click();
  await expect(table.getByRole('columnheader', { name: 'Открыто' })).toHaveAttribute('aria-sort', 'descending');
  await table.locator('tbody tr').first().getByRole('button').click();
  await expect(table.locator('tr.detail').first()).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: test.info().outputPath('dashboard.png'), fullPage: true });

  await page.getByLabel('Неделя', { exact: true }).selectOption('2026-W46');
  await expect(page.getByTestId('week-title')).toContainText('Неделя 46: 9–15 ноября 2026');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Скачать CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('podskazka-2026-W46.csv');
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^Неделя;Код;Школа;Открыто;/);
  const schoolLines = lines.filter((line) => /^2026-W46;school-/.test(line));
  expect(schoolLines).toHaveLength(27);
  for (const line of schoolLines) expect(line).toMatch(/^2026-W46;school-\d{4};МБОУ «[^;]+»(;(\d+|<5|×))+$/);
  expect(lines.some((line) => line.startsWith('2026-W46;;Итого;'))).toBe(true);

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Скачать XLSX' }).click();
  expect((await xlsxDownload).suggestedFilename()).toBe('podskazka-2026-W46.xlsx');

  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByRole('button', { name: 'Войти' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Войти' })).toBeVisible();
  await page.close();
});

test('a region user sees its districts, one row per district, and no school', async () => {
  const page = await chromium.context.newPage();
  await logIn(page, REGION_LOGIN);
  await expect(page.getByRole('banner')).toContainText('Регион: Энская область');
  await expect(page.getByRole('heading', { name: 'По районам' })).toBeVisible();
  const table = page.getByTestId('unit-table');
  await expect(table.locator('thead th').first()).toHaveText('Район');
  const units = await table.locator('tbody th button').allTextContents();
  expect(new Set(units)).toEqual(new Set(['Заречный район', 'Соседний район']));
  // The same 23 of 27 the district's own officer sees (above), and no school named.
  await expect(page.getByTestId('district-coverage').locator('li')).toHaveText(['Заречный район: 23 из\u00a027\u00a0школ — молчат 4\u00a0школы', 'Соседний район: справочник школ не загружен']);
  await expect(page.locator('body')).not.toContainText('school-');
  await page.close();
});
