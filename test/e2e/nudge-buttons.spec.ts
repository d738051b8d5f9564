import { expect, test, type Page } from '@playwright/test';
import { EXTENSION_ID } from './support/chromium';
import { screenshotPath } from './support/screenshots';
import { launchWithFixtures, type ExtensionBrowser } from './fixtures/launch';
import { banner } from './fixtures/banner';
import { NUDGE_ELEMENT, settle, todayCounts } from './fixtures/nudge';

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
  await expect.poll(() => banner(page).isVisible()).toBe(true);
  return page;
}

test('"Открыть Сферум" opens Sferum in a new tab and is counted; the page stays', async () => {
  const page = await openTelegram();
  const [sferum] = await Promise.all([browser.context.waitForEvent('page'), banner(page).link('Открыть Сферум').click()]);
  await expect(sferum).toHaveURL('https://sferum.ru/');
  await expect(page).toHaveURL('https://web.telegram.org/k/');
  await expect.poll(() => todayCounts(browser.worker)).toEqual({ telegram: { opened: 1, nudge_shown: 1, alternative_opened: 1 } });
});

test('"Как перенести чат класса" opens the guide page in a new tab', async () => {
  const page = await openTelegram();
  const [guide] = await Promise.all([browser.context.waitForEvent('page'), banner(page).button('Как перенести чат класса').click()]);
  await expect(guide).toHaveURL(`chrome-extension://${EXTENSION_ID}/guide.html`);
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText('Как перенести чат класса в Сферум');
  await expect(page).toHaveURL('https://web.telegram.org/k/');
});

test('"Это личная переписка" says until when it stays quiet, is counted, and the snooze holds for that messenger only', async () => {
  const page = await openTelegram();
  await banner(page).button('Это личная переписка').click();
  // An hour (the default quiet time) from the click, which happened a moment ago.
  const clock = (offsetMinutes: number) => new Date(Date.now() + offsetMinutes * 60_000).toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });
  const until = `(${clock(59)}|${clock(60)})`;
  await expect.poll(() => banner(page).first('[aria-live="polite"]').text()).toMatch(new RegExp(`^Это\\sличная\\sпереписка\\.\\sНе\\sнапомню\\sдо\\s(завтра,\\s)?${until}\\.$`));
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
  await expect.poll(() => banner(page).isVisible()).toBe(true);
});

test('the close button closes the nudge, counts it and snoozes it; Esc only folds it and gives the keyboard back', async () => {
  const page = await openTelegram();
  await banner(page).button('Закрыть подсказку').click();
  await expect(page.locator(NUDGE_ELEMENT)).toHaveCount(0);

  await page.goto('https://discord.com/channels/@me');
  await expect.poll(() => banner(page).isVisible()).toBe(true);
  await page.locator('#menu').focus();
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => banner(page).button('Закрыть подсказку').isFocused()).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.locator('#menu')).toBeFocused();
  await expect.poll(() => banner(page).button('Подсказка').isVisible()).toBe(true);
  await banner(page).button('Подсказка').click();
  await banner(page).button('Закрыть подсказку').click();
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
  await expect.poll(() => banner(page).button('Подсказка').isVisible()).toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const order: (string | null)[] = [];
  order.push(await banner(page).focusedControl());
  for (let i = 0; i < 5; i += 1) {
    await page.keyboard.press('Tab');
    order.push(await banner(page).focusedControl());
  }
  expect(order).toEqual(['Открыть Сферум', 'Как перенести чат класса', 'Текст для родителей', 'Это личная переписка', 'Свернуть подсказку', 'Закрыть подсказку']);
  await page.keyboard.press('Enter');
  await expect(page.locator(NUDGE_ELEMENT)).toHaveCount(0);
});

test('synthetic clicks and keys on the controls do nothing and count nothing', async () => {
  const page = await openTelegram();
  const pagesBefore = browser.context.pages().length;
  // The page's scripts cannot reach the controls (see below); whatever script could gets no further.
  const root = await banner(page).root();
  await root.evaluate((root) => {
    for (const control of root.querySelectorAll<HTMLElement>('a, button')) control.click();
    root.querySelector('section')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
  await settle(page);
  await expect.poll(() => banner(page).isVisible()).toBe(true);
  expect(browser.context.pages()).toHaveLength(pagesBefore);
  expect(await todayCounts(browser.worker)).toEqual({ telegram: { opened: 1, nudge_shown: 1 } });
});

test('typed text survives the nudge and all its buttons; the page is never reloaded', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://web.whatsapp.com/');
  await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
  await page.locator('#draft').fill('Завтра урок в 9:00');
  await expect.poll(() => banner(page).isVisible()).toBe(true);
  await page.locator('#draft').pressSequentially(', не опаздывайте');
  // Typing in the page folds the nudge; reopened, every button leaves the draft alone.
  await banner(page).button('Подсказка').click();

  await Promise.all([browser.context.waitForEvent('page'), banner(page).link('Открыть Сферум').click()]);
  await Promise.all([browser.context.waitForEvent('page'), banner(page).button('Как перенести чат класса').click()]);
  await page.bringToFront();
  await banner(page).button('Это личная переписка').click();

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
  const rule = banner(page).first('p');
  await expect.poll(() => rule.style('font-size')).toBe('15px');
  expect(await rule.style('color')).not.toBe('rgb(204, 0, 0)');
  await expect.poll(() => banner(page).button('Это личная переписка').isVisible()).toBe(true);
});

test('at 200 % zoom the nudge stays readable and leaves most of the page free', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 640, height: 360 }); // a 1280×720 screen at 200 %
  await page.goto('https://web.telegram.org/k/');
  await expect.poll(() => banner(page).isVisible()).toBe(true);
  const box = (await banner(page).boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(640);
  expect(box.height).toBeLessThanOrEqual(180);
  for (const name of ['Закрыть подсказку', 'Это личная переписка']) await expect.poll(() => banner(page).button(name).isInViewport()).toBe(true);
  await page.screenshot({ path: screenshotPath('banner-200-percent.png') });
});

test("the messenger page's own script cannot read, rewrite or click the banner; the teacher's click still opens Sferum", async () => {
  const page = await browser.context.newPage();
  // The page's script at the first moment it can see the banner, trying what an open root allowed.
  await page.addInitScript((name) => {
    if (location.hostname !== 'web.telegram.org') return;
    new MutationObserver((_, observer) => {
      const host = document.querySelector(name);
      if (!host) return;
      observer.disconnect();
      const seen = { shadowRoot: host.shadowRoot, text: host.textContent, links: document.querySelectorAll('a[href*="sferum"]').length, reattached: 'yes' };
      try {
        host.attachShadow({ mode: 'open' });
      } catch (error) {
        seen.reattached = (error as DOMException).name;
      }
      host.innerHTML = '<a href="https://evil.example/">Открыть Сферум</a>';
      (window as { seen?: typeof seen }).seen = seen;
    }).observe(document, { childList: true, subtree: true });
  }, NUDGE_ELEMENT);
  await page.goto('https://web.telegram.org/k/');
  await expect.poll(() => banner(page).isVisible()).toBe(true);
  expect(await page.evaluate(() => (window as { seen?: object }).seen)).toEqual({ shadowRoot: null, text: '', links: 0, reattached: 'NotSupportedError' });
  // What the page wrote into the host is never drawn: the banner still shows its own link.
  expect(await banner(page).text()).toContain('иностранный мессенджер');
  expect(await banner(page).link('Открыть Сферум').attribute('href')).toBe('https://sferum.ru');

  // Where the link is drawn, the page finds only the host, and clicking that does nothing.
  const link = (await banner(page).link('Открыть Сферум').boundingBox())!;
  const pagesBefore = browser.context.pages().length;
  const hit = await page.evaluate(({ x, y }) => {
    const target = document.elementFromPoint(x, y) as HTMLElement | null;
    target?.click();
    return target?.localName;
  }, { x: link.x + link.width / 2, y: link.y + link.height / 2 });
  expect(hit).toBe(NUDGE_ELEMENT);
  await settle(page);
  expect(browser.context.pages()).toHaveLength(pagesBefore);

  const [opened] = await Promise.all([browser.context.waitForEvent('page'), banner(page).link('Открыть Сферум').click()]);
  await expect(opened).toHaveURL('https://sferum.ru/');
  await expect.poll(() => todayCounts(browser.worker)).toEqual({ telegram: { opened: 1, nudge_shown: 1, alternative_opened: 1 } });
});

test("a rewritten href does not redirect «Открыть Сферум»: the extension opens the policy's address", async () => {
  const page = await openTelegram();
  // Through DevTools, standing in for anything that might still reach the banner's DOM.
  const root = await banner(page).root();
  await root.evaluate((root) => {
    (root.querySelector('a.primary') as HTMLAnchorElement).href = 'https://evil.example/';
  });
  const [opened] = await Promise.all([browser.context.waitForEvent('page'), banner(page).link('Открыть Сферум').click()]);
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
  await expect.poll(() => banner(page).isVisible()).toBe(true);
  await expect.poll(() => todayCounts(browser.worker)).toEqual({ telegram: { opened: 1 }, whatsapp: { opened: 1, nudge_shown: 1 } });
});
