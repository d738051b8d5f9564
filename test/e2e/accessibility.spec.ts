import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { EXTENSION_ID, extensionWorker, launchChromium } from './support/chromium';
import { launchWithFixtures, type ExtensionBrowser } from './fixtures/launch';
import { banner, interstitial, INTERSTITIAL_ELEMENT, type ClosedUi } from './fixtures/banner';
import { NUDGE_ELEMENT } from './fixtures/nudge';
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

/**
 * axe cannot enter a closed shadow root, so for Podskazka's own UI it checks a copy: the root's
 * style and markup as rendered at that moment, built into an open root the way mount-shadow-ui.ts
 * builds the real one, in the same place on the same fixture page at a quiet address (where the
 * extension shows nothing). The copy is held to the original: the same accessibility tree (every
 * role, name and text, as Chromium computes them) and the same box on screen.
 */
async function seriousViolationsOfCopy(context: BrowserContext, page: Page, ui: (page: Page) => ClosedUi, hostName: string): Promise<string[]> {
  const root = await ui(page).root();
  const rendered = await root.evaluate((root) => ({
    css: root.querySelector('style')?.textContent ?? '',
    body: root.querySelector('body')?.innerHTML ?? '',
    inBody: root.host.parentElement === root.host.ownerDocument.body,
  }));
  const copy = await context.newPage();
  await copy.setViewportSize(page.viewportSize()!);
  await copy.goto('https://example.org/');
  await copy.evaluate(({ hostName, css, body, inBody }) => {
    const host = document.createElement(hostName);
    const shadow = host.attachShadow({ mode: 'open' });
    const html = document.createElement('html');
    const style = document.createElement('style');
    style.textContent = css;
    const container = document.createElement('body');
    container.innerHTML = body;
    html.append(style, container);
    shadow.append(html);
    if (inBody) document.body.prepend(host);
    else document.documentElement.append(host);
  }, { hostName, ...rendered });
  const original = await ui(page).accessibilityTree();
  expect(original.length).toBeGreaterThan(0);
  expect(await ui(copy).accessibilityTree()).toEqual(original);
  expect(await ui(copy).boundingBox()).toEqual(await ui(page).boundingBox());
  const violations = await seriousViolations(copy, hostName);
  await copy.close();
  return violations;
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
    await expect.poll(() => banner(page).isVisible()).toBe(true);
    expect(await seriousViolationsOfCopy(browser.context, page, banner, NUDGE_ELEMENT)).toEqual([]);
    await banner(page).button('Свернуть подсказку').click();
    await expect.poll(() => banner(page).button('Подсказка').isVisible()).toBe(true);
    expect(await seriousViolationsOfCopy(browser.context, page, banner, NUDGE_ELEMENT)).toEqual([]);
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
    await expect.poll(() => interstitial(page).isVisible()).toBe(true);
    expect(await seriousViolationsOfCopy(browser.context, page, interstitial, INTERSTITIAL_ELEMENT)).toEqual([]);
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
    await expect.poll(() => banner(page).link('Открыть Сферум').isVisible()).toBe(true);
  } finally {
    await browser.close();
  }
});
