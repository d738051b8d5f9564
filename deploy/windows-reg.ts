import type { ChromiumBrowser } from './browsers';
import { chromiumPolicy, type ChromiumPolicyInput } from './chromium-policy';

/**
 * Windows .reg for a Chromium-family browser. Chrome reads a dictionary or list policy from a
 * REG_SZ holding JSON, and converts each `3rdparty` value by the extension's managed schema:
 * integers as REG_DWORD, strings as REG_SZ, arrays and objects as JSON strings.
 * regedit expects UTF-16LE with a byte order mark and CRLF line ends (Cyrillic text survives).
 */

const HEADER = 'Windows Registry Editor Version 5.00';

function regString(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error('a registry string value cannot contain a line break');
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function dword(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new Error(`not a DWORD: ${value}`);
  return `dword:${value.toString(16).padStart(8, '0')}`;
}

export function registryValue(value: unknown): string {
  if (typeof value === 'string') return regString(value);
  if (typeof value === 'number') return dword(value);
  if (typeof value === 'boolean') return dword(value ? 1 : 0);
  return regString(JSON.stringify(value));
}

export function windowsRegText(browser: ChromiumBrowser, input: ChromiumPolicyInput): string {
  const policy = chromiumPolicy(input);
  const lines = [
    HEADER,
    '',
    `; Podskazka for ${browser.name}: force-install and district settings. Import as administrator: reg import <file>`,
    `[${browser.registryKey}]`,
    `"ExtensionSettings"=${registryValue(policy.ExtensionSettings)}`,
    '',
    // Starting clean so a key the district dropped does not linger from an older file.
    `[-${browser.registryKey}\\3rdparty\\extensions\\${input.extensionId}]`,
    '',
    `[${browser.registryKey}\\3rdparty\\extensions\\${input.extensionId}\\policy]`,
    ...Object.entries(input.config).map(([key, value]) => `"${key}"=${registryValue(value)}`),
    '',
  ];
  return lines.join('\r\n');
}

/** Removes what windowsRegText added, for every given browser. */
export function windowsRemoveRegText(browsers: readonly ChromiumBrowser[], extensionId: string): string {
  const lines = [HEADER, '', '; Removes Podskazka\'s force-install and settings. Chrome uninstalls the extension on its next policy refresh.'];
  for (const browser of browsers) {
    lines.push(`[${browser.registryKey}]`, '"ExtensionSettings"=-', '', `[-${browser.registryKey}\\3rdparty\\extensions\\${extensionId}]`, '');
  }
  return lines.join('\r\n');
}

export function utf16leWithBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}
