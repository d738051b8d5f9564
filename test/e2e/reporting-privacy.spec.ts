import { expect, test, type Request } from '@playwright/test';
import { FIXTURE_PAGE, serveFixturePages } from './fixtures/serve';
import { EXTENSION_ID, extensionWorker, launchChromium } from './support/chromium';
import { configureReporting } from './support/reporting';
import { TestCollector, type SeenRequest } from './support/test-collector';
import { ReportBatch } from '../../protocol/report';

/**
 * A teacher visits messengers and ordinary pages full of personal details; every request the
 * browser context sees (pages, extension pages, the extension's service worker) and every request
 * the collector receives is recorded. Nothing about the pages, the person or the computer, and no
 * time finer than a day, may leave in any of them.
 */
const MESSENGER_VISITS = [
  'https://web.telegram.org/k/#@ivanova_maria_5b',
  'https://web.whatsapp.com/send?phone=79161234567',
  'https://discord.com/channels/918273645/564738291',
  'https://t.me/+SecretInviteAbCdEf',
];
const ORDINARY_VISITS = ['https://school-journal.example.ru/class/5b/pupil/petrov-ivan', 'https://mail.example.org/inbox/thread-parents-meeting'];
/** Visits to the alternative are counted too, as target ids only: their addresses must not leave either. */
const ALTERNATIVE_VISITS = ['https://web.max.ru/chat/ivanova_maria_5b', 'https://sferum.ru/?p=messages&peer=79161234567'];
const ORDINARY_TITLE = 'Журнал 5Б — Петров Иван, оценки';
const COOKIE_VALUE = 'teacher-session-7f3a9c';

const FORBIDDEN = [
  ...MESSENGER_VISITS,
  ...ORDINARY_VISITS,
  ...ALTERNATIVE_VISITS,
  ...[...MESSENGER_VISITS, ...ORDINARY_VISITS, ...ALTERNATIVE_VISITS].map((url) => new URL(url).hostname),
  ...[...MESSENGER_VISITS, ...ORDINARY_VISITS, ...ALTERNATIVE_VISITS].map((url) => new URL(url).pathname).filter((path) => path.length > 3),
  'ivanova_maria_5b',
  '79161234567',
  'SecretInviteAbCdEf',
  'petrov-ivan',
  'parents-meeting',
  ORDINARY_TITLE,
  'Fixture messenger',
  COOKIE_VALUE,
];
/** A clock time, an ISO timestamp, or a Unix time in seconds or milliseconds. */
const FINER_THAN_A_DAY = [/\d{1,2}:\d{2}/, /\d{4}-\d{2}-\d{2}T/, /\b1\d{9}\b/, /\b1\d{12}\b/];

function leaks(text: string): string[] {
  const found = FORBIDDEN.filter((secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)));
  return [...found, ...FINER_THAN_A_DAY.filter((pattern) => pattern.test(text)).map(String)];
}

test('no address, title, person, computer id, cookie or time finer than a day leaves the extension', async () => {
  const collector = await new TestCollector().start();
  const browser = await launchChromium();
  try {
    const { context } = browser;
    const worker = await extensionWorker(context);
    await serveFixturePages(context);
    await context.route(
      (url) => ORDINARY_VISITS.some((visit) => new URL(visit).hostname === url.hostname),
      (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', headers: { 'Set-Cookie': `sid=${COOKIE_VALUE}; Path=/` }, body: `<!doctype html><title>${ORDINARY_TITLE}</title><h1>${ORDINARY_TITLE}</h1>` }),
    );
    await context.addCookies([
      { name: 'sid', value: COOKIE_VALUE, domain: '127.0.0.1', path: '/' },
      { name: 'sid', value: COOKIE_VALUE, domain: 'web.telegram.org', path: '/' },
    ]);
    const seen: Request[] = [];
    context.on('request', (request) => seen.push(request));
    await configureReporting(worker, { endpoint: collector.endpoint, orgId: 'school-0547', token: 'district-token-1' });

    const page = await context.newPage();
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    const sendNow = () => popup.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'reporting_send_now' }));
    for (const [index, url] of [...MESSENGER_VISITS, ...ALTERNATIVE_VISITS, ...ORDINARY_VISITS].entries()) {
      await page.goto(url);
      await expect(page).toHaveTitle(ORDINARY_VISITS.includes(url) ? ORDINARY_TITLE : /Fixture messenger/);
      if (index === 1 || index === 4) await sendNow(); // two batches, sent while the teacher browses
    }
    await sendNow();
    await page.close();
    await popup.close();

    // The recording sees the extension's own requests: its reports appear in it.
    const reports = seen.filter((request) => request.url() === collector.endpoint && request.method() === 'POST');
    expect(reports.length).toBeGreaterThanOrEqual(2);
    expect(reports.every((request) => request.serviceWorker()?.url() === `chrome-extension://${EXTENSION_ID}/background.js`)).toBe(true);

    // Every request besides the teacher's own navigations and the extension's packaged files goes to the collector.
    const visited = new Set([...MESSENGER_VISITS, ...ALTERNATIVE_VISITS, ...ORDINARY_VISITS].map((url) => url.replace(/#.*$/, '')));
    const other = seen.filter((request) => {
      const url = request.url();
      if (url.startsWith(`chrome-extension://${EXTENSION_ID}/`)) return false;
      if (request.isNavigationRequest() && visited.has(url)) return false;
      if (new URL(url).pathname === '/favicon.ico' && !request.serviceWorker()) return false; // the browser's, not ours
      return !url.startsWith(collector.endpoint);
    });
    expect(other.map((request) => request.url())).toEqual([]);

    // What the collector received, byte for byte.
    expect(collector.requests.length).toBeGreaterThanOrEqual(2);
    const allowedHeaders = /^(host|connection|content-length|content-type|authorization|origin|accept|accept-encoding|accept-language|user-agent|sec-fetch-[a-z]+|sec-ch-ua(-[a-z]+)?|access-control-request-[a-z]+|cache-control|pragma)$/;
    for (const request of collector.requests as SeenRequest[]) {
      expect(Object.keys(request.headers).filter((name) => !allowedHeaders.test(name))).toEqual([]);
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers.referer).toBeUndefined();
      expect(request.url).toBe('/api/v1/reports');
      const { host, ...headers } = request.headers; // host is the collector's own "127.0.0.1:port"
      expect(host).toBe(new URL(collector.endpoint).host);
      const everything = `${request.method} ${request.url}\n${JSON.stringify(headers)}\n${request.body}`;
      expect(leaks(everything)).toEqual([]);
    }
    const batches = collector.posts.map((request) => ReportBatch.parse(JSON.parse(request.body)));
    for (const batch of batches) {
      expect(batch.orgId).toBe('school-0547');
      for (const row of batch.counts) expect(row.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const visits = batches.flatMap((batch) => (batch.v === 2 ? batch.visits : []));
    expect(visits.map((row) => row.target).sort()).toEqual(['max', 'sferum']);
    for (const row of visits) expect(Object.keys(row)).toEqual(['day', 'target', 'n']);
    // A fresh random id per batch: nothing that stays the same across batches identifies the computer.
    expect(new Set(batches.map((batch) => batch.batchId)).size).toBe(batches.length);
    expect(batches.length).toBeGreaterThanOrEqual(2);
    expect(FIXTURE_PAGE).toContain('Fixture messenger');
  } finally {
    await browser.close();
    await collector.stop();
  }
});
