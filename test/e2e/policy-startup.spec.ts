import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launchChromium } from './support/chromium';
import { removeManagedPolicy, writeManagedPolicy } from './support/managed-policy';
import { banner } from './fixtures/banner';
import { serveFixturePages } from './fixtures/serve';

/**
 * Chromium answers storage.managed only seconds after it starts. A teacher whose browser opens
 * straight onto a messenger must still get the district's policy on that very first page: on a
 * profile's first start (no policy seen yet) and after a restart (the last policy kept).
 */
const GUIDE = /^chrome-extension:\/\/[a-p0-9-]+\/guide\.html\?messenger=whatsapp&reason=blocked$/;
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
let profile: string | undefined;

test.beforeAll(() => removeManagedPolicy());
test.afterEach(async () => {
  try {
    await browser?.close();
  } finally {
    browser = undefined;
    removeManagedPolicy();
    if (profile) rmSync(profile, { recursive: true, force: true });
    profile = undefined;
  }
});

/** Starts Chromium with this policy and goes to the messenger in its first tab at once, without waiting for the extension. */
async function startStraightOnto(url: string, policy: Record<string, unknown>, userDataDir?: string): Promise<Page> {
  writeManagedPolicy(policy);
  browser = await launchChromium({ userDataDir, extraArgs: ['--lang=ru'] });
  await serveFixturePages(browser.context);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(url).catch(() => undefined);
  return page;
}

test('a fresh browser in inform mode shows the banner on the very first messenger page', async () => {
  const page = await startStraightOnto('https://web.whatsapp.com/', { mode: 'inform', message: { ru: 'Чаты класса — в Сферуме' } });
  await expect.poll(() => banner(page).isVisible(), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => banner(page).text()).toContain('Чаты класса — в Сферуме');
});

test('a fresh browser in block mode does not let the very first messenger page through', async () => {
  const page = await startStraightOnto('https://web.whatsapp.com/', { mode: 'block' });
  await expect(page).toHaveURL(GUIDE, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('after a restart the last policy applies from the first page, and a changed policy is followed when it arrives', async () => {
  profile = mkdtempSync(join(tmpdir(), 'podskazka-restart-'));
  const first = await startStraightOnto('https://web.whatsapp.com/', { mode: 'inform' }, profile);
  await expect.poll(() => banner(first).isVisible(), { timeout: 20_000 }).toBe(true);
  await browser!.close();

  // the district switched to block mode while the browser was closed
  const page = await startStraightOnto('https://web.whatsapp.com/', { mode: 'block' }, profile);
  await expect(page).toHaveURL(GUIDE, { timeout: 20_000 });
  await page.goto('https://web.telegram.org/k/').catch(() => undefined);
  await expect(page).toHaveURL(/guide\.html\?messenger=telegram&reason=blocked$/);
});
