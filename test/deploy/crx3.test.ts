import { createPublicKey, createVerify, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { crx3 } from '../../deploy/crx3';
import { DEV_EXTENSION_ID, DEV_KEY_PATH, extensionIdFromPrivateKey, extensionIdFromPublicKey, publicKeyDer } from '../../deploy/extension-id';
import { packageKit } from '../../deploy/package-kit';
import { updatesXml } from '../../deploy/updates-xml';
import { zipDirectory } from '../../deploy/zip';

/** Reads the length-delimited fields of one protobuf message (all CRX3 needs). */
function protobufFields(bytes: Buffer): Array<[number, Buffer]> {
  const fields: Array<[number, Buffer]> = [];
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 1;
    for (;;) {
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
      shift *= 128;
    }
  };
  while (at < bytes.length) {
    const tag = varint();
    if ((tag & 7) !== 2) throw new Error(`unexpected wire type ${tag & 7}`);
    const length = varint();
    fields.push([Math.floor(tag / 8), bytes.subarray(at, at + length)]);
    at += length;
  }
  return fields;
}

/** Verifies a CRX3 the way Chromium's crx_verifier does, returning the id and the zip. */
function verifyCrx(crx: Buffer): { id: string; zip: Buffer } {
  expect(crx.subarray(0, 4).toString('ascii')).toBe('Cr24');
  expect(crx.readUInt32LE(4)).toBe(3);
  const headerLength = crx.readUInt32LE(8);
  const header = protobufFields(crx.subarray(12, 12 + headerLength));
  const zip = crx.subarray(12 + headerLength);
  const signedData = header.find(([field]) => field === 10000)?.[1];
  const proofs = header.filter(([field]) => field === 2).map(([, proof]) => protobufFields(proof));
  if (!signedData || proofs.length !== 1) throw new Error('no signed data or not exactly one RSA proof');
  const publicKey = proofs[0]!.find(([field]) => field === 1)![1];
  const signature = proofs[0]!.find(([field]) => field === 2)![1];
  const crxId = protobufFields(signedData).find(([field]) => field === 1)![1];
  const length = Buffer.alloc(4);
  length.writeUInt32LE(signedData.length);
  const verifier = createVerify('sha256');
  verifier.update(Buffer.concat([Buffer.from('CRX3 SignedData\x00', 'binary'), length, signedData, zip]));
  expect(verifier.verify(createPublicKey({ key: publicKey, format: 'der', type: 'spki' }), signature)).toBe(true);
  const id = extensionIdFromPublicKey(publicKey);
  expect(crxId.toString('hex')).toBe([...id].map((letter) => (letter.charCodeAt(0) - 97).toString(16)).join(''));
  return { id, zip };
}

/** The named entry of a zip built by zipDirectory (deflate), read through its central directory. */
function unzipEntry(zip: Buffer, name: string): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let entry = 0; entry < zip.readUInt16LE(end + 10); entry++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    if (zip.subarray(at + 46, at + 46 + nameLength).toString('utf8') === name) {
      const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      return inflateRawSync(zip.subarray(dataStart, dataStart + zip.readUInt32LE(local + 18)));
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} not in zip`);
}

const devKey = readFileSync(DEV_KEY_PATH);
const built = mkdtempSync(join(tmpdir(), 'podskazka-crx-test-'));
writeFileSync(join(built, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Podskazka', version: '1.2.3' }));
writeFileSync(join(built, 'background.js'), 'console.log("привет")');
afterAll(() => rmSync(built, { recursive: true, force: true }));

describe('extension id and CRX3', () => {
  it('the dev key gives the id fixed by the manifest key in wxt.config.ts', () => {
    expect(extensionIdFromPrivateKey(devKey)).toBe(DEV_EXTENSION_ID);
    const configKey = /const CHROME_KEY =\s*'([^']+)'/.exec(readFileSync('wxt.config.ts', 'utf8'))?.[1];
    expect(publicKeyDer(devKey).toString('base64')).toBe(configKey);
  });

  it('a CRX signed with the dev key verifies and carries the dev id', () => {
    const zip = zipDirectory(built);
    const { id, zip: inside } = verifyCrx(crx3(zip, devKey));
    expect(id).toBe(DEV_EXTENSION_ID);
    expect(inside.equals(zip)).toBe(true);
  });

  it("a district's own key gives its own id, in the CRX, the manifest key and updates.xml", () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const districtPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const districtId = extensionIdFromPrivateKey(districtPem);
    expect(districtId).toMatch(/^[a-p]{32}$/);
    expect(districtId).not.toBe(DEV_EXTENSION_ID);
    const kit = packageKit({ chromeDir: built, privateKeyPem: districtPem, codebase: 'https://updates.district.example/podskazka' });
    expect(kit.extensionId).toBe(districtId);
    expect(kit.updateUrl).toBe('https://updates.district.example/podskazka/updates.xml');
    const crx = kit.files.find((file) => file.path === 'podskazka-1.2.3.crx')!.contents;
    const { id, zip } = verifyCrx(crx);
    expect(id).toBe(districtId);
    const manifest = JSON.parse(unzipEntry(zip, 'manifest.json').toString('utf8')) as { key: string; version: string };
    expect(extensionIdFromPublicKey(Buffer.from(manifest.key, 'base64'))).toBe(districtId);
    expect(unzipEntry(zip, 'background.js').toString('utf8')).toBe('console.log("привет")');
    const xml = kit.files.find((file) => file.path === 'updates.xml')!.contents.toString('utf8');
    expect(xml).toContain(`appid='${districtId}'`);
    expect(xml).toContain("codebase='https://updates.district.example/podskazka/podskazka-1.2.3.crx'");
    expect(xml).toContain("version='1.2.3'");
  });

  it('updates.xml escapes what it is given', () => {
    const xml = updatesXml({ extensionId: DEV_EXTENSION_ID, version: '1.0.0', crxUrl: "https://x.example/a?b=1&c='2'" });
    expect(xml).toContain("codebase='https://x.example/a?b=1&amp;c=&apos;2&apos;'");
  });
});
