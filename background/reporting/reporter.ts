import { browser } from 'wxt/browser';
import { drainPending } from '../count-store';
import { localDay } from '../local-day';
import { flushDelay, retryAfterDelay, retryDelay, wakeDelay } from './backoff';
import { buildBatch } from './batch';
import { isReportEndpoint, type Policy } from '../../protocol/policy';
import { postBatch } from './send';
import { OUTBOX_KEY, STATE_KEY, readReporting, saveReporting, type Outbox, type ReportState } from './state';
import { readTimeScale } from './timing';

export const REPORT_ALARM = 'podskazka-report';
const DUE_SLACK_MS = 1_000;
const MIN_ALARM_DELAY_MS = 1_000;
const MAX_BATCHES_PER_FLUSH = 10;
/** The alarm also repeats: if a worker stops after the alarm fired but before re-arming it, the repeat wakes the next. */
const SAFETY_PERIOD_MINUTES = 60;

export type ReportingSettings = Pick<Policy, 'reportEndpoint' | 'reportToken' | 'orgId' | 'reportIntervalMinutes' | 'locale'>;

/** Everything from outside, injected so unit tests run with a fake fetch, clock and randomness. */
export interface ReporterDeps {
  settings: () => Promise<ReportingSettings>;
  fetch: typeof fetch;
  now: () => number;
  random: () => number;
  newBatchId: () => string;
  extVersion: string;
}

export type FlushResult = 'off' | 'endpoint_invalid' | 'nothing' | 'delivered' | 'retry' | 'dropped';

const canSend = (settings: ReportingSettings) => settings.reportEndpoint !== '' && isReportEndpoint(settings.reportEndpoint);

export function createReporter(deps: ReporterDeps) {
  let chain: Promise<unknown> = Promise.resolve();
  let sending = false;

  /** One flush at a time inside the worker; storage keeps the rest safe across workers. */
  function exclusive<T>(step: () => Promise<T>): Promise<T> {
    const run = chain.then(step, step);
    chain = run.catch(() => undefined);
    return run;
  }

  /** One alarm: the outbox's next attempt while a batch waits, else the next scheduled flush. */
  async function arm(settings: ReportingSettings, scale: number): Promise<void> {
    const { outbox, state } = await readReporting();
    // A shorter interval set by the administrator takes effect at the next wake-up, not after the old one.
    if (state.nextFlushAt !== undefined && state.nextFlushAt > deps.now() + flushDelay(settings.reportIntervalMinutes, () => 1, scale)) {
      state.nextFlushAt = deps.now() + flushDelay(settings.reportIntervalMinutes, deps.random, scale);
      await saveReporting({ state });
    }
    const target = outbox && canSend(settings) ? outbox.nextAttemptAt : state.nextFlushAt;
    if (target === undefined) return;
    await browser.alarms.create(REPORT_ALARM, { when: Math.max(target, deps.now() + MIN_ALARM_DELAY_MS), periodInMinutes: SAFETY_PERIOD_MINUTES * scale });
  }

  async function deliver(outbox: Outbox, settings: ReportingSettings, scale: number): Promise<FlushResult> {
    // The next attempt is stored and armed before sending: a worker stopped mid-request retries by itself.
    const leased: Outbox = { ...outbox, attempts: outbox.attempts + 1, nextAttemptAt: deps.now() + retryDelay(outbox.attempts + 1, deps.random, scale) };
    await saveReporting({ outbox: leased });
    await arm(settings, scale);
    sending = true;
    const outcome = await postBatch(leased.body, { endpoint: settings.reportEndpoint, token: settings.reportToken }, deps.fetch, deps.now).finally(() => {
      sending = false;
    });
    const { state } = await readReporting();
    const at = deps.now();
    if (outcome.kind === 'delivered') {
      await saveReporting({ outbox: null, state: { ...state, lastSuccessAt: at, lastError: undefined } });
      return 'delivered';
    }
    const lastError = { code: outcome.code, status: outcome.status, at, dropped: outcome.kind === 'drop' };
    if (outcome.kind === 'drop') {
      await saveReporting({ outbox: null, state: { ...state, lastError } });
      return 'dropped';
    }
    const wait = outcome.retryAfterMs !== undefined ? retryAfterDelay(outcome.retryAfterMs, deps.random) : retryDelay(leased.attempts, deps.random, scale);
    await saveReporting({ outbox: { ...leased, nextAttemptAt: at + wait }, state: { ...state, lastError } });
    return 'retry';
  }

  /** Moves pending counts into a persisted outbox batch in one storage write; null when none wait. */
  async function makeBatch(settings: ReportingSettings): Promise<Outbox | undefined> {
    const { state } = await readReporting();
    const batchId = state.nextBatchId ?? deps.newBatchId();
    const now = deps.now();
    const written = await drainPending<Record<string, unknown>>((pending) => {
      const built = buildBatch(pending, { batchId, orgId: settings.orgId, extVersion: deps.extVersion }, localDay(new Date(now)));
      const nextState: ReportState = { ...state, discardedRows: state.discardedRows + built.discarded };
      if (!built.body) return { keep: built.keep, write: { [STATE_KEY]: nextState } };
      const outbox: Outbox = { batchId, body: built.body, attempts: 0, nextAttemptAt: now };
      return { keep: built.keep, write: { [OUTBOX_KEY]: outbox, [STATE_KEY]: { ...nextState, nextBatchId: deps.newBatchId() } } };
    });
    return written[OUTBOX_KEY] as Outbox | undefined;
  }

  async function drainAndDeliver(settings: ReportingSettings, scale: number): Promise<FlushResult> {
    let result: FlushResult = 'nothing';
    for (let batch = 0; batch < MAX_BATCHES_PER_FLUSH; batch += 1) {
      const outbox = await makeBatch(settings);
      if (!outbox) return result;
      result = await deliver(outbox, settings, scale);
      if (result !== 'delivered') return result;
    }
    return result;
  }

  async function noteInvalidEndpoint(): Promise<FlushResult> {
    const { state } = await readReporting();
    await saveReporting({ state: { ...state, lastError: { code: 'endpoint_invalid', at: deps.now(), dropped: false } } });
    return 'endpoint_invalid';
  }

  /**
   * On worker start: make sure the alarm exists. Work that fell due while the browser was closed
   * waits a random while, so a send never follows whatever woke the worker.
   */
  function start(): Promise<void> {
    return exclusive(async () => {
      const settings = await deps.settings();
      const scale = await readTimeScale();
      const now = deps.now();
      const { outbox, state } = await readReporting();
      const nextState = { ...state, nextBatchId: state.nextBatchId ?? deps.newBatchId() };
      nextState.nextFlushAt ??= now + flushDelay(settings.reportIntervalMinutes, deps.random, scale);
      let nextOutbox = outbox;
      if (!(await browser.alarms.get(REPORT_ALARM))) {
        if (nextState.nextFlushAt <= now) nextState.nextFlushAt = now + wakeDelay(deps.random, scale);
        if (outbox && outbox.nextAttemptAt <= now) nextOutbox = { ...outbox, nextAttemptAt: now + wakeDelay(deps.random, scale) };
      }
      await saveReporting({ outbox: nextOutbox ?? null, state: nextState });
      await arm(settings, scale);
    });
  }

  /** The alarm: retry a due batch; on the schedule, batch and send what is pending. */
  function tick(): Promise<FlushResult> {
    return exclusive(async () => {
      const settings = await deps.settings();
      const scale = await readTimeScale();
      const now = deps.now();
      const { outbox, state } = await readReporting();
      const flushDue = state.nextFlushAt === undefined || now >= state.nextFlushAt - DUE_SLACK_MS;
      let result: FlushResult = 'nothing';
      if (!settings.reportEndpoint) result = 'off';
      else if (!isReportEndpoint(settings.reportEndpoint)) result = await noteInvalidEndpoint();
      else {
        if (outbox && now >= outbox.nextAttemptAt - DUE_SLACK_MS) result = await deliver(outbox, settings, scale);
        if (flushDue && (!outbox || result === 'delivered')) {
          const rest = await drainAndDeliver(settings, scale);
          if (rest !== 'nothing') result = rest;
        }
      }
      if (flushDue) {
        const latest = (await readReporting()).state;
        await saveReporting({ state: { ...latest, nextFlushAt: deps.now() + flushDelay(settings.reportIntervalMinutes, deps.random, scale) } });
      }
      await arm(settings, scale);
      return result;
    });
  }

  /** «Отправить сейчас»: the waiting batch at once, then everything pending, bypassing the schedule. */
  function sendNow(): Promise<FlushResult> {
    return exclusive(async () => {
      const settings = await deps.settings();
      if (!settings.reportEndpoint) return 'off';
      if (!isReportEndpoint(settings.reportEndpoint)) return noteInvalidEndpoint();
      const scale = await readTimeScale();
      const { outbox } = await readReporting();
      let result: FlushResult = 'nothing';
      if (outbox) result = await deliver(outbox, settings, scale);
      if (!outbox || result === 'delivered') {
        const rest = await drainAndDeliver(settings, scale);
        if (rest !== 'nothing') result = rest;
      }
      await arm(settings, scale);
      return result;
    });
  }

  /** Test-only timing changed: start the schedule and any retry again from now on the new scale. */
  function retime(): Promise<void> {
    return exclusive(async () => {
      const settings = await deps.settings();
      const scale = await readTimeScale();
      const now = deps.now();
      const { outbox, state } = await readReporting();
      const nextFlushAt = now + flushDelay(settings.reportIntervalMinutes, deps.random, scale);
      const nextOutbox = outbox && { ...outbox, nextAttemptAt: Math.min(outbox.nextAttemptAt, now + retryDelay(Math.max(1, outbox.attempts), deps.random, scale)) };
      await saveReporting({ outbox: nextOutbox ?? null, state: { ...state, nextFlushAt } });
      await arm(settings, scale);
    });
  }

  return { start, tick, sendNow, retime, isSending: () => sending, settings: deps.settings, extVersion: deps.extVersion };
}

export type Reporter = ReturnType<typeof createReporter>;
