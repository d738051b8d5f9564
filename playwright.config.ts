import { defineConfig } from '@playwright/test';

/** One worker: Chromium's managed policy directory is machine-wide, so extension tests run one at a time. */
export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'off' },
});
