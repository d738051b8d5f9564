import { expect, test } from '@playwright/test';
import { EXTENSION_ID, extensionWorker, launchChromium } from './support/chromium';

test('the built extension loads in Chromium with its fixed id', async () => {
  const browser = await launchChromium();
  try {
    const worker = await extensionWorker(browser.context);
    expect(worker.url()).toBe(`chrome-extension://${EXTENSION_ID}/background.js`);
  } finally {
    await browser.close();
  }
});
