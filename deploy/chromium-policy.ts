import type { Policy } from '../protocol/policy';

export interface ChromiumPolicyInput {
  config: Partial<Policy>;
  extensionId: string;
  /** The self-hosted updates.xml, or the Chrome Web Store's update URL. */
  updateUrl: string;
}

export interface ExtensionInstallSettings {
  installation_mode: 'force_installed';
  update_url: string;
  toolbar_pin: 'force_pinned';
}

/** The policy values Chromium, Chrome and Yandex Browser share: force-install plus managed configuration. */
export interface ChromiumPolicy {
  ExtensionSettings: Record<string, ExtensionInstallSettings>;
  '3rdparty': { extensions: Record<string, Partial<Policy>> };
}

/**
 * Pinned so teachers see the icon and its status; `3rdparty.extensions.<id>` is what the
 * extension reads from storage.managed (checked by Chrome against the manifest's managed_schema).
 */
export function chromiumPolicy({ config, extensionId, updateUrl }: ChromiumPolicyInput): ChromiumPolicy {
  return {
    ExtensionSettings: {
      [extensionId]: { installation_mode: 'force_installed', update_url: updateUrl, toolbar_pin: 'force_pinned' },
    },
    '3rdparty': { extensions: { [extensionId]: config } },
  };
}

/** The Linux file for /etc/…/policies/managed/: the same values as JSON. */
export function chromiumLinuxPolicyJson(input: ChromiumPolicyInput): string {
  return `${JSON.stringify(chromiumPolicy(input), null, 2)}\n`;
}
