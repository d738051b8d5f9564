import type { Policy } from '../protocol/policy';
import { CHROMIUM_BROWSERS, FIREFOX_POLICY_PATHS, LINUX_POLICY_FILE_NAME } from './browsers';
import { chromiumLinuxPolicyJson } from './chromium-policy';
import { FIREFOX_EXTENSION_ID, firefoxPoliciesJson } from './firefox-policy';
import { managedConfiguration } from './managed-configuration';
import { utf16leWithBom, windowsRegText, windowsRemoveRegText } from './windows-reg';

export interface PolicyFilesInput {
  /** The district's settings; validated here, an invalid value throws with the key named. */
  config: Partial<Policy>;
  /** Chrome extension id of the CRX the district ships (from its signing key). */
  extensionId: string;
  /** URL of updates.xml (self-hosted) or https://clients2.google.com/service/update2/crx (Web Store). */
  updateUrl: string;
  /** URL of the Firefox XPI; without it policies.json carries the settings only. */
  xpiUrl?: string;
  geckoId?: string;
}

export interface PolicyFile {
  /** Relative path inside the kit, e.g. "linux/chromium/podskazka.json". */
  path: string;
  /** The exact bytes to write (.reg files are UTF-16LE for regedit). */
  contents: Buffer;
  /** Where an IT person puts it. */
  installTo: string;
}

const isHttpUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** Every ready policy file for a district, from one validated configuration. */
export function policyFiles(input: PolicyFilesInput): PolicyFile[] {
  const { extensionId, updateUrl, xpiUrl, geckoId = FIREFOX_EXTENSION_ID } = input;
  if (!/^[a-p]{32}$/.test(extensionId)) throw new Error(`not a Chrome extension id: ${extensionId}`);
  if (!isHttpUrl(updateUrl)) throw new Error(`updateUrl must be an http(s) address: ${updateUrl}`);
  if (xpiUrl !== undefined && !/^(https?|file):\/\//.test(xpiUrl)) throw new Error(`xpiUrl must be https://, http:// or file:///: ${xpiUrl}`);
  const config = managedConfiguration(input.config);
  const chromiumInput = { config, extensionId, updateUrl };
  const files: PolicyFile[] = [];
  for (const browser of CHROMIUM_BROWSERS) {
    files.push({
      path: `linux/${browser.id}/${LINUX_POLICY_FILE_NAME}`,
      contents: Buffer.from(chromiumLinuxPolicyJson(chromiumInput), 'utf8'),
      installTo: `${browser.linuxPolicyDir}/${LINUX_POLICY_FILE_NAME}`,
    });
  }
  for (const browser of CHROMIUM_BROWSERS) {
    files.push({
      path: `windows/${browser.id}.reg`,
      contents: utf16leWithBom(windowsRegText(browser, chromiumInput)),
      installTo: `reg import windows\\${browser.id}.reg (as administrator)`,
    });
  }
  files.push({
    path: 'windows/remove-podskazka.reg',
    contents: utf16leWithBom(windowsRemoveRegText(CHROMIUM_BROWSERS, extensionId)),
    installTo: 'reg import windows\\remove-podskazka.reg (to remove)',
  });
  files.push({
    path: 'firefox/policies.json',
    contents: Buffer.from(firefoxPoliciesJson({ config, xpiUrl, geckoId }), 'utf8'),
    installTo: `${FIREFOX_POLICY_PATHS.linuxSystem} or ${FIREFOX_POLICY_PATHS.debianEsr} (Linux); ${FIREFOX_POLICY_PATHS.windows} (Windows)`,
  });
  if (xpiUrl) {
    files.push({
      path: 'firefox/policies-esr-unsigned.json',
      contents: Buffer.from(firefoxPoliciesJson({ config, xpiUrl, geckoId, allowUnsigned: true }), 'utf8'),
      installTo: 'instead of firefox/policies.json, only for Firefox ESR with an unsigned XPI (same place, named policies.json)',
    });
  }
  files.push({ path: 'README.txt', contents: Buffer.from(readme(files, extensionId), 'utf8'), installTo: '' });
  return files;
}

function readme(files: PolicyFile[], extensionId: string): string {
  return [
    'Podskazka — файлы политик / policy files',
    `Chrome extension id: ${extensionId}`,
    'Инструкция / Guide: docs/deploy.md',
    '',
    ...files.map((file) => `${file.path}\n    → ${file.installTo}`),
    '',
  ].join('\n');
}
