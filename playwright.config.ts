import { defineConfig } from '@playwright/test';

/** One worker: Chromium's managed policy directory is machine-wide, so extension tests run one at a time. */
export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  // Waits are for conditions; a busy machine may take longer than Playwright's 5 s to meet one
  // (managed storage alone answers about 2.5 s after Chromium starts).
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'off' },
});
