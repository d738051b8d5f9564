import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';

/**
 * Chromium on a profile with no extension flags, as on a school computer. Background networking
 * stays on: it is what fetches updates.xml and the CRX the machine policy names.
 */
export function launchPolicyChromium(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    args: CHROMIUM_FLAGS.filter((flag) => flag !== '--disable-background-networking'),
    ignoreDefaultArgs: ['--disable-extensions', '--headless', '--disable-background-networking'],
  });
}

/** Waits until the policy has unpacked `extensionId` into the profile; returns its folder name ("1.0.0_0"). */
export async function waitForPolicyInstall(userDataDir: string, extensionId: string, timeoutMs = 60_000): Promise<string> {
  const installed = join(userDataDir, 'Default', 'Extensions', extensionId);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const version = existsSync(installed) ? readdirSync(installed).find((dir) => existsSync(join(installed, dir, 'manifest.json'))) : undefined;
    if (version) return version;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${extensionId} was not installed from policy within ${timeoutMs} ms`);
}

/** Waits until the browser has removed `extensionId` from the profile (its policy withdrawn). */
export async function waitForPolicyRemoval(userDataDir: string, extensionId: string, timeoutMs = 30_000): Promise<void> {
  const installed = join(userDataDir, 'Default', 'Extensions', extensionId);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!existsSync(installed) || readdirSync(installed).length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${extensionId} was still installed ${timeoutMs} ms after its policy was removed`);
}
