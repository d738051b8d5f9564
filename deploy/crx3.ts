import { createPrivateKey, createSign } from 'node:crypto';
import { crxIdBytes, publicKeyDer } from './extension-id';

/**
 * CRX3 package (Chromium's components/crx_file/crx3.proto): "Cr24", version 3, header length, a
 * CrxFileHeader protobuf with one RSA-SHA256 proof, then the zip. Written by hand — the format
 * needs only length-delimited protobuf fields, and this signs the exact zip `wxt zip` produced.
 */

const MAGIC = Buffer.from('Cr24', 'ascii');
const SIGNATURE_CONTEXT = Buffer.from('CRX3 SignedData\x00', 'binary');

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/** A length-delimited protobuf field (wire type 2). */
function bytesField(fieldNumber: number, value: Buffer): Buffer {
  return Buffer.concat([varint(fieldNumber * 8 + 2), varint(value.length), value]);
}

function uint32le(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}

/** Signs `zip` with the RSA private key and returns the .crx file. */
export function crx3(zip: Buffer, privateKeyPem: string | Buffer): Buffer {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('the CRX signing key must be an RSA private key');
  const publicKey = publicKeyDer(privateKeyPem);
  const signedHeaderData = bytesField(1, crxIdBytes(publicKey)); // SignedData { crx_id }
  const signer = createSign('sha256');
  signer.update(SIGNATURE_CONTEXT);
  signer.update(uint32le(signedHeaderData.length));
  signer.update(signedHeaderData);
  signer.update(zip);
  const signature = signer.sign(privateKey);
  const proof = Buffer.concat([bytesField(1, publicKey), bytesField(2, signature)]); // AsymmetricKeyProof
  const header = Buffer.concat([bytesField(2, proof), bytesField(10000, signedHeaderData)]); // CrxFileHeader
  return Buffer.concat([MAGIC, uint32le(3), uint32le(header.length), header, zip]);
}
