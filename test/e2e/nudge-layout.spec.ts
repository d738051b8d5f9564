import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { PAGE_CONTROLS } from '../../components/nudge/page-room';
import { CLIENT_LAYOUTS, clientLayoutPage } from './fixtures/client-layouts';
import { launchWithFixtures, type ExtensionBrowser } from './fixtures/launch';
import { banner } from './fixtures/banner';
import { NUDGE_ELEMENT, todayCounts } from './fixtures/nudge';
import { screenshotPath } from './support/screenshots';

/**
 * The banner on pages laid out like the real clients, at a laptop's 1366×768, a school netbook's
 * 1024×600, and that netbook at 200 % zoom (a 512×300 CSS-pixel window drawn at scale 2, which is
 * what browser zoom does to layout).
 */
const SIZES = [
  { name: '1366×768', width: 1366, height: 768, scale: 1 },
  { name: '1024×600', width: 1024, height: 600, scale: 1 },
  { name: '1024×600 at 200 %', width: 512, height: 300, scale: 2 },
];

let browser: ExtensionBrowser;
test.beforeAll(async () => {
  browser = await launchWithFixtures();
});
test.afterAll(async () => {
  await browser.close();
});

/** The labels of page controls that the nudge lies on top of (checked at their corners and centre). */
function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ selector, nudgeElement }) => {
      const covered: string[] = [];
      for (const control of document.querySelectorAll(selector)) {
        const rect = control.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue;
        const points = [
          [rect.left + 2, rect.top + 2],
          [rect.right - 2, rect.top + 2],
          [rect.left + 2, rect.bottom - 2],
          [rect.right - 2, rect.bottom - 2],
          [(rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2],
        ];
        const onTop = points.some(([x, y]) => document.elementFromPoint(x!, y!)?.localName === nudgeElement);
        if (onTop) covered.push(control.getAttribute('aria-label') ?? control.textContent ?? control.localName);
      }
      return covered;
    },
    { selector: PAGE_CONTROLS, nudgeElement: NUDGE_ELEMENT },
  );
}

/** Every button and link of the nudge can be scrolled to and receives a click there (Playwright's actionability checks). */
async function expectEveryActionReachable(page: Page) {
  const actions = await banner(page).all('a, button');
  expect(actions.length).toBeGreaterThan(0);
  for (const action of actions) await action.click({ trial: true, timeout: 5000 });
}

/** Through the same DevTools session as the emulated size: Playwright's own screenshot would reset it. */
async function screenshotAsEmulated(cdp: CDPSession, name: string) {
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
  const path = screenshotPath(name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.from(data, 'base64'));
}

const sessions = new WeakMap<Page, CDPSession>();

async function openAt(layout: (typeof CLIENT_LAYOUTS)[number], size: (typeof SIZES)[number]): Promise<Page> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  sessions.set(page, cdp);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: size.width, height: size.height, deviceScaleFactor: size.scale, mobile: false });
  await page.route(`${new URL(layout.url).origin}/**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: clientLayoutPage(layout) }));
  await page.goto(layout.url);
  await expect.poll(() => banner(page).isVisible()).toBe(true);
  return page;
}

for (const layout of CLIENT_LAYOUTS) {
  for (const size of SIZES) {
    test(`${layout.name} at ${size.name}: the message box is never covered, no control stays covered after the first click, every action is reachable`, async () => {
      const page = await openAt(layout, size);
      const composer = page.locator('#composer');
      expect(await coveredControls(page)).not.toContain('Сообщение');
      await expectEveryActionReachable(page);

      // The teacher clicks into the message box and types: the nudge steps aside and the text stays.
      await composer.click();
      await page.keyboard.type('Добрый вечер');
      await expect.poll(() => banner(page).button('Подсказка').isVisible()).toBe(true);
      await expect(composer).toHaveText('Добрый вечер');
      expect(await coveredControls(page)).toEqual([]);
      await expectEveryActionReachable(page);

      // Reopened, it offers everything again; Esc folds it and the keyboard is back in the message box.
      await banner(page).button('Подсказка').click();
      await expect.poll(() => banner(page).link('Открыть Сферум').isFocused()).toBe(true);
      expect(await coveredControls(page)).not.toContain('Сообщение');
      await expectEveryActionReachable(page);
      await page.keyboard.press('Escape');
      await expect(composer).toBeFocused();
      expect(await coveredControls(page)).toEqual([]);

      if (layout.name === 'Telegram Web' && size.scale === 2) {
        await banner(page).button('Подсказка').click();
        await screenshotAsEmulated(sessions.get(page)!, 'banner-netbook-200.png');
        await composer.click();
        await screenshotAsEmulated(sessions.get(page)!, 'banner-collapsed-netbook-200.png');
      }
      if (layout.name === 'WhatsApp Web' && size.width === 1366) {
        await banner(page).button('Подсказка').click();
        await page.screenshot({ path: screenshotPath('banner-whatsapp-layout.png') });
      }
      await page.close();
    });
  }
}

test('collapsing is not closing: nothing is counted as dismissed and the nudge comes back on the next page', async () => {
  const [layout] = CLIENT_LAYOUTS;
  const page = await openAt(layout!, SIZES[0]!);
  const before = (await todayCounts(browser.worker)).telegram?.dismissed ?? 0;
  await banner(page).button('Свернуть подсказку').click();
  await expect.poll(() => banner(page).button('Подсказка').isVisible()).toBe(true);
  await page.reload();
  await expect.poll(() => banner(page).link('Открыть Сферум').isVisible()).toBe(true);
  expect((await todayCounts(browser.worker)).telegram?.dismissed ?? 0).toBe(before);
  await expect.poll(() => banner(page).first('[aria-live="polite"]').text()).toContain('иностранный мессенджер');
  await page.close();
});
