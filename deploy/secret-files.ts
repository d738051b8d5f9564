import { matchesGlob } from 'node:path';
import { crxZip, zipEntries } from './zip-entries';

/**
 * What must never be packed: signing keys, district or school settings (they carry the report
 * token), generated policy files (the same), collector databases and their journals, env files,
 * and packages already built. Paths relative to the project folder or the archive's root.
 */
export const SECRET_FILE_GLOBS = [
  '**/*.pem',
  '**/*.key',
  '**/*.p12',
  '**/*.pfx',
  '**/.env*',
  '**/district*.json',
  '**/school*.json',
  '**/*settings*.json',
  '**/policies.json',
  '**/*.reg',
  '**/*.db',
  '**/*.db-*',
  '**/*.sqlite*',
  '**/*.crx',
  '**/*.xpi',
  '**/*.zip',
];

const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const REPORT_TOKEN = /"reportToken"\s*:\s*"[^"]+"/;

/** Why a file must not be packed, or null. */
export function secretReason(name: string, data: Buffer): string | null {
  if (SECRET_FILE_GLOBS.some((glob) => matchesGlob(name, glob))) return 'its name is one of a key, settings, policy, database or package';
  const text = data.toString('latin1');
  if (PRIVATE_KEY.test(text)) return 'it holds a private key';
  if (REPORT_TOKEN.test(text)) return 'it holds a report token';
  return null;
}

/** Throws, naming the file, when a zip, CRX or XPI holds anything secret. */
export function assertNoSecrets(archiveName: string, archive: Buffer): void {
  const zip = archiveName.endsWith('.crx') ? crxZip(archive) : archive;
  for (const entry of zipEntries(zip)) {
    const reason = secretReason(entry.name, entry.data);
    if (reason) throw new Error(`refusing to ship ${archiveName}: ${entry.name} would be inside, and ${reason}`);
  }
}
