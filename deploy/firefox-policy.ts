import type { Policy } from '../protocol/policy';

export const FIREFOX_EXTENSION_ID = 'podskazka@podskazka.ru';

export interface FirefoxPolicyInput {
  config: Partial<Policy>;
  /** Where Firefox downloads the XPI (https://, or file:/// on the machine); without it only settings are written. */
  xpiUrl?: string;
  geckoId?: string;
  /**
   * Firefox ESR (and Developer Edition, Nightly, unbranded builds) may install an unsigned XPI when
   * `xpinstall.signatures.required` is false, and its `Preferences` policy may set that pref.
   * Release Firefox ignores it: there the XPI must be signed by Mozilla (unlisted AMO signing).
   */
  allowUnsigned?: boolean;
}

export interface FirefoxPolicies {
  policies: {
    ExtensionSettings?: Record<string, { installation_mode: 'force_installed'; install_url: string }>;
    '3rdparty': { Extensions: Record<string, Partial<Policy>> };
    Preferences?: { 'xpinstall.signatures.required': { Value: false; Status: 'locked' } };
  };
}

/** Firefox's policies.json: force-install from install_url, and `3rdparty.Extensions` for storage.managed. */
export function firefoxPolicies({ config, xpiUrl, geckoId = FIREFOX_EXTENSION_ID, allowUnsigned = false }: FirefoxPolicyInput): FirefoxPolicies {
  return {
    policies: {
      ...(xpiUrl ? { ExtensionSettings: { [geckoId]: { installation_mode: 'force_installed' as const, install_url: xpiUrl } } } : {}),
      '3rdparty': { Extensions: { [geckoId]: config } },
      ...(allowUnsigned ? { Preferences: { 'xpinstall.signatures.required': { Value: false as const, Status: 'locked' as const } } } : {}),
    },
  };
}

export function firefoxPoliciesJson(input: FirefoxPolicyInput): string {
  return `${JSON.stringify(firefoxPolicies(input), null, 2)}\n`;
}
