import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';

export const EXTENSION_ID = 'leiigdjfeefjmcnfndecnklanfbdneep';
export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** Load the built extension unpacked (default); false for force-install by policy. */
  loadExtension?: boolean;
  /** Reuse a profile, e.g. to restart the browser with counts pending. */
  userDataDir?: string;
  extraArgs?: string[];
}

/** Debian's Chromium with the built extension, in a fresh or given profile. */
export async function launchChromium(options: LaunchOptions = {}): Promise<{ context: BrowserContext; userDataDir: string; close: () => Promise<void> }> {
  const ownsProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'podskazka-profile-'));
  const args = [...CHROMIUM_FLAGS, ...(options.extraArgs ?? [])];
  if (options.loadExtension !== false) args.push(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: false, // the flag above selects the new headless mode, which runs extensions
    args,
    ignoreDefaultArgs: ['--disable-extensions', '--headless'],
  });
  return {
    context,
    userDataDir,
    close: async () => {
      await context.close();
      if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker, waiting for it to start. */
export async function extensionWorker(context: BrowserContext) {
  const existing = context.serviceWorkers().find((worker) => worker.url().startsWith(`chrome-extension://${EXTENSION_ID}/`));
  return existing ?? context.waitForEvent('serviceworker', { predicate: (worker) => worker.url().startsWith(`chrome-extension://${EXTENSION_ID}/`) });
}
