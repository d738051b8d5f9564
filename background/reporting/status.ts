import { browser } from 'wxt/browser';
import { resolveLocale } from '../../i18n';
import type { PendingCounts } from '../count-store';
import { localDay } from '../local-day';
import { buildBatch } from './batch';
import { isReportEndpoint } from '../../protocol/policy';
import type { ReportingStatus } from './messages';
import type { Reporter } from './reporter';
import { readReporting } from './state';

const pretty = (body: string) => JSON.stringify(JSON.parse(body), null, 2);

/** What the popup shows: read only, so it answers at once even while a batch is being sent. */
export async function reportingStatus(reporter: Reporter, now: number = Date.now()): Promise<ReportingStatus> {
  const settings = await reporter.settings();
  const { outbox, state } = await readReporting();
  const { pending = {} } = (await browser.storage.local.get('pending')) as { pending?: PendingCounts };
  const pendingRows = Object.values(pending).filter(Boolean).length;
  let nextBatch: ReportingStatus['nextBatch'] = null;
  let laterRows = pendingRows;
  if (outbox) {
    nextBatch = { json: pretty(outbox.body), fixed: true, rows: (JSON.parse(outbox.body) as { counts: unknown[] }).counts.length };
  } else if (state.nextBatchId) {
    const built = buildBatch(pending, { batchId: state.nextBatchId, orgId: settings.orgId, extVersion: reporter.extVersion }, localDay(new Date(now)));
    if (built.body) nextBatch = { json: pretty(built.body), fixed: false, rows: built.rows };
    laterRows = Object.values(built.keep).filter(Boolean).length;
  }
  return {
    language: resolveLocale(settings.locale),
    endpoint: settings.reportEndpoint,
    endpointValid: settings.reportEndpoint === '' || isReportEndpoint(settings.reportEndpoint),
    nextBatch,
    laterRows,
    discardedRows: state.discardedRows,
    lastSuccessAt: state.lastSuccessAt ?? null,
    lastError: state.lastError ?? null,
    nextAttemptAt: (outbox ? outbox.nextAttemptAt : state.nextFlushAt) ?? null,
    sending: reporter.isSending(),
  };
}
