import { browser } from 'wxt/browser';
import { resolveSettings, type EffectiveSettings } from './resolve';
import { OPTIONS_KEY, readManaged, readOptions } from './storage';

/** storage.local key: the last policy storage.managed answered with ({} for none). */
export const LAST_POLICY_KEY = 'lastPolicy';

/** Reads the policy and keeps it as the last one seen (the keeping is not waited for: the rules come first). */
export async function rememberPolicy(): Promise<unknown> {
  const managed = await readManaged();
  void browser.storage.local.set({ [LAST_POLICY_KEY]: managed }).catch(() => undefined);
  return managed;
}

/**
 * The settings the worker acts on while it starts. Chromium's storage.managed answers only seconds
 * after the browser starts, so the last policy seen (kept in storage.local) applies at once and
 * `onFresh` gets the settings when the managed value arrives. A profile that never saw a policy
 * (its first start) waits for storage.managed instead: acting on the defaults would let a
 * block-mode page through (docs/design-notes.md, «Policy from the first page»).
 */
export async function startupSettings(onFresh: (settings: EffectiveSettings) => void): Promise<EffectiveSettings> {
  let arrived = false;
  const options = readOptions();
  const fresh = (async () => resolveSettings(await rememberPolicy(), await options))().finally(() => (arrived = true));
  const stored = await browser.storage.local.get([LAST_POLICY_KEY, OPTIONS_KEY]);
  // the managed value came first (Firefox answers at once): the cache has nothing to add
  if (arrived || stored[LAST_POLICY_KEY] === undefined) return fresh;
  void fresh.then(onFresh);
  return resolveSettings(stored[LAST_POLICY_KEY], stored[OPTIONS_KEY] ?? {});
}
