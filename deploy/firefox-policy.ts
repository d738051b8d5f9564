import type { Policy } from '../protocol/policy';

export const FIREFOX_EXTENSION_ID = 'podskazka@podskazka.ru';

export interface FirefoxPolicyInput {
  config: Partial<Policy>;
  /** Where Firefox downloads the XPI (https://, or file:/// on the machine); without it only settings are written. */
  xpiUrl?: string;
  geckoId?: string;
}

export interface FirefoxPolicies {
  policies: {
    ExtensionSettings?: Record<string, { installation_mode: 'force_installed'; install_url: string }>;
    '3rdparty': { Extensions: Record<string, Partial<Policy>> };
  };
}

/** Firefox's policies.json: force-install from install_url, and `3rdparty.Extensions` for storage.managed. */
export function firefoxPolicies({ config, xpiUrl, geckoId = FIREFOX_EXTENSION_ID }: FirefoxPolicyInput): FirefoxPolicies {
  return {
    policies: {
      ...(xpiUrl ? { ExtensionSettings: { [geckoId]: { installation_mode: 'force_installed' as const, install_url: xpiUrl } } } : {}),
      '3rdparty': { Extensions: { [geckoId]: config } },
    },
  };
}

export function firefoxPoliciesJson(input: FirefoxPolicyInput): string {
  return `${JSON.stringify(firefoxPolicies(input), null, 2)}\n`;
}
