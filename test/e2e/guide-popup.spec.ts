import { expect, test } from '@playwright/test';
import { EXTENSION_ID } from './support/chromium';
import { screenshotPath } from './support/screenshots';
import { launchWithFixtures, type ExtensionBrowser } from './fixtures/launch';
import { nudge, todayCounts } from './fixtures/nudge';

let browser: ExtensionBrowser;
test.beforeEach(async () => {
  browser = await launchWithFixtures();
});
test.afterEach(async () => {
  await browser.close();
});

const extensionPage = (path: string) => `chrome-extension://${EXTENSION_ID}/${path}`;

test('the banner, as a teacher sees it (screenshot)', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('https://web.telegram.org/k/');
  await expect(nudge(page)).toBeVisible();
  await page.screenshot({ path: screenshotPath('banner.png') });
});

test('the guide gives the rule, the exemption, Sferum in VK Messenger and MAX, the steps and help, in Russian and English', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(extensionPage('guide.html'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Как перенести чат класса в Сферум');
  await expect(page).toHaveTitle(/Как\sперенести\sчат\sкласса/);
  const main = page.getByRole('main');
  await expect(main).toContainText('статья 10.8 Федерального закона от 27.07.2006 № 149-ФЗ');
  await expect(main).toContainText('перечень иностранных мессенджеров на 1 марта 2023 года');
  await expect(main).toContainText('Запрет не касается личных чатов');
  await expect(main).toContainText('с сентября 2025 года школьные чаты Сферума есть и в мессенджере MAX');
  await expect(main).toContainText('VK Мессенджере');
  await expect(main).toContainText('Администратор Сферума в вашей школе');
  await expect(page.getByRole('listitem').filter({ hasText: 'ссылку-приглашение' })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'sferum.ru', exact: true }).first()).toHaveAttribute('href', 'https://sferum.ru');
  await expect(page.getByRole('link', { name: 'web.max.ru', exact: true })).toHaveAttribute('href', 'https://web.max.ru');
  await expect(page.getByRole('link', { name: 'prof.sferum.ru' })).toHaveAttribute('href', 'https://prof.sferum.ru/faq_sferum/kakie_chaty_perenosyatsya');
  await page.screenshot({ path: screenshotPath('guide.png'), fullPage: true });

  await page.getByRole('link', { name: 'English version' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How to move a class chat to Sferum');
  await expect(page.getByRole('main')).toContainText('article 10.8 of Federal Law No. 149-FZ');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Русская версия' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Как перенести чат класса в Сферум');
});

test("the popup says what Podskazka is, shows today's counts and links to the guide", async () => {
  const teams = await browser.context.newPage();
  await teams.goto('https://teams.microsoft.com/v2/');
  await nudge(teams).getByRole('button', { name: 'Это личная переписка' }).click();
  await expect.poll(() => todayCounts(browser.worker)).toEqual({ teams: { opened: 1, nudge_shown: 1, personal_use: 1 } });

  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(extensionPage('popup.html'));
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Подсказка');
  await expect(popup.getByRole('main')).toContainText('помогает перенести их в Сферум');
  const row = popup.getByRole('row', { name: /Microsoft Teams/ });
  await expect(row).toContainText('1');
  await expect(popup.getByRole('columnheader', { name: 'Личная переписка' })).toBeVisible();
  await popup.screenshot({ path: screenshotPath('popup.png'), fullPage: true });

  const [guide] = await Promise.all([browser.context.waitForEvent('page'), popup.getByRole('link', { name: 'Как перенести чат класса' }).click()]);
  await expect(guide).toHaveURL(extensionPage('guide.html'));
});
