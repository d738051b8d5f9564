import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';

/** The dev signing key in this repo; its id is the manifest `key` in wxt.config.ts. Never for real districts. */
export const DEV_KEY_PATH = 'deploy/dev-key.pem';
export const DEV_EXTENSION_ID = 'leiigdjfeefjmcnfndecnklanfbdneep';

/** The public half (SubjectPublicKeyInfo, DER) of a PEM private key, PKCS#1 or PKCS#8. */
export function publicKeyDer(privateKeyPem: string | Buffer): Buffer {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' });
}

/** The 16 bytes Chrome derives an extension id from: the start of SHA-256 of the public key. */
export function crxIdBytes(spkiDer: Buffer): Buffer {
  return createHash('sha256').update(spkiDer).digest().subarray(0, 16);
}

/** Chrome's extension id: those 16 bytes in hex, written with the letters a–p instead of 0–f. */
export function extensionIdFromPublicKey(spkiDer: Buffer): string {
  return [...crxIdBytes(spkiDer).toString('hex')].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export function extensionIdFromPrivateKey(privateKeyPem: string | Buffer): string {
  return extensionIdFromPublicKey(publicKeyDer(privateKeyPem));
}
