import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID } from './chromium';

/** Debian's Chromium reads machine-wide policy here (Google Chrome: /etc/opt/chrome/policies/managed). */
export const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'podskazka-e2e.json');

/**
 * Writes a real managed policy for the extension, as a district would. Chromium reads it when it
 * starts, so write it before launching. The file is machine-wide: hold the e2e lock and always
 * call `removeManagedPolicy()` afterwards.
 */
export function writeManagedPolicy(settings: Record<string, unknown>): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: settings } } }, null, 2));
}

export function removeManagedPolicy(): void {
  rmSync(POLICY_FILE, { force: true });
}
