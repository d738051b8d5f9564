import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Collector tests start processes and databases; a slow CI machine must not turn that into a failure.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
