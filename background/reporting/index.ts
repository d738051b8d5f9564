import { browser, type Browser } from 'wxt/browser';
import { loadSettings } from '../../settings';
import { ReportingRequest, type ReportingStatus } from './messages';
import { REPORT_ALARM, createReporter, type ReporterDeps, type Reporter } from './reporter';
import { reportingStatus } from './status';
import { TEST_TIMING_KEY } from './timing';

export { REPORT_ALARM, createReporter, type Reporter } from './reporter';

function realDeps(): ReporterDeps {
  return {
    settings: async () => (await loadSettings()).settings,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: () => Math.random(),
    newBatchId: () => crypto.randomUUID(),
    extVersion: browser.runtime.getManifest().version,
  };
}

/**
 * Wires reporting into the background: the alarm, the test-only timing switch, and the popup's
 * messages. Call once at the top level of the worker (listeners must be registered synchronously).
 */
export function startReporting(deps: ReporterDeps = realDeps()): { reporter: Reporter; handleMessage: typeof handleMessage } {
  const reporter = createReporter(deps);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REPORT_ALARM) void reporter.tick().catch((error: unknown) => console.error('report flush failed', error));
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && TEST_TIMING_KEY in changes) void reporter.retime();
  });
  const started = reporter.start().catch((error: unknown) => console.error('reporting start failed', error));

  /** Only this extension's own pages (the popup), never a content script, may ask. */
  function handleMessage(raw: unknown, sender: Browser.runtime.MessageSender): Promise<ReportingStatus> | undefined {
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
    const parsed = ReportingRequest.safeParse(raw);
    if (!parsed.success) return undefined;
    if (parsed.data.type === 'reporting_status') return started.then(() => reportingStatus(reporter));
    return started.then(async () => {
      const result = await reporter.sendNow();
      return { ...(await reportingStatus(reporter)), result };
    });
  }
  return { reporter, handleMessage };
}
