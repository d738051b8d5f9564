import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { crx3 } from '../../deploy/crx3';
import { DEV_KEY_PATH } from '../../deploy/extension-id';
import { packageKit } from '../../deploy/package-kit';
import { assertNoSecrets, secretReason } from '../../deploy/secret-files';
import { zipDirectory } from '../../deploy/zip';
import { crxZip, zipEntries } from '../../deploy/zip-entries';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function extensionFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'podskazka-secrets-'));
  folders.push(folder);
  for (const [name, contents] of Object.entries({ 'manifest.json': '{"version":"1.2.3"}', 'background.js': 'console.log(1)', ...files })) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), contents);
  }
  return folder;
}

const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('secrets are never packed', () => {
  it('names keys, settings, policy files, databases and packages by their file names, in any folder', () => {
    for (const name of ['district.pem', 'keys/school.key', 'district.json', 'school-0547.json', 'my-settings.json', 'policies.json', 'podskazka.reg', 'podskazka-collector.db', 'x/podskazka-collector.db-wal', '.env', 'old.crx', 'podskazka.xpi', 'podskazka-1.0.0-sources.zip']) {
      expect(secretReason(name, Buffer.from('')), name).not.toBeNull();
    }
    for (const name of ['manifest.json', 'managed_schema.json', '_locales/ru/messages.json', 'settings/policy.ts', 'content-scripts/messenger.js']) {
      expect(secretReason(name, Buffer.from('{"reportToken":{"type":"string"}}')), name).toBeNull();
    }
  });

  it('finds a private key or a report token inside a file of any name', () => {
    expect(secretReason('notes.txt', Buffer.from(pem))).toBe('it holds a private key');
    expect(secretReason('a.js', Buffer.from('{"reportToken": "pk_abc"}'))).toBe('it holds a report token');
  });

  it('refuses to ship a CRX or zip of a build folder that a key or settings file got into', () => {
    const clean = extensionFolder({});
    const kit = packageKit({ chromeDir: clean, privateKeyPem: pem, codebase: 'https://updates.example.ru/podskazka/' });
    for (const file of kit.files) if (file.path.endsWith('.crx')) expect(() => assertNoSecrets(file.path, file.contents)).not.toThrow();

    const leaky = extensionFolder({ 'icon/district.pem': pem });
    const crx = crx3(zipDirectory(leaky), pem);
    expect(zipEntries(crxZip(crx)).map((entry) => entry.name)).toContain('icon/district.pem');
    expect(() => assertNoSecrets('podskazka-1.2.3.crx', crx)).toThrow('refusing to ship podskazka-1.2.3.crx: icon/district.pem would be inside');
    expect(() => assertNoSecrets('podskazka.zip', zipDirectory(extensionFolder({ 'notes/readme.txt': `key:\n${pem}` })))).toThrow('notes/readme.txt would be inside, and it holds a private key');
    expect(() => assertNoSecrets('dev.zip', zipDirectory(extensionFolder({ 'deploy/dev-key.pem': '' })))).toThrow(DEV_KEY_PATH);
  });
});
