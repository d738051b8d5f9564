import { browser } from 'wxt/browser';
import type { EffectiveSettings } from './resolve';
import { loadSettings, OPTIONS_KEY } from './storage';

/**
 * Calls `callback` with fresh effective settings whenever the policy or the teacher's options
 * change. Reloads that overlap are answered in order and only the newest result is delivered.
 * Returns a function that stops watching.
 */
export function watchSettings(callback: (settings: EffectiveSettings) => void): () => void {
  let latest = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'managed' && !(area === 'local' && OPTIONS_KEY in changes)) return;
    const ticket = ++latest;
    void loadSettings().then((settings) => {
      if (ticket === latest) callback(settings);
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
