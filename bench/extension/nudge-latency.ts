// DOMContentLoaded → nudge in the page, median over N loads of web.telegram.org (fixture page),
// beside the floor: a throwaway extension whose content script only adds one element
// (document_idle), measured in the same run, loads alternating between the two browsers.
// Usage (the build and Chromium are shared): flock /tmp/podskazka-e2e.lock sh -c \
//   'npx wxt build && npx tsx bench/extension/nudge-latency.ts [loads=20]'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, EXTENSION_DIR, EXTENSION_ID } from '../../test/e2e/support/chromium';
import { serveFixturePages } from '../../test/e2e/fixtures/serve';

const LOADS = Number(process.argv[2] ?? 20);
const WARM_UP = 3;
const URL = 'https://web.telegram.org/k/';

function floorExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'podskazka-floor-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'floor', version: '1.0', content_scripts: [{ matches: ['*://web.telegram.org/*'], js: ['floor.js'], run_at: 'document_idle' }] }),
  );
  writeFileSync(join(dir, 'floor.js'), "const marker = document.createElement('floor-marker'); marker.textContent = 'floor'; document.body.append(marker);\n");
  return dir;
}

async function launch(extensionDir: string): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'podskazka-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    ignoreDefaultArgs: ['--disable-extensions', '--headless'],
  });
  await serveFixturePages(context);
  // Records when the element first enters the document: the nudge renders its shadow content in
  // the same task, so this is when it can be painted.
  await context.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (document.querySelector('podskazka-nudge, floor-marker')) {
        (window as unknown as { shownAt: number }).shownAt = performance.now();
        seen.disconnect();
      }
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

async function measureOnce(context: BrowserContext, selector: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(URL);
  await page.waitForSelector(selector, { state: 'attached' });
  const delay = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return (window as unknown as { shownAt: number }).shownAt - navigation.domContentLoadedEventStart;
  });
  await page.close();
  return delay;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p + 0.5))]!;
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const floorDir = floorExtension();
const podskazka = await launch(EXTENSION_DIR);
const floor = await launch(floorDir);
try {
  // The nudge must not be snoozed; a fresh profile has no snooze.
  if (!podskazka.context.serviceWorkers().some((worker) => worker.url().includes(EXTENSION_ID))) await podskazka.context.waitForEvent('serviceworker');
  const results = { nudge: [] as number[], floor: [] as number[] };
  for (let i = 0; i < WARM_UP + LOADS; i += 1) {
    const nudge = await measureOnce(podskazka.context, 'podskazka-nudge');
    const floorDelay = await measureOnce(floor.context, 'floor-marker');
    if (i >= WARM_UP) {
      results.nudge.push(nudge);
      results.floor.push(floorDelay);
    }
  }
  const row = (name: string, values: number[]) =>
    `| ${name} | ${median(values).toFixed(1)} | ${percentile(values, 0.9).toFixed(1)} | ${Math.min(...values).toFixed(1)} | ${Math.max(...values).toFixed(1)} |`;
  console.log(`DOMContentLoaded → element in the page, ms, ${LOADS} loads each (after ${WARM_UP} warm-up loads), alternating:\n`);
  console.log('| content script | median | p90 | min | max |\n| --- | --- | --- | --- | --- |');
  console.log(row('Podskazka nudge (document_start, asks the background, shadow-root banner)', results.nudge));
  console.log(row('floor: empty script adding one element (document_idle)', results.floor));
  console.log(`\nratio of medians: ${(median(results.nudge) / median(results.floor)).toFixed(2)} (goal ≤ 1.5, and ≤ 50 ms absolute)`);
} finally {
  await podskazka.close();
  await floor.close();
  rmSync(floorDir, { recursive: true, force: true });
}
