import { browser } from 'wxt/browser';
import { rememberPolicy, startupSettings, watchSettings, type EffectiveSettings } from '../settings';
import { extensionOrigin } from '../messages/extension-url';
import { publishPageRules } from '../settings/page-rules';
import { blockNavigation, reopenRefusedGuide } from './block/navigation';
import { blockOpenTabs } from './block/open-tabs';
import { syncBlockRules } from './block/redirect-rules';
import { syncExtraContentScripts } from './extra-content-scripts';
import { countAlternativeVisit, forgetTab } from './alternative-visits';
import { countNavigationStart, forgetTabAttempt } from './attempts';
import { handleFailedNavigation } from './navigation-watch';

let current: Promise<EffectiveSettings> | undefined;

/** The effective settings the worker acts on, kept fresh by `followPolicy`. */
export function currentSettings(): Promise<EffectiveSettings> {
  current ??= startupSettings(follow);
  return current;
}

function follow(effective: EffectiveSettings): void {
  current = Promise.resolve(effective);
  void apply(effective);
}

async function apply(effective: EffectiveSettings): Promise<void> {
  const { settings } = effective;
  const results = await Promise.allSettled([syncBlockRules(settings), syncExtraContentScripts(settings), publishPageRules(settings), blockOpenTabs(settings)]);
  for (const result of results) if (result.status === 'rejected') console.warn('podskazka: applying settings failed', result.reason);
}

/**
 * Call once, synchronously, when the worker starts (listeners must be registered at top level in
 * MV3): applies the settings now and after every change of policy, options or permissions.
 */
export function followPolicy(): void {
  void currentSettings().then(apply);
  watchSettings(follow);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void rememberPolicy();
  });
  const resync = () => void currentSettings().then((effective) => syncExtraContentScripts(effective.settings).catch(() => undefined));
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  const web = { url: [{ schemes: ['http', 'https'] }] };
  browser.webNavigation.onBeforeNavigate.addListener((details) => {
    const settings = currentSettings().then((effective) => effective.settings);
    void countNavigationStart(details, settings);
    void settings.then((policy) => blockNavigation(details, policy));
  }, web);
  browser.webNavigation.onCommitted.addListener((details) => {
    void currentSettings().then((effective) => countAlternativeVisit(details, effective.settings));
  }, web);
  browser.webNavigation.onErrorOccurred.addListener((details) => void reopenRefusedGuide(details), { url: [{ schemes: [extensionOrigin().split(':')[0]!] }] });
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTabAttempt(tabId);
    void forgetTab(tabId);
  });
  browser.webNavigation.onErrorOccurred.addListener((details) => {
    void currentSettings().then((effective) => handleFailedNavigation(details, effective.settings));
  }, web);
}
