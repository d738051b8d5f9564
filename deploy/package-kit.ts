import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crx3 } from './crx3';
import { extensionIdFromPrivateKey, publicKeyDer } from './extension-id';
import { updatesXml } from './updates-xml';
import { zipDirectory } from './zip';

export interface PackageKitInput {
  /** The built Chrome extension folder (.output/chrome-mv3). */
  chromeDir: string;
  /** The zip `wxt zip` made, for the Chrome Web Store; shipped as is. */
  chromeStoreZip?: Buffer;
  /** The zip `wxt zip -b firefox` made; shipped as an .xpi. */
  firefoxZip?: Buffer;
  privateKeyPem: string | Buffer;
  /** Folder URL where the district serves the CRX and updates.xml. */
  codebase: string;
}

export interface KitFile {
  path: string;
  contents: Buffer;
}

export interface PackageKit {
  version: string;
  extensionId: string;
  updateUrl: string;
  crxUrl: string;
  xpiUrl?: string;
  files: KitFile[];
}

/** Normalises a folder URL so file names can be appended. */
export function codebaseUrl(codebase: string): string {
  const url = new URL(codebase);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`codebase must be http(s): ${codebase}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * CRX3 of the built folder, its manifest `key` set to the signing key's public half so the id
 * stays the same whether the extension is packed or unpacked (a district key gives its own id).
 */
export function signedCrx(chromeDir: string, privateKeyPem: string | Buffer): { crx: Buffer; version: string } {
  const manifest = JSON.parse(readFileSync(join(chromeDir, 'manifest.json'), 'utf8')) as { version: string; key?: string };
  manifest.key = publicKeyDer(privateKeyPem).toString('base64');
  const zip = zipDirectory(chromeDir, { 'manifest.json': Buffer.from(JSON.stringify(manifest, null, 2), 'utf8') });
  return { crx: crx3(zip, privateKeyPem), version: manifest.version };
}

/** The signed CRX, its updates.xml, the store zip and the XPI, named by version so an update is a new URL. */
export function packageKit(input: PackageKitInput): PackageKit {
  const base = codebaseUrl(input.codebase);
  const extensionId = extensionIdFromPrivateKey(input.privateKeyPem);
  const { crx, version } = signedCrx(input.chromeDir, input.privateKeyPem);
  const crxName = `podskazka-${version}.crx`;
  const crxUrl = new URL(crxName, base).href;
  const updateUrl = new URL('updates.xml', base).href;
  const files: KitFile[] = [
    { path: crxName, contents: crx },
    { path: 'updates.xml', contents: Buffer.from(updatesXml({ extensionId, version, crxUrl }), 'utf8') },
  ];
  if (input.chromeStoreZip) files.push({ path: `podskazka-${version}-chrome.zip`, contents: input.chromeStoreZip });
  let xpiUrl: string | undefined;
  if (input.firefoxZip) {
    const xpiName = `podskazka-${version}.xpi`;
    xpiUrl = new URL(xpiName, base).href;
    files.push({ path: xpiName, contents: input.firefoxZip });
  }
  return { version, extensionId, updateUrl, crxUrl, xpiUrl, files };
}
