import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revokeTokenValue } from '../../collector/storage/tokens';
import { ENGINES } from './support/databases';
import { ingestFixture, validBatch, type IngestFixture } from './support/ingest-app';

describe.each(ENGINES)('POST /api/v1/reports on $name', ({ name, skip }) => {
  let f: IngestFixture;
  beforeEach(async () => {
    if (!skip) f = await ingestFixture(name, { rateLimit: { perSecond: 1, burst: 5 }, tokenTtlMs: 0 });
  });
  afterEach(async () => {
    if (!skip) await f.drop();
  });

  it.skipIf(skip)('stores a valid batch (202) and counts a repeated batchId once (200 duplicate)', async () => {
    const batch = validBatch();
    const first = await f.post(batch);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ stored: true });
    const again = await f.post(batch);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ duplicate: true });
    expect(await f.countsOf(f.north.id)).toEqual({
      'school-0547|2026-11-22|telegram|opened': 3,
      'school-0547|2026-11-23|whatsapp|nudge_shown': 1,
    });
  });

  it.skipIf(skip)('adds batches up per school, day, messenger and event', async () => {
    await f.post(validBatch());
    await f.post(validBatch({ counts: [{ day: '2026-11-22', messenger: 'telegram', event: 'opened', n: 4 }] }));
    await f.post(validBatch({ orgId: '', counts: [{ day: '2026-11-22', messenger: 'telegram', event: 'opened', n: 2 }] }));
    expect(await f.countsOf(f.north.id)).toEqual({
      'school-0547|2026-11-22|telegram|opened': 7,
      'school-0547|2026-11-23|whatsapp|nudge_shown': 1,
      '|2026-11-22|telegram|opened': 2,
    });
  });

  it.skipIf(skip)("keeps each token's counts in its own district", async () => {
    await f.post(validBatch(), { authorization: `Bearer ${f.south.token}` });
    expect(await f.countsOf(f.north.id)).toEqual({});
    expect(Object.values(await f.countsOf(f.south.id))).toEqual([3, 1]);
  });

  it.skipIf(skip)('answers 400 with readable zod issues and stores nothing', async () => {
    const response = await f.post(validBatch({ counts: [{ day: '2026-11-22', messenger: 'icq', event: 'opened', n: 0 }], extra: 1 }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: { path: string; message: string }[] };
    expect(body.error).toMatch(/^The report does not match wire format v1 or v2: /);
    expect(body.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['counts.0.messenger', 'counts.0.n']));
    expect(body.issues.every((issue) => issue.message.length > 0)).toBe(true);
    expect(await f.countsOf(f.north.id)).toEqual({});
  });

  it.skipIf(skip)('rejects days outside the window: older than 60 days or in the future', async () => {
    for (const day of ['2026-09-22', '2026-11-25', '2026-02-30']) {
      const response = await f.post(validBatch({ counts: [{ day, messenger: 'telegram', event: 'opened', n: 1 }] }));
      expect(response.status, day).toBe(400);
      expect(((await response.json()) as { error: string }).error).toContain('counts.0.day');
    }
    expect((await f.post(validBatch({ counts: [{ day: '2026-09-23', messenger: 'telegram', event: 'opened', n: 1 }] }))).status).toBe(202);
    expect((await f.post(validBatch({ counts: [{ day: '2026-11-24', messenger: 'telegram', event: 'opened', n: 1 }] }))).status).toBe(202);
  });

  it.skipIf(skip)('answers 400 for a body that is not JSON or not UTF-8', async () => {
    const notJson = await f.post('{"v":1,');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: 'The body is not valid JSON.' });
    const notUtf8 = await f.post(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    expect(await notUtf8.json()).toEqual({ error: 'The body is not valid UTF-8.' });
  });

  it.skipIf(skip)('answers 401 without a token, with an unknown one and with a revoked one', async () => {
    const missing = await f.post(validBatch(), { authorization: '' });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: string }).error).toContain('Authorization: Bearer');
    expect((await f.post(validBatch(), { authorization: 'Bearer not-a-token' })).status).toBe(401);
    await revokeTokenValue(f.database.db, f.north.token);
    const revoked = await f.post(validBatch());
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({ error: 'This report token is unknown or revoked.' });
    expect(await f.countsOf(f.north.id)).toEqual({});
  });

  it.skipIf(skip)('answers 415 for another content type', async () => {
    const response = await f.post(JSON.stringify(validBatch()), { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: 'Content-Type must be application/json.' });
  });

  it.skipIf(skip)('answers 413 for a body over 64 KiB, declared or streamed', async () => {
    const big = JSON.stringify(validBatch({ extVersion: 'x'.repeat(70_000) }));
    const declared = await f.post(big);
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: string }).error).toBe('A report may be at most 65536 bytes.');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 70; i += 1) controller.enqueue(new Uint8Array(1024).fill(0x20));
        controller.close();
      },
    });
    const streamed = await f.app.request('/api/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${f.north.token}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it.skipIf(skip)('limits reports per token with 429 and Retry-After, other tokens unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await f.post(validBatch())).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const limited = await f.post(validBatch());
    expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(((await limited.json()) as { error: string }).error).toMatch(/^Too many reports with this token; retry in \d+ s\.$/);
    expect((await f.post(validBatch(), { authorization: `Bearer ${f.south.token}` })).status).toBe(202);
  });

  it.skipIf(skip)('lets the extension post cross-origin: preflight and readable answers', async () => {
    const preflight = await f.app.request('/api/v1/reports', {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://leiigdjfeefjmcnfndecnklanfbdneep', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization.*Content-Type/);
    const answer = await f.post(validBatch());
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it.skipIf(skip)('stores nothing about the sender: only batch ids and counts', async () => {
    await f.post(validBatch(), { 'user-agent': 'Mozilla/5.0 secret-agent', 'x-forwarded-for': '10.1.2.3' });
    const everything = JSON.stringify([
      await f.database.db.selectFrom('batches').selectAll().execute(),
      await f.database.db.selectFrom('counts').selectAll().execute(),
    ]);
    expect(everything).not.toMatch(/secret-agent|10\.1\.2\.3|extVersion|1\.2\.0/);
  });
});

describe('collector service routes', () => {
  let f: IngestFixture;
  beforeEach(async () => {
    f = await ingestFixture('sqlite');
  });
  afterEach(async () => f.drop());

  it('answers /healthz and serves an OpenAPI document with the ReportBatch schema', async () => {
    expect(await (await f.app.request('/healthz')).json()).toEqual({ ok: true });
    const openapi = (await (await f.app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: { ReportBatch: { oneOf: { required: string[]; properties: { visits?: { items: { properties: object } } } }[] } } };
    };
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toContain('/api/v1/reports');
    const [v1, v2] = openapi.components.schemas.ReportBatch.oneOf;
    expect(v1!.required).toEqual(['v', 'batchId', 'orgId', 'extVersion', 'counts']);
    expect(v2!.required).toEqual(['v', 'batchId', 'orgId', 'extVersion', 'counts', 'visits']);
    expect(Object.keys(v2!.properties.visits!.items.properties)).toEqual(['day', 'target', 'n']);
  });

  it('answers 405 with a reason for PUT on the report path', async () => {
    const response = await f.app.request('/api/v1/reports', { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(await response.json()).toEqual({ error: 'Reports are sent with POST; GET checks the token.' });
  });
});
