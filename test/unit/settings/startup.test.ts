import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LAST_POLICY_KEY, saveOptions, startupSettings, type EffectiveSettings } from '../../../settings';

/** storage.managed as Chromium has it at start-up: no answer until the policy is loaded. */
function slowManaged() {
  let answer!: (value: Record<string, unknown>) => void;
  vi.spyOn(browser.storage.managed, 'get').mockReturnValueOnce(new Promise((resolve) => (answer = resolve)) as never);
  return (value: Record<string, unknown>) => answer(value);
}

describe('settings at start-up', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('applies the last policy seen at once, then follows the managed value when it arrives', async () => {
    await fakeBrowser.storage.local.set({ [LAST_POLICY_KEY]: { mode: 'block', snoozeMinutes: 20 } });
    await saveOptions({ messengers: ['telegram'] });
    const answer = slowManaged();
    const fresh: EffectiveSettings[] = [];
    const first = await startupSettings((settings) => fresh.push(settings));
    expect(first.settings).toMatchObject({ mode: 'block', snoozeMinutes: 20, messengers: ['telegram'] });
    expect(first.lockedKeys).toEqual(['mode', 'snoozeMinutes']);
    expect(fresh).toEqual([]);

    answer({ mode: 'inform', snoozeMinutes: 'soon' });
    await vi.waitFor(() => expect(fresh).toHaveLength(1));
    expect(fresh[0]!.settings.mode).toBe('inform');
    // a malformed value falls back and is named, as always
    expect(fresh[0]!.problems.map((problem) => problem.key)).toEqual(['snoozeMinutes']);
    expect((await fakeBrowser.storage.local.get(LAST_POLICY_KEY))[LAST_POLICY_KEY]).toEqual({ mode: 'inform', snoozeMinutes: 'soon' });
  });

  it('waits for storage.managed when no policy was ever seen (the first start of a profile)', async () => {
    const answer = slowManaged();
    let settled: EffectiveSettings | undefined;
    const started = startupSettings(() => undefined).then((settings) => (settled = settings));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBeUndefined();
    answer({ mode: 'block' });
    expect((await started).settings.mode).toBe('block');
    expect((await fakeBrowser.storage.local.get(LAST_POLICY_KEY))[LAST_POLICY_KEY]).toEqual({ mode: 'block' });
  });

  it('remembers "no policy" too, so a removed policy is not applied again at the next start', async () => {
    await fakeBrowser.storage.local.set({ [LAST_POLICY_KEY]: { mode: 'block' } });
    const fresh: EffectiveSettings[] = [];
    slowManaged()({});
    await startupSettings((settings) => fresh.push(settings));
    await vi.waitFor(() => expect((fakeBrowser.storage.local.get(LAST_POLICY_KEY) as Promise<Record<string, unknown>>).then((s) => s[LAST_POLICY_KEY])).resolves.toEqual({}));
    const next = await startupSettings(() => undefined);
    expect(next.settings.mode).toBe('inform');
  });
});
