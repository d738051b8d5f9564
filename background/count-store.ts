import { browser } from 'wxt/browser';
import type { EventName } from '../protocol/events';
import type { MessengerId } from '../protocol/messengers';
import type { CountRow } from '../protocol/report';
import { localDay } from './local-day';
import { serially } from './serial';
import type { PendingVisits } from './visit-store';

/**
 * Counts live in storage.local so a stopped service worker loses nothing.
 * - `pending`: counts not yet put into a report batch, keyed "day|messenger|event".
 * - `tally`: counts per day for the popup, whether sent or not; the last TALLY_DAYS days are kept.
 * One storage.set writes both, so they never disagree.
 */
export type CountKey = `${string}|${MessengerId}|${EventName}`;
export type PendingCounts = Partial<Record<CountKey, number>>;
export type Tally = Record<string, Partial<Record<MessengerId, Partial<Record<EventName, number>>>>>;

const TALLY_DAYS = 7;

export async function recordEvent(messenger: MessengerId, event: EventName, now: Date = new Date()): Promise<void> {
  const day = localDay(now);
  await serially(async () => {
    const { pending = {}, tally = {} } = (await browser.storage.local.get(['pending', 'tally'])) as { pending?: PendingCounts; tally?: Tally };
    const key: CountKey = `${day}|${messenger}|${event}`;
    pending[key] = (pending[key] ?? 0) + 1;
    const perMessenger = (tally[day] ??= {});
    const perEvent = (perMessenger[messenger] ??= {});
    perEvent[event] = (perEvent[event] ?? 0) + 1;
    for (const oldDay of Object.keys(tally).sort().slice(0, -TALLY_DAYS)) delete tally[oldDay];
    await browser.storage.local.set({ pending, tally });
  });
}

export async function readTally(day: string = localDay()): Promise<Tally[string]> {
  const { tally = {} } = (await browser.storage.local.get('tally')) as { tally?: Tally };
  return tally[day] ?? {};
}

export function pendingToRows(pending: PendingCounts): CountRow[] {
  return Object.entries(pending).flatMap(([key, n]) => {
    const [day, messenger, event] = key.split('|') as [string, MessengerId, EventName];
    return n ? [{ day, messenger, event, n }] : [];
  });
}

export interface Pending {
  counts: PendingCounts;
  visits: PendingVisits;
}

/**
 * Hands the pending counts and visits to `take` and stores what it returns in the same write, so
 * rows move from pending into a persisted batch atomically. Rows recorded meanwhile wait their turn.
 */
export function drainPending<T extends Record<string, unknown>>(take: (pending: Pending) => { keep: Pending; write: T }): Promise<T> {
  return serially(async () => {
    const { pending = {}, pendingVisits = {} } = (await browser.storage.local.get(['pending', 'pendingVisits'])) as { pending?: PendingCounts; pendingVisits?: PendingVisits };
    const { keep, write } = take({ counts: pending, visits: pendingVisits });
    await browser.storage.local.set({ ...write, pending: keep.counts, pendingVisits: keep.visits });
    return write;
  });
}
