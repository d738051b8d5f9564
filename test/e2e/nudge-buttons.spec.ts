import { expect, test, type Page } from '@playwright/test';
import { EXTENSION_ID } from './support/chromium';
import { screenshotPath } from './support/screenshots';
import { launchWithFixtures, type ExtensionBrowser } from './fixtures/launch';
import { NUDGE_ELEMENT, nudge, settle, todayCounts } from './fixtures/nudge';

let browser: ExtensionBrowser;
test.beforeEach(async () => {
  browser = await launchWithFixtures();
});
test.afterEach(async () => {
  await browser.close();
});

async function openTelegram(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto('https://web.telegram.org/k/');
  await expect(nudge(page)).toBeVisible();
  return page;
}

test('"Открыть Сферум" opens Sferum in a new tab and is counted; the page stays', async () => {
  const page = await openTelegram();
  const [sferum] = await Promise.all([browser.context.waitForEvent('page'), nudge(page).getByRole('link', { name: 'Открыть Сферум' }).click()]);
  await expect(sferum).toHaveURL('https://sferum.ru/');
  await expect(page).toHaveURL('https://web.telegram.org/k/');
  await expect.poll(() => todayCounts(browser.worker)).toEqual({ telegram: { opened: 1, nudge_shown: 1, alternative_opened: 1 } });
});

test('"Как перенести чат класса" opens the guide page in a new tab', async () => {
  const page = await openTelegram();
  const [guide] = await Promise.all([browser.context.waitForEvent('page'), nudge(page).getByRole('button', { name: 'Как перенести чат класса' }).click()]);
  await expect(guide).toHaveURL(`chrome-extension://${EXTENSION_ID}/guide.html`);
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText('Как перенести чат класса в Сферум');
  await expect(page).toHaveURL('https://web.telegram.org/k/');
});

test('"Это личная переписка" says until when it stays quiet, is counted, and the snooze holds for that messenger only', async () => {
  const page = await openTelegram();
  await nudge(page).getByRole('button', { name: 'Это личная переписка' }).click();
  // An hour (the default quiet time) from the click, which happened a moment ago.
  const clock = (offsetMinutes: number) => new Date(Date.now() + offsetMinutes * 60_000).toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });
  const until = `(${clock(59)}|${clock(60)})`;
  await expect(nudge(page).locator('[aria-live="polite"]')).toHaveText(new RegExp(`^Это\\sличная\\sпереписка\\.\\sНе\\sнапомню\\sдо\\s(завтра,\\s)?${until}\\.$`));
  await page.mouse.click(5, 300);
  await expect(page.locator(NUDGE_ELEMENT)).toHaveCount(0);
  await expect.poll(() => todayCounts(browser.worker)).toEqual({ telegram: { opened: 1, nudge_shown: 1, personal_use: 1 } });

  await page.reload();
  await expect.poll(() => todayCounts(browser.worker)).toEqual({ telegram: { opened: 2, nudge_shown: 1, personal_use: 1 } });
  await settle(page);
  await expect(page.locator(NUDGE_ELEMENT)).toHaveCount(0);
  await page.goto('https://t.me/+AnotherInvite');
  await settle(page);
  await expect(page.locator(NUDGE_ELEMENT)).toHaveCount(0);

  await page.goto('https://web.whatsapp.com/');
  await expect(nudge(page)).toBeVisible();
});

test('the close button closes the nudge, counts it and snoozes it; Esc only folds it and gives the keyboard back', async () => {
  const page = await openTelegram();
  await nudge(page).getByRole('button', { name: 'Закрыть подсказку' }).click();
  await expect(page.locator(NUDGE_ELEMENT)).toHaveCount(0);

  await page.goto('https://discord.com/channels/@me');
  await expect(nudge(page)).toBeVisible();
  await page.locator('#menu').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(nudge(page).getByRole('button', { name: 'Закрыть подсказку' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('#menu')).toBeFocused();
  await expect(nudge(page).getByRole('button', { name: 'Подсказка', exact: true })).toBeVisible();
  await nudge(page).getByRole('button', { name: 'Подсказка', exact: true }).click();
  await nudge(page).getByRole('button', { name: 'Закрыть подсказку' }).click();
  await expect(page.locator(NUDGE_ELEMENT)).toHaveCount(0);
  await expect.poll(() => todayCounts(browser.worker)).toEqual({
    telegram: { opened: 1, nudge_shown: 1, dismissed: 1 },
    discord: { opened: 1, nudge_shown: 1, dismissed: 1 },
  });

  await page.reload();
  await expect.poll(async () => (await todayCounts(browser.worker)).discord?.opened).toBe(2);
  await settle(page);
  await expect(page.locator(NUDGE_ELEMENT)).toHaveCount(0);
});

test('the keyboard reaches every control in order, and Esc in the page itself folds the nudge without closing it', async () => {
  const page = await openTelegram();
  await page.keyboard.press('Escape');
  await expect(nudge(page).getByRole('button', { name: 'Подсказка', exact: true })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const focused = async () => page.evaluate(() => {
    const active = document.activeElement?.shadowRoot?.activeElement;
    return active ? (active.getAttribute('aria-label') ?? active.textContent ?? '').replace(/\s+/g, ' ') : null;
  });
  const order: (string | null)[] = [];
  order.push(await focused());
  for (let i = 0; i < 5; i += 1) {
    await page.keyboard.press('Tab');
    order.push(await focused());
  }
  expect(order).toEqual(['Открыть Сферум', 'Как перенести чат класса', 'Текст для родителей', 'Это личная переписка', 'Свернуть подсказку', 'Закрыть подсказку']);
  await page.keyboard.press('Enter');
  await expect(page.locator(NUDGE_ELEMENT)).toHaveCount(0);
});

test("a page script's synthetic clicks do nothing and count nothing", async () => {
  const page = await openTelegram();
  const pagesBefore = browser.context.pages().length;
  await page.evaluate((name) => {
    const root = document.querySelector(name)?.shadowRoot;
    for (const control of root?.querySelectorAll<HTMLElement>('a, button') ?? []) control.click();
    root?.querySelector('section')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  }, NUDGE_ELEMENT);
  await settle(page);
  await expect(nudge(page)).toBeVisible();
  expect(browser.context.pages()).toHaveLength(pagesBefore);
  expect(await todayCounts(browser.worker)).toEqual({ telegram: { opened: 1, nudge_shown: 1 } });
});

test('typed text survives the nudge and all its buttons; the page is never reloaded', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://web.whatsapp.com/');
  await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
  await page.locator('#draft').fill('Завтра урок в 9:00');
  await expect(nudge(page)).toBeVisible();
  await page.locator('#draft').pressSequentially(', не опаздывайте');
  // Typing in the page folds the nudge; reopened, every button leaves the draft alone.
  await nudge(page).getByRole('button', { name: 'Подсказка', exact: true }).click();

  await Promise.all([browser.context.waitForEvent('page'), nudge(page).getByRole('link', { name: 'Открыть Сферум' }).click()]);
  await Promise.all([browser.context.waitForEvent('page'), nudge(page).getByRole('button', { name: 'Как перенести чат класса' }).click()]);
  await page.bringToFront();
  await nudge(page).getByRole('button', { name: 'Это личная переписка' }).click();

  await expect(page.locator('#draft')).toHaveValue('Завтра урок в 9:00, не опаздывайте');
  expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
  await expect(page).toHaveURL('https://web.whatsapp.com/');
  // Nothing covers the page's own controls any more.
  await page.locator('#menu').click({ trial: true });
  await page.locator('#search').fill('5 Б');
});

test("the page's CSS cannot reach the nudge", async () => {
  const page = await openTelegram();
  await page.addStyleTag({ content: '* { color: rgb(204, 0, 0) !important; font-size: 40px !important; display: inline !important; } button { visibility: hidden !important; }' });
  const rule = nudge(page).locator('p');
  await expect(rule).not.toHaveCSS('color', 'rgb(204, 0, 0)');
  await expect(rule).toHaveCSS('font-size', '15px');
  await expect(nudge(page).getByRole('button', { name: 'Это личная переписка' })).toBeVisible();
});

test('at 200 % zoom the nudge stays readable and leaves most of the page free', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 640, height: 360 }); // a 1280×720 screen at 200 %
  await page.goto('https://web.telegram.org/k/');
  await expect(nudge(page)).toBeVisible();
  const box = (await nudge(page).boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(640);
  expect(box.height).toBeLessThanOrEqual(180);
  for (const name of ['Закрыть подсказку', 'Это личная переписка']) await expect(nudge(page).getByRole('button', { name })).toBeInViewport();
  await page.screenshot({ path: screenshotPath('banner-200-percent.png') });
});

test("a page's script cannot redirect «Открыть Сферум»: the extension opens the policy's address, whatever the link's href says", async () => {
  const page = await openTelegram();
  await page.evaluate((name) => {
    const link = document.querySelector(name)?.shadowRoot?.querySelector('a.primary') as HTMLAnchorElement;
    link.href = 'https://evil.example/';
  }, NUDGE_ELEMENT);
  const [opened] = await Promise.all([browser.context.waitForEvent('page'), nudge(page).getByRole('link', { name: 'Открыть Сферум' }).click()]);
  await expect(opened).toHaveURL('https://sferum.ru/');
  await expect(page).toHaveURL('https://web.telegram.org/k/');
  await expect.poll(() => todayCounts(browser.worker)).toEqual({ telegram: { opened: 1, nudge_shown: 1, alternative_opened: 1 } });
});

test('a banner the page removes before it is ever on screen is not counted as shown', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript((name) => {
    if (location.hostname !== 'web.telegram.org') return;
    new MutationObserver((_, observer) => {
      const banner = document.querySelector(name);
      if (!banner) return;
      banner.remove();
      observer.disconnect();
      (window as { bannerRemoved?: boolean }).bannerRemoved = true;
    }).observe(document, { childList: true, subtree: true });
  }, NUDGE_ELEMENT);
  await page.goto('https://web.telegram.org/k/');
  await expect.poll(() => page.evaluate(() => (window as { bannerRemoved?: boolean }).bannerRemoved === true)).toBe(true);
  // The same tab then shows a banner that stays: its nudge_shown arrives after whatever the first page sent.
  await page.goto('https://web.whatsapp.com/');
  await expect(nudge(page)).toBeVisible();
  await expect.poll(() => todayCounts(browser.worker)).toEqual({ telegram: { opened: 1 }, whatsapp: { opened: 1, nudge_shown: 1 } });
});
