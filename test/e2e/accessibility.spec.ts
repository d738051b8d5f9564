import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { EXTENSION_ID, extensionWorker, launchChromium } from './support/chromium';
import { launchWithFixtures, type ExtensionBrowser } from './fixtures/launch';
import { nudge } from './fixtures/nudge';
import { serveFixturePages } from './fixtures/serve';

const extensionPage = (path: string) => `chrome-extension://${EXTENSION_ID}/${path}`;

/** axe-core's serious and critical findings, each as "rule: target" so a failure names the element. */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

test.describe('axe-core finds no serious or critical violation', () => {
  let browser: ExtensionBrowser;
  test.beforeAll(async () => {
    browser = await launchWithFixtures();
  });
  test.afterAll(async () => {
    await browser.close();
  });

  test('on the banner, open and folded', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://web.telegram.org/k/');
    await expect(nudge(page)).toBeVisible();
    expect(await seriousViolations(page, 'podskazka-nudge')).toEqual([]);
    await nudge(page).getByRole('button', { name: 'Свернуть подсказку' }).click();
    await expect(nudge(page).getByRole('button', { name: 'Подсказка', exact: true })).toBeVisible();
    expect(await seriousViolations(page, 'podskazka-nudge')).toEqual([]);
  });

  for (const path of ['guide.html', 'guide.html?lang=en', 'popup.html', 'options.html']) {
    test(`on ${path}`, async () => {
      const page = await browser.context.newPage();
      await page.goto(extensionPage(path));
      await expect(page.locator('h1')).toBeVisible();
      if (path.startsWith('guide')) {
        await page.locator('input[name="class"]').fill('5 Б');
        await page.locator('input[name="link"]').fill('https://web.max.ru/join/abc');
        await expect(page.locator('.sheet img')).toBeVisible();
      }
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('on the confirm-mode interstitial', async () => {
    const { worker } = browser;
    await worker.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome;
      await chrome.storage.local.set({ options: { locale: 'ru', mode: 'confirm' } });
    });
    const page = await browser.context.newPage();
    await page.goto('https://web.whatsapp.com/');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    expect(await seriousViolations(page, 'podskazka-interstitial')).toEqual([]);
  });
});

test('on a browser whose interface is English, a policy without a locale gives a Russian banner', async () => {
  const browser = await launchChromium({ extraArgs: ['--lang=en-US'] });
  try {
    const worker = await extensionWorker(browser.context);
    expect(await worker.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage())).toMatch(/^en/);
    await serveFixturePages(browser.context);
    const page = await browser.context.newPage();
    await page.goto('https://web.telegram.org/k/');
    await expect(nudge(page).getByRole('link', { name: 'Открыть Сферум' })).toBeVisible();
  } finally {
    await browser.close();
  }
});
