import { browser } from 'wxt/browser';
import { drainPending } from '../count-store';
import { localDay } from '../local-day';
import { serialQueue } from '../serial';
import { flushDelay, retryAfterDelay, retryDelay, wakeDelay } from './backoff';
import { asVersion1, buildBatch } from './batch';
import { withVisits } from '../visit-store';
import type { FlushResult } from './messages';
import { recheckWaiting } from './recheck';
import { isReportEndpoint, type Policy } from '../../protocol/policy';
import { postBatch } from './send';
import { OUTBOX_KEY, STATE_KEY, readReporting, saveReporting, type Outbox, type ReportState } from './state';
import { readTimeScale } from './timing';

export const REPORT_ALARM = 'podskazka-report';
const DUE_SLACK_MS = 1_000;
/** How long an endpoint that refused v2 is sent v1 before v2 is tried again. */
export const V1_ONLY_MS = 24 * 60 * 60_000;
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

const canSend = (settings: ReportingSettings) => settings.reportEndpoint !== '' && isReportEndpoint(settings.reportEndpoint);

/** The wire format for this endpoint now: v2, or v1 for a while after it refused v2. */
export function wireVersion(state: ReportState, endpoint: string, now: number): 1 | 2 {
  return state.v1Only && state.v1Only.endpoint === endpoint && now < state.v1Only.until ? 1 : 2;
}

const isVersion2 = (body: string) => (JSON.parse(body) as { v?: unknown }).v === 2;

/**
 * The reporter's states live in storage (state.ts), so any worker picks up where the last stopped:
 *
 *   waiting ──(the schedule is due: pending counts become the outbox batch)──► outbox
 *      ▲                                                                        │ send
 *      │                    ┌── 5xx, 429, network: the same batch again after a backoff
 *      │                    ▼                                                   │
 *      └────── 2xx (next batch, up to 10 per flush) or 400/401/403/413 (dropped, named in the popup)
 *
 * A 400 to a v2 batch is an older collector (it stored nothing): the same counts go again at once
 * as v1 under the same batchId, the visits go back to pending, and that endpoint gets v1 for a day.
 *
 * One alarm always points at the next step: the outbox's next attempt while a batch waits, else
 * the next scheduled flush. Every entry point (start, tick, sendNow, retime) runs as one step:
 * one at a time, on a context read once at its start.
 */
interface Step {
  settings: ReportingSettings;
  /** The test-only time scale (timing.ts); 1 in the product. */
  scale: number;
  /** The clock when the step began. */
  now: number;
  outbox: Outbox | undefined;
  state: ReportState;
}

export function createReporter(deps: ReporterDeps) {
  const exclusive = serialQueue();
  let sending = false;

  /** Runs `work` after every earlier step, on a context read once at its start. */
  function step<T>(work: (context: Step) => Promise<T>): Promise<T> {
    return exclusive(async () => {
      const settings = await deps.settings();
      const scale = await readTimeScale();
      const now = deps.now();
      const { outbox, state } = await readReporting();
      return work({ settings, scale, now, outbox, state });
    });
  }

  /** One alarm: the outbox's next attempt while a batch waits, else the next scheduled flush. */
  async function arm({ settings, scale }: Step): Promise<void> {
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

  /** Why nothing can be sent: no endpoint ('off'), or one that is not a report endpoint (noted for the popup). */
  async function refuse({ settings }: Step): Promise<FlushResult> {
    if (!settings.reportEndpoint) return 'off';
    const { state } = await readReporting();
    await saveReporting({ state: { ...state, lastError: { code: 'endpoint_invalid', at: deps.now(), dropped: false } } });
    return 'endpoint_invalid';
  }

  /** The outbox batch (when `outboxDue`), then, once it is through, what is pending (when `pendingDue`). */
  async function flush(context: Step, { outboxDue, pendingDue }: { outboxDue: boolean; pendingDue: boolean }): Promise<FlushResult> {
    let result: FlushResult = 'nothing';
    if (context.outbox && outboxDue) result = await deliver(context.outbox, context);
    if (!pendingDue || (context.outbox && result !== 'delivered')) return result;
    for (let batch = 0; batch < MAX_BATCHES_PER_FLUSH; batch += 1) {
      const outbox = await makeBatch(context.settings);
      if (!outbox) return result;
      result = await deliver(outbox, context);
      if (result !== 'delivered') return result;
    }
    return result;
  }

  async function deliver(waiting: Outbox, context: Step): Promise<FlushResult> {
    const { settings, scale } = context;
    const outbox = await withoutStaleRows(waiting);
    if (!outbox) return 'nothing';
    // The next attempt is stored and armed before sending: a worker stopped mid-request retries by itself.
    const leased: Outbox = { ...outbox, attempts: outbox.attempts + 1, nextAttemptAt: deps.now() + retryDelay(outbox.attempts + 1, deps.random, scale) };
    await saveReporting({ outbox: leased });
    await arm(context);
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
    if (outcome.kind === 'drop' && outcome.status === 400 && isVersion2(leased.body)) return fallBackToVersion1(leased, state, context);
    const lastError = { code: outcome.code, status: outcome.status, at, dropped: outcome.kind === 'drop' };
    if (outcome.kind === 'drop') {
      await saveReporting({ outbox: null, state: { ...state, lastError } });
      return 'dropped';
    }
    const wait = outcome.retryAfterMs !== undefined ? retryAfterDelay(outcome.retryAfterMs, deps.random) : retryDelay(leased.attempts, deps.random, scale);
    await saveReporting({ outbox: { ...leased, nextAttemptAt: at + wait }, state: { ...state, lastError } });
    return 'retry';
  }

  /** The waiting batch without rows that aged out of the collector's window; null when none are left. */
  async function withoutStaleRows(outbox: Outbox): Promise<Outbox | null> {
    const checked = recheckWaiting(outbox.body, localDay(new Date(deps.now())));
    if (checked.dropped === 0) return outbox;
    const { state } = await readReporting();
    const fresh = checked.body === null ? null : { ...outbox, body: checked.body };
    await saveReporting({ outbox: fresh, state: { ...state, discardedRows: state.discardedRows + checked.dropped } });
    return fresh;
  }

  /** The refused v2 batch's counts as v1 in the outbox and its visits back in pending, in one storage write. */
  async function fallBackToVersion1(refused: Outbox, state: ReportState, context: Step): Promise<FlushResult> {
    const { body, visits } = asVersion1(refused.body);
    const now = deps.now();
    const outbox: Outbox | null = body ? { batchId: refused.batchId, body, attempts: 0, nextAttemptAt: now } : null;
    await drainPending((pending) => ({
      keep: { counts: pending.counts, visits: withVisits(pending.visits, visits) },
      write: { [OUTBOX_KEY]: outbox, [STATE_KEY]: { ...state, v1Only: { endpoint: context.settings.reportEndpoint, until: now + V1_ONLY_MS } } },
    }));
    return outbox ? deliver(outbox, context) : 'nothing';
  }

  /** Moves pending counts and visits into a persisted outbox batch in one storage write; undefined when none wait. */
  async function makeBatch(settings: ReportingSettings): Promise<Outbox | undefined> {
    const { state } = await readReporting();
    const batchId = state.nextBatchId ?? deps.newBatchId();
    const now = deps.now();
    const version = wireVersion(state, settings.reportEndpoint, now);
    const written = await drainPending<Record<string, unknown>>((pending) => {
      const built = buildBatch(pending.counts, { batchId, orgId: settings.orgId, extVersion: deps.extVersion }, localDay(new Date(now)), { visits: pending.visits, version });
      const nextState: ReportState = { ...state, discardedRows: state.discardedRows + built.discarded };
      const keep = { counts: built.keep, visits: built.keepVisits };
      if (!built.body) return { keep, write: { [STATE_KEY]: nextState } };
      const outbox: Outbox = { batchId, body: built.body, attempts: 0, nextAttemptAt: now };
      return { keep, write: { [OUTBOX_KEY]: outbox, [STATE_KEY]: { ...nextState, nextBatchId: deps.newBatchId() } } };
    });
    return written[OUTBOX_KEY] as Outbox | undefined;
  }

  /**
   * On worker start: make sure the alarm exists. Work that fell due while the browser was closed
   * waits a random while, so a send never follows whatever woke the worker.
   */
  const start = () =>
    step(async (context) => {
      const { settings, scale, now, outbox, state } = context;
      const nextState = { ...state, nextBatchId: state.nextBatchId ?? deps.newBatchId() };
      nextState.nextFlushAt ??= now + flushDelay(settings.reportIntervalMinutes, deps.random, scale);
      let nextOutbox = outbox;
      if (!(await browser.alarms.get(REPORT_ALARM))) {
        if (nextState.nextFlushAt <= now) nextState.nextFlushAt = now + wakeDelay(deps.random, scale);
        if (outbox && outbox.nextAttemptAt <= now) nextOutbox = { ...outbox, nextAttemptAt: now + wakeDelay(deps.random, scale) };
      }
      await saveReporting({ outbox: nextOutbox ?? null, state: nextState });
      await arm(context);
    });

  /** The alarm: retry a due batch; on the schedule, batch and send what is pending. */
  const tick = () =>
    step(async (context) => {
      const { settings, scale, now, outbox, state } = context;
      const pendingDue = state.nextFlushAt === undefined || now >= state.nextFlushAt - DUE_SLACK_MS;
      const outboxDue = outbox !== undefined && now >= outbox.nextAttemptAt - DUE_SLACK_MS;
      const result = canSend(settings) ? await flush(context, { outboxDue, pendingDue }) : await refuse(context);
      if (pendingDue) {
        const latest = (await readReporting()).state;
        await saveReporting({ state: { ...latest, nextFlushAt: deps.now() + flushDelay(settings.reportIntervalMinutes, deps.random, scale) } });
      }
      await arm(context);
      return result;
    });

  /** «Отправить сейчас»: the waiting batch at once, then everything pending, bypassing the schedule. */
  const sendNow = () =>
    step(async (context) => {
      if (!canSend(context.settings)) return refuse(context);
      const result = await flush(context, { outboxDue: true, pendingDue: true });
      await arm(context);
      return result;
    });

  /** Test-only timing changed: start the schedule and any retry again from now on the new scale. */
  const retime = () =>
    step(async (context) => {
      const { settings, scale, now, outbox, state } = context;
      const nextFlushAt = now + flushDelay(settings.reportIntervalMinutes, deps.random, scale);
      const nextOutbox = outbox && { ...outbox, nextAttemptAt: Math.min(outbox.nextAttemptAt, now + retryDelay(Math.max(1, outbox.attempts), deps.random, scale)) };
      await saveReporting({ outbox: nextOutbox ?? null, state: { ...state, nextFlushAt } });
      await arm(context);
    });

  return { start, tick, sendNow, retime, isSending: () => sending, settings: deps.settings, extVersion: deps.extVersion };
}

export type Reporter = ReturnType<typeof createReporter>;
