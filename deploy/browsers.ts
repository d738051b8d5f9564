/** Where each Chromium-family browser reads machine policy, on Linux (JSON folder) and Windows (registry). */
export interface ChromiumBrowser {
  id: 'chromium' | 'chrome' | 'yandex';
  name: string;
  linuxPolicyDir: string;
  registryKey: string;
}

export const CHROMIUM_BROWSERS: readonly ChromiumBrowser[] = [
  {
    id: 'chromium',
    name: 'Chromium',
    linuxPolicyDir: '/etc/chromium/policies/managed',
    registryKey: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Chromium',
  },
  {
    id: 'chrome',
    name: 'Google Chrome',
    linuxPolicyDir: '/etc/opt/chrome/policies/managed',
    registryKey: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome',
  },
  {
    id: 'yandex',
    name: 'Yandex Browser',
    linuxPolicyDir: '/etc/opt/yandex/browser/policies/managed',
    registryKey: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\YandexBrowser',
  },
];

/** Debian/Astra/ALT package path first; other Linux builds read /etc/firefox/policies/policies.json. */
export const FIREFOX_POLICY_PATHS = {
  linuxSystem: '/etc/firefox/policies/policies.json',
  debianEsr: '/usr/lib/firefox-esr/distribution/policies.json',
  windows: 'C:\\Program Files\\Mozilla Firefox\\distribution\\policies.json',
} as const;

/** The file name Podskazka's Linux policy file gets inside a browser's managed folder. */
export const LINUX_POLICY_FILE_NAME = 'podskazka.json';
