import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { crxZip, zipEntries, type ZipEntry } from '../../deploy/zip-entries';

/**
 * The kit is built the way docs/deploy.md had IT staff do it for years: with the district's key,
 * settings and a collector database lying in the project folder. None of them, nor the dev key,
 * may end up in any zip, CRX or XPI it makes; and Mozilla's linter finds nothing to fix in the XPI.
 */
const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const TOKEN = `pk_${randomBytes(32).toString('base64url')}`;
const KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const DEV_KEY = readFileSync(join(ROOT, 'deploy/dev-key.pem'), 'utf8');
const NOT_COPIED = new Set(['node_modules', '.output', '.wxt', '.git', 'test-results', 'playwright-report', 'dist']);

let project: string;
let archives: Map<string, ZipEntry[]>;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  project = mkdtempSync(join(tmpdir(), 'podskazka-packaging-'));
  cpSync(ROOT, project, { recursive: true, filter: (source) => !NOT_COPIED.has(relative(ROOT, source).split('/').at(-1)!) });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  const settings = { reportEndpoint: 'https://collector.district.example/api/v1/reports', reportToken: TOKEN, orgId: 'school-0547', mode: 'inform' };
  writeFileSync(join(project, 'district.pem'), KEY);
  writeFileSync(join(project, 'district.json'), JSON.stringify(settings, null, 2));
  writeFileSync(join(project, 'school-0547.json'), JSON.stringify(settings));
  writeFileSync(join(project, 'podskazka-collector.db'), `SQLite format 3\0${TOKEN}`);
  writeFileSync(join(project, 'podskazka-collector.db-wal'), TOKEN);
  writeFileSync(join(project, '.env'), `PODSKAZKA_CRX_KEY=${KEY}`);

  const args = ['tsx', 'scripts/package.ts', '--key', 'district.pem', '--settings', 'district.json', '--codebase', 'https://updates.district.example/podskazka/'];
  await run('npx', args, { cwd: project, maxBuffer: 64 * 1024 * 1024 });

  archives = new Map();
  const found = [
    ...readdirSync(join(project, '.output')).filter((name) => name.endsWith('.zip')).map((name) => join('.output', name)),
    ...readdirSync(join(project, '.output/package')).filter((name) => /\.(zip|crx|xpi)$/.test(name)).map((name) => join('.output/package', name)),
  ];
  for (const path of found) {
    const bytes = readFileSync(join(project, path));
    archives.set(path, zipEntries(path.endsWith('.crx') ? crxZip(bytes) : bytes));
  }
});

test.afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

test('no zip, CRX or XPI holds the district key, its settings, a database or the dev key', () => {
  const names = [...archives.keys()].map((path) => path.split('/').at(-1)!.replace(/\d+\.\d+\.\d+/, 'V'));
  expect(names.sort()).toEqual(['podskazka-V-chrome.zip', 'podskazka-V-chrome.zip', 'podskazka-V-firefox.zip', 'podskazka-V-sources.zip', 'podskazka-V.crx', 'podskazka-V.xpi'].sort());
  const secrets = [TOKEN, KEY.split('\n')[1]!, DEV_KEY.split('\n')[1]!, 'SQLite format 3'];
  for (const [archive, entries] of archives) {
    expect(entries.length, archive).toBeGreaterThan(5);
    for (const entry of entries) {
      expect(entry.name, archive).not.toMatch(/\.(pem|db|db-wal|env)$|(^|\/)(district|school-0547)\.json$|(^|\/)\.env$/);
      const text = entry.data.toString('latin1');
      for (const secret of secrets) expect(text.includes(secret), `${archive}: ${entry.name} holds "${secret.slice(0, 20)}…"`).toBe(false);
      expect(text, `${archive}: ${entry.name}`).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    }
  }
});

test('the sources zip is enough to build the extension: every relative import it names is inside', () => {
  const sources = [...archives].find(([path]) => path.endsWith('-sources.zip'))![1];
  const files = new Set(sources.map((entry) => entry.name));
  for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'entrypoints/background.ts']) expect(files).toContain(needed);
  for (const entry of sources.filter((file) => /\.tsx?$/.test(file.name))) {
    for (const [, specifier] of entry.data.toString('utf8').matchAll(/from '(\.\.?\/[^']+)'/g)) {
      const base = join(entry.name, '..', specifier!.replace(/\?.*$/, ''));
      const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
      expect(candidates.some((candidate) => files.has(candidate)), `${entry.name} imports ${specifier}`).toBe(true);
    }
  }
});

test("Mozilla's addons-linter: no error, and no warning but Preact's own innerHTML code for dangerouslySetInnerHTML", async () => {
  test.setTimeout(180_000);
  const xpi = [...archives.keys()].find((path) => path.endsWith('.xpi'))!;
  const { stdout } = await run('npx', ['addons-linter', '--output', 'json', join(project, xpi)], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).catch((failure: { stdout: string }) => failure);
  const report = JSON.parse(stdout) as { errors: unknown[]; notices: unknown[]; warnings: { code: string; file: string; line: number; column: number }[] };
  expect(report.errors).toEqual([]);
  const entries = archives.get(xpi)!;
  for (const warning of report.warnings) {
    expect(warning.code, JSON.stringify(warning)).toBe('UNSAFE_VAR_ASSIGNMENT');
    const line = entries.find((entry) => entry.name === warning.file)!.data.toString('utf8').split('\n')[warning.line - 1]!;
    expect(line.slice(warning.column - 40, warning.column + 40), JSON.stringify(warning)).toContain('.innerHTML=');
    expect(line.slice(warning.column - 120, warning.column + 40), JSON.stringify(warning)).toMatch(/__html/);
  }
});
