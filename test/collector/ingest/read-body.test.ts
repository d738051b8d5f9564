import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLimitedBody } from '../../../collector/ingest/read-body';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (body: Uint8Array | null) => (body === null ? null : new TextDecoder().decode(body));

describe('reading a report body up to its limit', () => {
  it('joins the chunks of a node stream, an async iterable and an array', async () => {
    const chunks = () => [bytes('{"v":'), bytes('1}')];
    expect(text(await readLimitedBody(Readable.from(chunks()), 64))).toBe('{"v":1}');
    expect(text(await readLimitedBody((async function* () { yield* chunks(); })(), 64))).toBe('{"v":1}');
    expect(text(await readLimitedBody(chunks(), 64))).toBe('{"v":1}');
    expect(text(await readLimitedBody(null, 64))).toBe('');
  });

  it('gives null as soon as an endless node stream passes the limit, and reads no further', async () => {
    const endless = new Readable({
      read() {
        this.push(new Uint8Array(16));
      },
    });
    expect(await readLimitedBody(endless, 40)).toBeNull();
    expect(endless.isPaused()).toBe(true);
    endless.destroy();
  });

  it('fails when the request is closed before its body ended', async () => {
    const cut = new Readable({ read() {} });
    cut.push(bytes('{"v":'));
    setImmediate(() => cut.destroy());
    await expect(readLimitedBody(cut, 64)).rejects.toThrow();
  });
});
