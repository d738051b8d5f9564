import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type BrowserContext } from '@playwright/test';
import { startCollector } from '../../collector/server/start-collector';
import { addDistrict } from '../../collector/storage/districts';
import { createToken } from '../../collector/storage/tokens';
import { serveFixturePages } from './fixtures/serve';
import { EXTENSION_ID, extensionWorker, launchChromium } from './support/chromium';
import { configureReporting } from './support/reporting';

/**
 * Wire format v1 ↔ v2 across releases, with the previous release's own processes
 * (scripts/prev-release.sh builds commit cb637d5 once): today's extension against the old
 * collector, which answers 400 to v2, and the old extension against today's collector.
 */
let previous: string;
let folder: string;

test.beforeAll(() => {
  test.setTimeout(900_000); // the first run installs and builds the old release
  previous = execFileSync('bash', ['scripts/prev-release.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  folder = mkdtempSync(join(tmpdir(), 'podskazka-cross-release-'));
});
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

function oldCollector(...args: string[]): string {
  return execFileSync(process.execPath, [join(previous, 'collector/bin/podskazka-collector.js'), ...args, '--db', join(folder, 'old.db')], { encoding: 'utf8', cwd: previous });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function sendNow(context: BrowserContext) {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  const panel = popup.getByTestId('reporting-panel');
  await panel.getByRole('button', { name: 'Отправить сейчас' }).click();
  await expect(panel.getByTestId('reporting-last-success')).toContainText('Последняя успешная отправка:', { timeout: 30_000 });
  return panel;
}

async function visit(context: BrowserContext, urls: string[]) {
  const tab = await context.newPage();
  for (const url of urls) await tab.goto(url);
  await tab.close();
}

test("today's extension and the previous release's collector: v2 refused, the same counts stored once as v1, the visits kept", async () => {
  oldCollector('district', 'add', 'Старый район');
  const token = oldCollector('token', 'add', 'Старый район').trim().split(/\s+/).at(-1)!;
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [join(previous, 'collector/bin/podskazka-collector.js'), 'serve', '--host', '127.0.0.1', '--port', String(port), '--db', join(folder, 'old.db')], { cwd: previous, stdio: 'ignore' });
  const browser = await launchChromium();
  try {
    await expect.poll(() => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
    const worker = await extensionWorker(browser.context);
    await serveFixturePages(browser.context);
    await configureReporting(worker, { endpoint: `http://127.0.0.1:${port}/api/v1/reports`, token, orgId: 'school-0547', locale: 'ru' });
    await visit(browser.context, ['https://web.telegram.org/k/', 'https://sferum.ru/', 'https://web.max.ru/']);
    const panel = await sendNow(browser.context);
    await expect(panel.getByTestId('reporting-v1-only')).toBeVisible();

    const stored = () => {
      const db = new Database(join(folder, 'old.db'), { readonly: true });
      try {
        return db.prepare("select messenger, event, n from counts where org_id = 'school-0547' and event = 'opened'").all();
      } finally {
        db.close();
      }
    };
    await expect.poll(stored).toEqual([{ messenger: 'telegram', event: 'opened', n: 1 }]);
    const { pendingVisits } = await worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('pendingVisits'));
    expect(Object.entries(pendingVisits as Record<string, number>).map(([key, n]) => [key.split('|')[1], n]).sort()).toEqual([['max', 1], ['sferum', 1]]);
  } finally {
    await browser.close();
    server.kill();
  }
});

test("the previous release's extension and today's collector: its v1 batches are stored", async () => {
  const collector = await startCollector({ target: { file: join(folder, 'new.db') }, host: '127.0.0.1', port: 0, dashboard: false });
  const districtId = await addDistrict(collector.database.db, 'Новый район');
  const token = await createToken(collector.database.db, districtId);
  const oldExtension = join(previous, '.output/chrome-mv3');
  const browser = await launchChromium({ loadExtension: false, extraArgs: [`--disable-extensions-except=${oldExtension}`, `--load-extension=${oldExtension}`] });
  try {
    const worker = await extensionWorker(browser.context);
    await serveFixturePages(browser.context);
    await configureReporting(worker, { endpoint: `${collector.url}/api/v1/reports`, token, orgId: 'school-0547', locale: 'ru' });
    await visit(browser.context, ['https://web.whatsapp.com/', 'https://web.telegram.org/k/']);
    await sendNow(browser.context);
    const stored = async () => {
      await collector.ingest.settle();
      return collector.database.db.selectFrom('counts').select(['messenger', 'event', 'n']).where('event', '=', 'opened').orderBy('messenger').execute();
    };
    await expect.poll(stored).toEqual([
      { messenger: 'telegram', event: 'opened', n: 1 },
      { messenger: 'whatsapp', event: 'opened', n: 1 },
    ]);
  } finally {
    await browser.close();
    await collector.close();
  }
});
