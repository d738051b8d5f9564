import { browser } from 'wxt/browser';
import type { MessengerId } from '../protocol/messengers';

type SnoozeUntil = Partial<Record<MessengerId, number>>;
const KEY = 'snoozeUntil';

/**
 * Kept in storage.session: it outlives a stopped service worker but not the browser, and no
 * time of day is ever written to disk.
 */
async function readSnoozes(): Promise<SnoozeUntil> {
  const stored = (await browser.storage.session.get(KEY)) as { snoozeUntil?: SnoozeUntil };
  return stored.snoozeUntil ?? {};
}

export async function snoozeMessenger(messenger: MessengerId, minutes: number, now: number = Date.now()): Promise<void> {
  const snoozes = await readSnoozes();
  if (minutes <= 0) delete snoozes[messenger];
  else snoozes[messenger] = now + minutes * 60_000;
  await browser.storage.session.set({ [KEY]: snoozes });
}

export async function isSnoozed(messenger: MessengerId, now: number = Date.now()): Promise<boolean> {
  const until = (await readSnoozes())[messenger];
  return until !== undefined && now < until;
}
