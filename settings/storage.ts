import { browser } from 'wxt/browser';
import type { Policy } from '../protocol/policy';
import { resolveSettings, type EffectiveSettings } from './resolve';

/** storage.local key holding the teacher's own options (for installs without policy). */
export const OPTIONS_KEY = 'options';

/**
 * The policy, or {} when there is none: Firefox rejects without a policies.json entry and
 * Chrome may throw without a managed schema. No policy is a normal state, not an error.
 */
export async function readManaged(): Promise<unknown> {
  try {
    return (await browser.storage.managed.get()) ?? {};
  } catch {
    return {};
  }
}

export async function readOptions(): Promise<unknown> {
  const stored = await browser.storage.local.get(OPTIONS_KEY);
  return stored[OPTIONS_KEY] ?? {};
}

/** The effective settings, read fresh from both storage areas. Never throws on bad values. */
export async function loadSettings(): Promise<EffectiveSettings> {
  const [managed, options] = await Promise.all([readManaged(), readOptions()]);
  return resolveSettings(managed, options);
}

/** Stores the teacher's own options; the caller validates them first (the options page does). */
export async function saveOptions(options: Partial<Policy>): Promise<void> {
  await browser.storage.local.set({ [OPTIONS_KEY]: options });
}
