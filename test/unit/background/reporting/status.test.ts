import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../../../public/_locales/en/messages.json';
import ru from '../../../../public/_locales/ru/messages.json';
import { recordEvent } from '../../../../background/count-store';
import { FLUSH_RESULTS, ReportingStatus } from '../../../../background/reporting/messages';
import { createReporter, type ReporterDeps } from '../../../../background/reporting/reporter';
import { ERROR_CODES } from '../../../../background/reporting/state';
import { reportingStatus } from '../../../../background/reporting/status';

const NOW = new Date(2026, 10, 23, 10, 0, 0).getTime();

function deps(bodies: string[], status = 202): ReporterDeps {
  let ids = 0;
  return {
    settings: async () => ({ reportEndpoint: 'https://stats.example.ru/api/v1/reports', reportToken: '', orgId: 'school-7', reportIntervalMinutes: 360, locale: 'ru' }),
    fetch: async (_url, init) => {
      bodies.push(String(init!.body));
      return new Response(null, { status });
    },
    now: () => NOW,
    random: () => 0.5,
    newBatchId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    extVersion: '1.0.0',
  };
}

beforeEach(() => fakeBrowser.reset());

describe('reportingStatus', () => {
  it('shows exactly the JSON that the next send carries', async () => {
    const bodies: string[] = [];
    const reporter = createReporter(deps(bodies));
    await reporter.start();
    await recordEvent('viber', 'opened', new Date(NOW));
    await recordEvent('viber', 'dismissed', new Date(NOW));
    const before = ReportingStatus.parse(await reportingStatus(reporter, NOW));
    expect(before).toMatchObject({ language: 'ru', nextBatch: { fixed: false, rows: 2 }, lastSuccessAt: null, lastError: null, laterRows: 0 });
    await reporter.sendNow();
    expect(JSON.parse(bodies[0]!)).toEqual(JSON.parse(before.nextBatch!.json));
    const after = await reportingStatus(reporter, NOW);
    expect(after).toMatchObject({ nextBatch: null, lastSuccessAt: NOW });
  });

  it('shows a waiting batch as fixed, with the counts that arrived since as waiting for later', async () => {
    const bodies: string[] = [];
    const reporter = createReporter(deps(bodies, 503));
    await reporter.start();
    await recordEvent('viber', 'opened', new Date(NOW));
    await reporter.sendNow();
    await recordEvent('wechat', 'opened', new Date(NOW));
    const status = await reportingStatus(reporter, NOW);
    expect(status.nextBatch).toMatchObject({ fixed: true, rows: 1 });
    expect(JSON.parse(status.nextBatch!.json)).toEqual(JSON.parse(bodies[0]!));
    expect(status.laterRows).toBe(1);
    expect(status.lastError).toMatchObject({ code: 'server', status: 503, dropped: false });
  });
});

describe('stale rows in the popup', () => {
  it('says how many rows older than the collector accepts were left out', async () => {
    const reporter = createReporter(deps([]));
    await reporter.start();
    await recordEvent('viber', 'opened', new Date(NOW - 70 * 24 * 60 * 60 * 1000));
    await recordEvent('viber', 'opened', new Date(NOW));
    await reporter.sendNow();
    const status = ReportingStatus.parse(await reportingStatus(reporter, NOW));
    expect(status.discardedRows).toBe(1);
    expect(ru.reporting_discarded.message.replace('$ROWS$', '1')).toBe('Не отправлено строк старше 60 дней (сервер их не принимает): 1.');
  });
});

describe('popup texts', () => {
  it('has a Russian and an English text for every error and every result', () => {
    const keys = [...ERROR_CODES.map((code) => `reporting_error_${code}`), ...FLUSH_RESULTS.map((result) => `reporting_result_${result}`)];
    for (const catalogue of [ru, en] as Array<Record<string, unknown>>) expect(keys.filter((key) => !(key in catalogue))).toEqual([]);
  });
});
