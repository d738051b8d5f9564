/**
 * `npm run package`: Chrome zip, signed CRX3 + updates.xml for self-hosting, Firefox XPI, and
 * (with --settings) every ready policy file. Usage in docs/deploy.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_EXTENSION_ID, DEV_KEY_PATH } from '../deploy/extension-id';
import { packageKit } from '../deploy/package-kit';
import { policyFiles } from '../deploy/policy-files';
import { assertNoSecrets } from '../deploy/secret-files';

const { values: args } = parseArgs({
  options: {
    key: { type: 'string' },
    codebase: { type: 'string' },
    settings: { type: 'string' },
    'xpi-url': { type: 'string' },
    'store-id': { type: 'string' },
    out: { type: 'string', default: '.output/package' },
    'skip-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  console.log(`npm run package -- [--key district.pem] [--codebase https://server/podskazka/] [--settings district.json] [--xpi-url URL] [--out DIR] [--skip-build]
  --key        RSA private key (PEM) that signs the CRX; or env PODSKAZKA_CRX_KEY (a path or the PEM itself).
               Without both, the DEV key in ${DEV_KEY_PATH} is used — for tests only.
  --codebase   Where you will serve the CRX and updates.xml (the folder's URL).
  --settings   District settings (JSON, the keys of docs/deploy.md) → policy files in <out>/policies.
  --xpi-url    Where Firefox downloads the XPI (default: <codebase>/podskazka-<version>.xpi).
  --store-id   The id the Chrome Web Store gave Podskazka: Chromium-family policy files then install
               from the Web Store (needed for Yandex Browser, and for Chrome on Windows outside a domain).`);
  process.exit(0);
}

function readKey(): { pem: string; isDev: boolean } {
  const source = args.key ?? process.env.PODSKAZKA_CRX_KEY;
  if (!source) return { pem: readFileSync(DEV_KEY_PATH, 'utf8'), isDev: true };
  const pem = source.includes('-----BEGIN') ? source : readFileSync(source, 'utf8');
  return { pem, isDev: false };
}

function wxtZip(browser: 'chrome' | 'firefox'): void {
  execFileSync('npx', ['wxt', 'zip', '-b', browser], { stdio: 'inherit' });
}

function findZip(suffix: string): Buffer {
  const name = readdirSync('.output').find((file) => file.endsWith(suffix));
  if (!name) throw new Error(`.output/*${suffix} not found; run without --skip-build`);
  return readFileSync(join('.output', name));
}

const CHROME_WEB_STORE_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';
const DEFAULT_CODEBASE = 'https://updates.example.invalid/podskazka/';

if (!args['skip-build']) {
  wxtZip('chrome');
  wxtZip('firefox');
}
const version = (JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')) as { version: string }).version;
const key = readKey();
const kit = packageKit({
  chromeDir: '.output/chrome-mv3',
  chromeStoreZip: findZip(`-${version}-chrome.zip`),
  firefoxZip: findZip(`-${version}-firefox.zip`),
  privateKeyPem: key.pem,
  codebase: args.codebase ?? DEFAULT_CODEBASE,
});
// wxt's sources zip is what a district would upload for Firefox's review: checked with the kit
for (const name of readdirSync('.output').filter((file) => file.endsWith('-sources.zip'))) assertNoSecrets(name, readFileSync(join('.output', name)));
for (const file of kit.files) if (/\.(crx|xpi|zip)$/.test(file.path)) assertNoSecrets(file.path, file.contents);
const outDir = resolve(args.out ?? '.output/package');
const written = [...kit.files];
if (args.settings) {
  const settings = JSON.parse(readFileSync(args.settings, 'utf8')) as Record<string, unknown>;
  const storeId = args['store-id'];
  const files = policyFiles({
    config: settings,
    extensionId: storeId ?? kit.extensionId,
    updateUrl: storeId ? CHROME_WEB_STORE_UPDATE_URL : kit.updateUrl,
    xpiUrl: args['xpi-url'] ?? kit.xpiUrl,
  });
  written.push(...files.map((file) => ({ path: join('policies', file.path), contents: file.contents })));
}
for (const file of written) {
  const target = join(outDir, file.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.contents);
}

console.log(`\nPodskazka ${version} → ${outDir}`);
for (const file of written) console.log(`  ${file.path}`);
console.log(`\nChrome extension id: ${kit.extensionId}\nupdate_url:          ${kit.updateUrl}`);
if (key.isDev) {
  console.log(`\n!! Signed with the DEV key (${DEV_KEY_PATH}, id ${DEV_EXTENSION_ID}). It is public: use it for tests only.`);
  console.log('!! For a district: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out district.pem; npm run package -- --key district.pem');
}
if (!args.codebase) console.log(`!! --codebase not given: the files point to ${DEFAULT_CODEBASE}; give the URL you will serve them from.`);
if (!args.settings) console.log('Policy files: add --settings district.json (or use the collector\'s `policy` command).');
