import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import { DEV_EXTENSION_ID } from '../../deploy/extension-id';
import { policyFiles } from '../../deploy/policy-files';
import { zipDirectory } from '../../deploy/zip';
import {
  buildFirefoxExtension,
  closedShadowText,
  FIREFOX_EXTENSION_DIR,
  launchFirefox,
  removeFirefoxPolicies,
  startFixtureProxy,
  writeFirefoxPolicies,
} from './support/firefox';

/**
 * Real Firefox ESR from Debian (scripts/ensure-test-env.sh), driven over WebDriver BiDi with
 * puppeteer-core. Its machine-wide policies.json is written by the deploy kit's generator.
 */

const WHATSAPP = 'http://web.whatsapp.com/';
const districtAlternative = {
  name: 'Школьный чат района',
  url: 'https://chat.district.example',
  instructionsUrl: 'https://chat.district.example/help',
};

let proxy: Awaited<ReturnType<typeof startFixtureProxy>>;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  buildFirefoxExtension();
  proxy = await startFixtureProxy({ 'web.whatsapp.com': '<!doctype html><title>WhatsApp</title><h1>WhatsApp Web</h1>' });
});
test.afterAll(async () => {
  removeFirefoxPolicies();
  await proxy?.close();
});
test.afterEach(() => removeFirefoxPolicies());

/** The words of Podskazka's banner, once it is on the page (in its closed shadow root). */
function bannerText(page: Page): Promise<string> {
  return closedShadowText(page, 'podskazka-nudge', '[role="region"]');
}

async function withFirefox(run: (firefox: Browser) => Promise<void>) {
  const firefox = await launchFirefox(proxy.port);
  try {
    await run(firefox);
  } finally {
    await firefox.close();
  }
}

test('Firefox ESR: the built extension, installed over WebDriver BiDi, shows the banner on a messenger', async () => {
  test.setTimeout(90_000);
  await withFirefox(async (firefox) => {
    await firefox.installExtension(FIREFOX_EXTENSION_DIR);
    const page = await firefox.newPage();
    await page.goto(WHATSAPP);
    expect(await bannerText(page)).toContain('Сферум');
    expect(await page.evaluate(() => document.querySelector('podskazka-nudge')?.shadowRoot)).toBeNull();
  });
});

test("Firefox ESR: a policies.json 3rdparty entry changes the banner to the district's alternative", async () => {
  test.setTimeout(90_000);
  const firefoxFile = policyFiles({ config: { alternative: districtAlternative }, extensionId: DEV_EXTENSION_ID, updateUrl: 'https://unused.example/updates.xml' }).find(
    (file) => file.path === 'firefox/policies.json',
  );
  writeFirefoxPolicies(firefoxFile!.contents);
  await withFirefox(async (firefox) => {
    await firefox.installExtension(FIREFOX_EXTENSION_DIR);
    const page = await firefox.newPage();
    await page.goto(WHATSAPP);
    const text = await bannerText(page);
    expect(text).toContain('Школьный чат района');
    expect(text).not.toContain('Сферум');
  });
});

test('Firefox ESR: the generated ESR policies.json alone installs the unsigned XPI and configures it', async () => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'podskazka-xpi-'));
  try {
    const xpiPath = join(dir, 'podskazka.xpi');
    writeFileSync(xpiPath, zipDirectory(FIREFOX_EXTENSION_DIR));
    const esrFile = policyFiles({
      config: { alternative: districtAlternative },
      extensionId: DEV_EXTENSION_ID,
      updateUrl: 'https://unused.example/updates.xml',
      xpiUrl: pathToFileURL(xpiPath).href,
    }).find((file) => file.path === 'firefox/policies-esr-unsigned.json');
    writeFirefoxPolicies(esrFile!.contents);
    await withFirefox(async (firefox) => {
      const page = await firefox.newPage();
      await page.goto(WHATSAPP);
      // No installExtension here: the banner can only come from the XPI the policy installed,
      // and its wording from the policy's settings. (WebDriver BiDi may not open moz-extension:// pages.)
      expect(await bannerText(page)).toContain('Школьный чат района');
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
