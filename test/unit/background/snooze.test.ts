import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isSnoozed, snoozeMessenger } from '../../../background/snooze';
import { DEFAULT_POLICY } from '../../../protocol/policy';

describe('snooze', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is one hour by default', () => {
    expect(DEFAULT_POLICY.snoozeMinutes).toBe(60);
  });

  it('holds for the given minutes, for that messenger only', async () => {
    const start = Date.UTC(2026, 10, 23, 9, 0);
    await snoozeMessenger('telegram', 60, start);
    expect(await isSnoozed('telegram', start + 59 * 60_000)).toBe(true);
    expect(await isSnoozed('whatsapp', start + 60_000)).toBe(false);
    expect(await isSnoozed('telegram', start + 60 * 60_000)).toBe(false);
  });

  it('takes the minutes as a parameter; 0 means no snooze', async () => {
    const start = Date.UTC(2026, 10, 23, 9, 0);
    await snoozeMessenger('discord', 5, start);
    expect(await isSnoozed('discord', start + 4 * 60_000)).toBe(true);
    expect(await isSnoozed('discord', start + 5 * 60_000)).toBe(false);
    await snoozeMessenger('discord', 0, start);
    expect(await isSnoozed('discord', start)).toBe(false);
  });

  it('is nothing until someone snoozes', async () => {
    expect(await isSnoozed('viber')).toBe(false);
  });
});
