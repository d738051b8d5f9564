import { expect, test } from '@playwright/test';
import { EXTENSION_ID } from './support/chromium';
import { screenshotPath } from './support/screenshots';
import { launchWithFixtures, type ExtensionBrowser } from './fixtures/launch';
import { banner } from './fixtures/banner';
import { todayCounts } from './fixtures/nudge';
import { decodeQr } from './support/decode-qr';

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
  await expect.poll(() => banner(page).isVisible()).toBe(true);
  await page.screenshot({ path: screenshotPath('banner.png') });
});

test('the guide starts with the steps and the exemption, then the message for parents, the old chat, parents without VK ID or MAX, help, and the law last', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(extensionPage('guide.html'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Как перенести чат класса в Сферум');
  await expect(page).toHaveTitle(/Как\sперенести\sчат\sкласса/);
  const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
  expect(headings.map((text) => text.replace(/\s+/g, ' '))).toEqual([
    'Личная переписка — можно',
    'Шаг за шагом: перенести чат класса',
    'Сообщение для родителей',
    'Что делать со старым чатом',
    'Если у родителя нет VK ID или MAX',
    'Где получить помощь',
    'Что говорит закон',
  ]);
  const main = page.getByRole('main');
  await expect(main).toContainText('часть 8 статьи 10 Федерального закона от 27.07.2006 № 149-ФЗ');
  await expect(main).toContainText('Discord, Microsoft Teams, Skype for Business, Snapchat, Telegram, Threema, Viber, WhatsApp, WeChat');
  await expect(main).toContainText('школьные чаты Сферума работают в мессенджере MAX');
  await expect(main).not.toContainText('10.8');
  const statuses = await page.getByTestId('service-statuses').getByRole('listitem').allInnerTexts();
  expect(statuses).toHaveLength(9);
  expect(statuses.map((text) => text.replace(/\s+/g, ' '))).toContain('Viber — заблокирован в России с 13 декабря 2024 года.');
  expect(statuses.map((text) => text.replace(/\s+/g, ' '))).toContain('Telegram — работает с перебоями: его замедляют с января 2026 года.');
  // Typography: no line may break inside «№ 149-ФЗ» or «5 Б».
  expect(await main.innerText()).toContain('№\u00a0149-ФЗ');
  await expect(page.getByRole('link', { name: 'web.max.ru', exact: true }).first()).toHaveAttribute('href', 'https://web.max.ru');
  await expect(page.getByRole('link', { name: 'prof.sferum.ru' })).toHaveAttribute('href', 'https://prof.sferum.ru/faq_sferum/kakie_chaty_perenosyatsya');
  await page.screenshot({ path: screenshotPath('guide.png'), fullPage: true });

  await page.getByRole('link', { name: 'English version' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How to move a class chat to Sferum');
  await expect(page.getByRole('main')).toContainText('part 8 of article 10 of Federal Law No. 149-FZ');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Русская версия' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Как перенести чат класса в Сферум');
});

test('the message for parents: class, link and day give a text to copy and an A4 invitation whose QR code is the link', async () => {
  const link = 'https://web.max.ru/join/5b-parents-Xy7Qp';
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(extensionPage('guide.html#message'));
  const text = page.getByRole('textbox', { name: 'Текст для родителей' });
  await expect(text).toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: 'Скопировать' })).toBeDisabled();

  await page.getByRole('textbox', { name: 'Класс' }).fill('5 Б');
  await page.getByRole('textbox', { name: 'Ссылка на новый чат' }).fill('web.max.ru/join');
  await expect(page.getByText('Проверьте ссылку')).toBeVisible();
  await page.getByRole('textbox', { name: 'Ссылка на новый чат' }).fill(link);
  await page.getByLabel('С какого дня').fill('2026-12-09');
  await expect(text).toHaveValue(/Чат класса 5\u00a0Б переезжает в\u00a0Сферум: с\u00a09\u00a0декабря/);
  await expect(text).toHaveValue(new RegExp(`откройте\\sссылку\\s${link.replace(/[.?]/g, '\\$&')}\\s—`));
  await expect(text).toHaveValue(/Личные\sчаты\sэто\sне\sзатрагивает/);

  await page.getByRole('button', { name: 'Скопировать' }).click();
  await expect(page.getByRole('status')).toHaveText(/Текст\sскопирован/);
  // Pasted back into a field of the page, the clipboard holds exactly the text shown.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<textarea id="paste-check"></textarea>'));
  await page.locator('#paste-check').focus();
  await page.keyboard.press('Control+V');
  await expect(page.locator('#paste-check')).toHaveValue(await text.inputValue());
  await page.locator('#paste-check').evaluate((element) => element.remove());

  // The sheet as the printer gets it: A4, the class, the message and a QR code that reads back as the link.
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.body.classList.add('printing-sheet'));
  await page.setViewportSize({ width: 794, height: 1123 });
  const qr = page.getByRole('img', { name: 'QR-код ссылки на чат' });
  await expect(qr).toBeVisible();
  await expect(page.getByRole('heading', { name: /Чат класса 5\sБ\s—\sтеперь в\sСферуме/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Что говорит закон' })).toBeHidden();
  await page.screenshot({ path: screenshotPath('invitation-a4.png') });
  const decoded = await decodeQr(page, await qr.screenshot());
  expect(decoded).toBe(link);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.classList.remove('printing-sheet'));
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.locator('section', { has: page.locator('h2#message') }).screenshot({ path: screenshotPath('guide-message.png') });
  expect(await todayCounts(browser.worker)).toEqual({});
});

test("the popup says what Podskazka is, shows today's counts and links to the guide", async () => {
  const teams = await browser.context.newPage();
  await teams.goto('https://teams.microsoft.com/v2/');
  await banner(teams).button('Это личная переписка').click();
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
