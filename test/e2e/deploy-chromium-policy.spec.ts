import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, expect, test } from '@playwright/test';
import { DEV_KEY_PATH } from '../../deploy/extension-id';
import { packageKit } from '../../deploy/package-kit';
import { policyFiles } from '../../deploy/policy-files';
import { EXTENSION_DIR, EXTENSION_ID, extensionWorker } from './support/chromium';
import { serveFiles } from './support/deploy-kit-server';
import { launchPolicyChromium, waitForPolicyInstall, waitForPolicyRemoval } from './support/deploy-policy-install';

/**
 * What an IT person does on a Linux school computer: serve the CRX and updates.xml, drop the
 * generated Chromium policy file in /etc/chromium/policies/managed/, start the browser. No
 * --load-extension: the extension must arrive from the policy alone, with the district's settings.
 */

/** The bits of the extension API the checks use, typed here because the test file runs in Node. */
interface ChromeApi {
  storage: { managed: { get: (keys: null) => Promise<Record<string, unknown>> } };
  management: { getSelf: () => Promise<{ installType: string }> };
}
declare const chrome: ChromeApi;

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const districtSettings = {
  mode: 'confirm' as const,
  orgId: 'school-42',
  snoozeMinutes: 15,
  message: { ru: 'Пожалуйста, пишите родителям в Сферуме.' },
};

async function openMessenger(context: BrowserContext) {
  await context.route('https://web.whatsapp.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>WhatsApp</title><h1>WhatsApp Web</h1>' }),
  );
  const page = await context.newPage();
  await page.goto('https://web.whatsapp.com/');
  return page;
}

test('Chromium force-installs the signed CRX from the generated policy file, applies the district settings, and removes it when the file goes', async () => {
  test.setTimeout(120_000);
  const served = new Map<string, { contents: Buffer; contentType: string }>();
  const server = await serveFiles(served);
  const kit = packageKit({ chromeDir: EXTENSION_DIR, privateKeyPem: readFileSync(DEV_KEY_PATH), codebase: `${server.origin}/kit/` });
  for (const file of kit.files) {
    served.set(`/kit/${file.path}`, {
      contents: file.contents,
      contentType: file.path.endsWith('.crx') ? 'application/x-chrome-extension' : 'text/xml',
    });
  }
  const chromiumFile = policyFiles({ config: districtSettings, extensionId: kit.extensionId, updateUrl: kit.updateUrl }).find(
    (file) => file.path === 'linux/chromium/podskazka.json',
  );
  if (!chromiumFile) throw new Error('no Chromium policy file generated');
  const policyPath = join(POLICY_DIR, chromiumFile.installTo.split('/').pop() ?? 'podskazka.json');
  // Chrome keeps DevTools (and so Playwright) out of policy-installed extensions by default;
  // the test alone allows it, in its own file, so it can read the extension's storage.
  const devToolsPath = join(POLICY_DIR, 'podskazka-e2e-devtools.json');
  const userDataDir = mkdtempSync(join(tmpdir(), 'podskazka-policy-profile-'));
  let context: BrowserContext | undefined;
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(policyPath, chromiumFile.contents);
    writeFileSync(devToolsPath, JSON.stringify({ DeveloperToolsAvailability: 1 }));
    expect(kit.extensionId).toBe(EXTENSION_ID);

    context = await launchPolicyChromium(userDataDir);
    const installed = await waitForPolicyInstall(userDataDir, EXTENSION_ID);
    expect(installed.startsWith(`${kit.version}_`)).toBe(true);
    expect(server.hits.get('/kit/updates.xml')).toBeGreaterThan(0);
    expect(server.hits.get(`/kit/podskazka-${kit.version}.crx`)).toBe(1);
    // Unpacked is not yet installed: closing the browser before the extension runs can cut the install short.
    await extensionWorker(context);
    await context.close();

    // The next morning the browser starts again, still with no extension flags.
    context = await launchPolicyChromium(userDataDir);
    // A teacher opens a chat well after the browser has started its extensions; the test waits for that too.
    await extensionWorker(context);
    const messenger = await openMessenger(context);
    // mode "confirm" from the district: the full-page interstitial, not the default banner.
    await expect(messenger.locator('podskazka-interstitial')).toHaveCount(1, { timeout: 15_000 });

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    await expect(popup.locator('body')).toContainText(/Подсказка|Podskazka/);
    // The kit writes Russian unless the district chose another language.
    expect(await popup.evaluate(() => chrome.storage.managed.get(null))).toEqual({ locale: 'ru', ...districtSettings });
    // Installed by the administrator: the teacher cannot remove or switch it off.
    expect(await popup.evaluate(() => chrome.management.getSelf().then((self) => self.installType))).toBe('admin');
    await context.close();

    // Removing, as docs/deploy.md says: delete the policy file and start the browser again.
    rmSync(policyPath, { force: true });
    context = await launchPolicyChromium(userDataDir);
    await waitForPolicyRemoval(userDataDir, EXTENSION_ID);
    const after = await openMessenger(context);
    await expect(after.locator('h1')).toHaveText('WhatsApp Web');
    await expect(after.locator('podskazka-interstitial, podskazka-nudge')).toHaveCount(0);
  } finally {
    rmSync(policyPath, { force: true });
    rmSync(devToolsPath, { force: true });
    await context?.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
