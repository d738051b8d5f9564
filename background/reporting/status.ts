import { browser } from 'wxt/browser';
import { resolveLocale } from '../../i18n';
import type { PendingCounts } from '../count-store';
import { localDay } from '../local-day';
import { buildBatch } from './batch';
import { isReportEndpoint } from '../../protocol/policy';
import type { ReportingStatus } from './messages';
import { wireVersion, type Reporter } from './reporter';
import type { PendingVisits } from '../visit-store';
import { readReporting } from './state';

const pretty = (body: string) => JSON.stringify(JSON.parse(body), null, 2);

const rowsOf = (body: string) => {
  const batch = JSON.parse(body) as { counts: unknown[]; visits?: unknown[] };
  return batch.counts.length + (batch.visits?.length ?? 0);
};

/** What the popup shows: read only, so it answers at once even while a batch is being sent. */
export async function reportingStatus(reporter: Reporter, now: number = Date.now()): Promise<ReportingStatus> {
  const settings = await reporter.settings();
  const { outbox, state } = await readReporting();
  const { pending = {}, pendingVisits = {} } = (await browser.storage.local.get(['pending', 'pendingVisits'])) as { pending?: PendingCounts; pendingVisits?: PendingVisits };
  const pendingRows = Object.values(pending).filter(Boolean).length + Object.values(pendingVisits).filter(Boolean).length;
  const version = wireVersion(state, settings.reportEndpoint, now);
  let nextBatch: ReportingStatus['nextBatch'] = null;
  let laterRows = pendingRows;
  if (outbox) {
    nextBatch = { json: pretty(outbox.body), fixed: true, rows: rowsOf(outbox.body) };
  } else if (state.nextBatchId) {
    const built = buildBatch(pending, { batchId: state.nextBatchId, orgId: settings.orgId, extVersion: reporter.extVersion }, localDay(new Date(now)), { visits: pendingVisits, version });
    if (built.body) nextBatch = { json: pretty(built.body), fixed: false, rows: built.rows };
    laterRows = Object.values(built.keep).filter(Boolean).length + Object.values(built.keepVisits).filter(Boolean).length;
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
    v1Only: version === 1,
  };
}
