import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordEvent } from '../../../../background/count-store';
import { recordVisit } from '../../../../background/visit-store';
import { REPORT_ALARM, V1_ONLY_MS, createReporter, type ReporterDeps, type ReportingSettings } from '../../../../background/reporting/reporter';
import { readReporting } from '../../../../background/reporting/state';
import { TEST_TIMING_KEY } from '../../../../background/reporting/timing';
import { ReportBatch } from '../../../../protocol/report';

const ENDPOINT = 'https://stats.example.ru/api/v1/reports';
const START = new Date(2026, 10, 23, 10, 0, 0).getTime();

interface Sent {
  url: string;
  init: RequestInit;
  batch: ReportBatch;
}

function harness(settings: Partial<ReportingSettings> = {}) {
  let clock = START;
  let ids = 0;
  const sent: Sent[] = [];
  const replies: Array<() => Response | Promise<Response>> = [];
  const deps: ReporterDeps = {
    settings: async () => ({ reportEndpoint: ENDPOINT, reportToken: 'tok-1', orgId: 'school-7', reportIntervalMinutes: 360, locale: 'auto', ...settings }),
    fetch: async (url, init) => {
      sent.push({ url: String(url), init: init!, batch: ReportBatch.parse(JSON.parse(String(init!.body))) });
      const reply = replies.shift();
      return reply ? reply() : new Response(null, { status: 202 });
    },
    now: () => clock,
    random: () => 0.5,
    newBatchId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    extVersion: '1.0.0',
  };
  return {
    deps,
    sent,
    replies,
    reporter: createReporter(deps),
    advance: (ms: number) => (clock += ms),
    now: () => clock,
  };
}

const record = (count: number, messenger: 'telegram' | 'whatsapp' = 'telegram') =>
  Promise.all(Array.from({ length: count }, () => recordEvent(messenger, 'opened', new Date(START))));

/** Sum of n per messenger over everything the server accepted, once per batchId. */
function delivered(sent: Sent[], acceptedIds: Set<string>) {
  const totals: Record<string, number> = {};
  const seen = new Set<string>();
  for (const { batch } of sent) {
    if (!acceptedIds.has(batch.batchId) || seen.has(batch.batchId)) continue;
    seen.add(batch.batchId);
    for (const row of batch.counts) totals[row.messenger] = (totals[row.messenger] ?? 0) + row.n;
  }
  return totals;
}

beforeEach(() => fakeBrowser.reset());

describe('reporter', () => {
  it('sends pending counts once with the token, no cookies, and clears them', async () => {
    const h = harness();
    await h.reporter.start();
    await record(3);
    expect(await h.reporter.sendNow()).toBe('delivered');
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]!.url).toBe(ENDPOINT);
    expect(h.sent[0]!.init).toMatchObject({ method: 'POST', credentials: 'omit', headers: { Authorization: 'Bearer tok-1', 'Content-Type': 'application/json' } });
    expect(h.sent[0]!.batch).toMatchObject({ orgId: 'school-7', counts: [{ day: '2026-11-23', messenger: 'telegram', event: 'opened', n: 3 }] });
    expect(await h.reporter.sendNow()).toBe('nothing');
    expect(h.sent).toHaveLength(1);
    const { outbox, state } = await readReporting();
    expect(outbox).toBeUndefined();
    expect(state.lastSuccessAt).toBe(START);
  });

  it('resends the same body until a 2xx; counts arriving meanwhile go in the next batch', async () => {
    const h = harness();
    await h.reporter.start();
    await record(2);
    h.replies.push(() => new Response(null, { status: 503 }));
    expect(await h.reporter.sendNow()).toBe('retry');
    await record(5, 'whatsapp');
    const { outbox } = await readReporting();
    expect(outbox!.attempts).toBe(1);
    h.advance(outbox!.nextAttemptAt - h.now());
    expect(await h.reporter.tick()).toBe('delivered');
    expect(h.sent[1]!.init.body).toBe(h.sent[0]!.init.body);
    expect(await h.reporter.sendNow()).toBe('delivered');
    expect(h.sent[2]!.batch.batchId).not.toBe(h.sent[0]!.batch.batchId);
    expect(delivered(h.sent, new Set(h.sent.slice(1).map((s) => s.batch.batchId)))).toEqual({ telegram: 2, whatsapp: 5 });
  });

  it('waits as long as Retry-After says on 429 and does not send earlier', async () => {
    const h = harness();
    await h.reporter.start();
    await record(1);
    h.replies.push(() => new Response(null, { status: 429, headers: { 'Retry-After': '600' } }));
    expect(await h.reporter.sendNow()).toBe('retry');
    const { outbox } = await readReporting();
    expect(outbox!.nextAttemptAt - h.now()).toBeGreaterThanOrEqual(600_000);
    expect((await browser.alarms.get(REPORT_ALARM))!.scheduledTime).toBe(outbox!.nextAttemptAt);
    h.advance(599_000 - 1_001);
    expect(await h.reporter.tick()).toBe('nothing');
    expect(h.sent).toHaveLength(1);
    h.advance(outbox!.nextAttemptAt - h.now());
    expect(await h.reporter.tick()).toBe('delivered');
    expect(h.sent).toHaveLength(2);
  });

  it('backs off exponentially on network errors', async () => {
    const h = harness();
    await h.reporter.start();
    await record(1);
    const waits: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      h.replies.push(() => Promise.reject(new TypeError('Failed to fetch')));
      expect(attempt === 0 ? await h.reporter.sendNow() : await h.reporter.tick()).toBe('retry');
      const { outbox, state } = await readReporting();
      expect(state.lastError).toMatchObject({ code: 'network', dropped: false });
      waits.push(outbox!.nextAttemptAt - h.now());
      h.advance(outbox!.nextAttemptAt - h.now());
    }
    expect(waits).toEqual([45_000, 90_000, 180_000, 360_000]);
  });

  it.each([
    [400, 'rejected'],
    [401, 'unauthorized'],
    [413, 'too_large'],
  ])('gives a batch up only on %i and keeps the reason', async (status, code) => {
    const h = harness();
    await h.reporter.start();
    await record(1);
    // A 400 to v2 is first taken for an older collector: the v1 resend is refused as well.
    h.replies.push(() => new Response('{}', { status }), () => new Response('{}', { status }));
    expect(await h.reporter.sendNow()).toBe('dropped');
    const { outbox, state } = await readReporting();
    expect(outbox).toBeUndefined();
    expect(state.lastError).toMatchObject({ code, status, dropped: true });
  });

  it('keeps retrying other 4xx answers, such as 404 from a wrong address', async () => {
    const h = harness();
    await h.reporter.start();
    await record(1);
    h.replies.push(() => new Response(null, { status: 404 }));
    expect(await h.reporter.sendNow()).toBe('retry');
    expect((await readReporting()).outbox).toBeDefined();
  });

  it('does nothing while the endpoint is empty, and refuses http off the loopback', async () => {
    const off = harness({ reportEndpoint: '' });
    await off.reporter.start();
    await record(1);
    expect(await off.reporter.sendNow()).toBe('off');
    expect(await off.reporter.tick()).toBe('off');
    const plain = harness({ reportEndpoint: 'http://stats.example.ru/api' });
    expect(await plain.reporter.sendNow()).toBe('endpoint_invalid');
    expect(off.sent.length + plain.sent.length).toBe(0);
    expect((await readReporting()).state.lastError).toMatchObject({ code: 'endpoint_invalid' });
  });

  it('a worker stopped mid-send has already stored and armed the retry; the next worker resends the same batch', async () => {
    const first = harness();
    await first.reporter.start();
    await record(4);
    first.replies.push(() => new Promise<Response>(() => undefined));
    void first.reporter.sendNow();
    await vi.waitFor(() => expect(first.sent).toHaveLength(1));
    const { outbox } = await readReporting();
    expect(outbox).toMatchObject({ attempts: 1 });
    expect(outbox!.nextAttemptAt).toBeGreaterThan(first.now());
    expect((await browser.alarms.get(REPORT_ALARM))!.scheduledTime).toBe(outbox!.nextAttemptAt);

    const second = harness();
    second.advance(outbox!.nextAttemptAt - START);
    await second.reporter.start();
    expect(await second.reporter.tick()).toBe('delivered');
    expect(second.sent[0]!.init.body).toBe(first.sent[0]!.init.body);
    expect((await readReporting()).outbox).toBeUndefined();
  });

  it('flushes on its jittered schedule, not before', async () => {
    const h = harness();
    await h.reporter.start();
    const alarm = await browser.alarms.get(REPORT_ALARM);
    expect(alarm!.scheduledTime - START).toBe(360 * 60_000);
    expect(alarm!.periodInMinutes).toBe(60);
    await record(2);
    h.advance(60 * 60_000);
    expect(await h.reporter.tick()).toBe('nothing');
    expect(h.sent).toHaveLength(0);
    h.advance(alarm!.scheduledTime - h.now());
    expect(await h.reporter.tick()).toBe('delivered');
    expect(h.sent).toHaveLength(1);
    const next = await browser.alarms.get(REPORT_ALARM);
    expect(next!.scheduledTime - h.now()).toBe(360 * 60_000);
  });

  it('a shorter interval from the administrator applies at the next wake-up', async () => {
    let interval = 10080;
    const h = harness();
    const reporter = createReporter({ ...h.deps, settings: async () => ({ ...(await h.deps.settings()), reportIntervalMinutes: interval }) });
    await reporter.start();
    expect((await browser.alarms.get(REPORT_ALARM))!.scheduledTime - START).toBe(10080 * 60_000);
    interval = 60;
    h.advance(60 * 60_000); // the hourly safety repeat of the alarm
    expect(await reporter.tick()).toBe('nothing');
    expect((await browser.alarms.get(REPORT_ALARM))!.scheduledTime - h.now()).toBe(60 * 60_000);
  });

  it('after a closed browser, overdue work waits 1–10 minutes instead of running at once', async () => {
    const h = harness();
    await h.reporter.start();
    await record(1);
    await browser.alarms.clearAll();
    h.advance(24 * 60 * 60_000);
    const restarted = createReporter(h.deps);
    await restarted.start();
    const alarm = await browser.alarms.get(REPORT_ALARM);
    expect(alarm!.scheduledTime - h.now()).toBe(330_000);
  });

  it('the test-only time scale shortens the schedule and backoff, never Retry-After', async () => {
    const h = harness();
    await h.reporter.start();
    await browser.storage.local.set({ [TEST_TIMING_KEY]: { timeScale: 0.001 } });
    await h.reporter.retime();
    expect((await browser.alarms.get(REPORT_ALARM))!.scheduledTime - h.now()).toBe(21_600);
    await record(1);
    h.replies.push(() => new Response(null, { status: 500 }));
    await h.reporter.sendNow();
    expect((await readReporting()).outbox!.nextAttemptAt - h.now()).toBe(45);
    h.replies.push(() => new Response(null, { status: 429, headers: { 'Retry-After': '5' } }));
    await h.reporter.sendNow();
    expect((await readReporting()).outbox!.nextAttemptAt - h.now()).toBeGreaterThanOrEqual(5_000);
  });
});

describe('reporter and stale rows', () => {
  const DAY = 24 * 60 * 60 * 1000;

  it('takes rows that aged out of a waiting batch out before the retry, keeps its fresh rows and batchId, and counts what it dropped', async () => {
    const h = harness();
    await h.reporter.start();
    await recordEvent('whatsapp', 'opened', new Date(START - 59 * DAY));
    await record(2);
    h.replies.push(() => new Response(null, { status: 503 }));
    expect(await h.reporter.sendNow()).toBe('retry');
    expect(h.sent[0]!.batch.counts.map((row) => row.messenger).sort()).toEqual(['telegram', 'whatsapp']);

    h.advance(2 * DAY);
    // What the collector would answer to a row older than its window: 400, and the batch gone.
    h.replies.push(() => new Response(null, { status: h.sent.at(-1)!.batch.counts.some((row) => row.messenger === 'whatsapp') ? 400 : 202 }));
    expect(await h.reporter.sendNow()).toBe('delivered');
    const retried = h.sent[1]!.batch;
    expect(retried.batchId).toBe(h.sent[0]!.batch.batchId);
    expect(retried.counts).toEqual([{ day: '2026-11-23', messenger: 'telegram', event: 'opened', n: 2 }]);
    expect((await readReporting()).state.discardedRows).toBe(1);
  });

  it('drops a waiting batch whose every row aged out without sending it', async () => {
    const h = harness();
    await h.reporter.start();
    await recordEvent('whatsapp', 'opened', new Date(START - 60 * DAY));
    h.replies.push(() => new Response(null, { status: 503 }));
    expect(await h.reporter.sendNow()).toBe('retry');
    h.advance(DAY);
    expect(await h.reporter.sendNow()).toBe('nothing');
    expect(h.sent).toHaveLength(1);
    const { outbox, state } = await readReporting();
    expect(outbox).toBeUndefined();
    expect(state.discardedRows).toBe(1);
  });

  it('gives a batch up on 403 (the token may not write this orgId) and names it', async () => {
    const h = harness();
    await h.reporter.start();
    await record(1);
    h.replies.push(() => new Response(null, { status: 403 }));
    expect(await h.reporter.sendNow()).toBe('dropped');
    expect((await readReporting()).state.lastError).toMatchObject({ code: 'forbidden', status: 403, dropped: true });
  });
});

describe('reporter against a collector that knows only v1', () => {
  beforeEach(() => fakeBrowser.reset());
  const visitAt = (target: 'sferum' | 'max', times: number) => Promise.all(Array.from({ length: times }, () => recordVisit(target, new Date(START))));

  it('resends the same counts as v1 under the same batchId, keeps the visits, and tries v2 again a day later', async () => {
    const h = harness();
    await h.reporter.start();
    await record(2);
    await visitAt('max', 3);
    h.replies.push(() => new Response('{"error":"v1 only"}', { status: 400 }));
    expect(await h.reporter.sendNow()).toBe('delivered');
    expect(h.sent.map(({ batch }) => batch.v)).toEqual([2, 1]);
    const [refused, resent] = h.sent.map(({ batch }) => batch);
    expect(resent!.batchId).toBe(refused!.batchId);
    expect(resent!.counts).toEqual(refused!.counts);
    expect(refused!.v === 2 && refused!.visits).toEqual([{ day: '2026-11-23', target: 'max', n: 3 }]);
    expect((await browser.storage.local.get('pendingVisits')).pendingVisits).toEqual({ '2026-11-23|max': 3 });

    await record(1);
    expect(await h.reporter.sendNow()).toBe('delivered');
    expect(h.sent[2]!.batch).toMatchObject({ v: 1, counts: [{ messenger: 'telegram', n: 1 }] });
    expect(await h.reporter.sendNow()).toBe('nothing');
    expect(h.sent).toHaveLength(3);

    h.advance(V1_ONLY_MS);
    expect(await h.reporter.sendNow()).toBe('delivered');
    expect(h.sent[3]!.batch).toMatchObject({ v: 2, counts: [], visits: [{ target: 'max', n: 3 }] });
    expect((await browser.storage.local.get('pendingVisits')).pendingVisits).toEqual({});
  });

  it('sends nothing more for a batch of visits alone, and keeps them', async () => {
    const h = harness();
    await h.reporter.start();
    await visitAt('sferum', 1);
    h.replies.push(() => new Response('{}', { status: 400 }));
    expect(await h.reporter.sendNow()).toBe('nothing');
    expect(h.sent).toHaveLength(1);
    const { outbox, state } = await readReporting();
    expect(outbox).toBeUndefined();
    expect(state.lastError).toBeUndefined();
    expect((await browser.storage.local.get('pendingVisits')).pendingVisits).toEqual({ '2026-11-23|sferum': 1 });
  });
});
