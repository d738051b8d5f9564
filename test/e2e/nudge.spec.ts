import { expect, test, type BrowserContext, type Worker } from '@playwright/test';
import { extensionWorker, launchChromium } from './support/chromium';
import { nudge, todayCounts } from './fixtures/nudge';
import { serveFixturePages } from './fixtures/serve';

let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let worker: Worker;

// A Russian school computer: Chromium on Linux takes its UI language from the environment.
process.env.LANGUAGE = 'ru';

test.beforeEach(async () => {
  browser = await launchChromium({ extraArgs: ['--lang=ru'] });
  context = browser.context;
  worker = await extensionWorker(context);
  await serveFixturePages(context);
});
test.afterEach(async () => {
  await browser.close();
});

test('smoke: the nudge appears on Telegram Web and is counted', async () => {
  const page = await context.newPage();
  await page.goto('https://web.telegram.org/k/');
  await expect(nudge(page)).toBeVisible();
  await expect.poll(() => todayCounts(worker)).toEqual({ telegram: { opened: 1, nudge_shown: 1 } });
});
