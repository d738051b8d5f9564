import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '../../collector/server/start-collector';
import { addDistrict } from '../../collector/storage/districts';
import { createToken } from '../../collector/storage/tokens';
import { freshSqliteTarget } from './support/databases';
import { hostileBodies, seededRandom, type HostileBody } from './support/hostile-bodies';
import { ingestFixture, TODAY, validBatch, type IngestFixture } from './support/ingest-app';

const IN_PROCESS = 100_000;
const THROUGH_HONO = 2_000;
const OVER_HTTP = 400;
const WRONG_CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'application/json-seq', '', 'application/xml'];

/** Mostly hostile bodies; some valid bodies with a wrong content type or token, which must not count either. */
function* hostileRequests(count: number, token: string, seed: number): Generator<{ kind: string; body: Uint8Array; headers: Record<string, string> }> {
  const random = seededRandom(seed + 1);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  for (const { kind, body } of hostileBodies(count, seed) as Iterable<HostileBody>) {
    const roll = random();
    if (roll < 0.05) yield { kind: 'wrong content type', body: new TextEncoder().encode(JSON.stringify(validBatch())), headers: { ...headers, 'content-type': WRONG_CONTENT_TYPES[Math.floor(random() * WRONG_CONTENT_TYPES.length)]! } };
    else if (roll < 0.1) yield { kind: 'bad token', body: new TextEncoder().encode(JSON.stringify(validBatch())), headers: { ...headers, authorization: ['', 'Bearer', 'Basic dG9rOnRvaw==', `Bearer ${token}x`, "Bearer ' or 1=1 --", `Bearer ${'a'.repeat(600)}`][Math.floor(random() * 6)]! } };
    else yield { kind, body, headers };
  }
}

function expectOnly4xx(statuses: Map<number, number>, byKind: Map<string, Set<number>>) {
  const bad = [...byKind].filter(([, seen]) => [...seen].some((status) => status < 400 || status > 499));
  expect(bad.map(([kind, seen]) => `${kind}: ${[...seen].join(',')}`)).toEqual([]);
  expect([...statuses.keys()].every((status) => status >= 400 && status < 500)).toBe(true);
}

function tally(statuses: Map<number, number>, byKind: Map<string, Set<number>>, kind: string, status: number) {
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  if (!byKind.has(kind)) byKind.set(kind, new Set());
  byKind.get(kind)!.add(status);
}

describe('fuzzing the report ingest', () => {
  let f: IngestFixture;
  beforeAll(async () => {
    f = await ingestFixture('sqlite', { rateLimit: { perSecond: 1e9, burst: 1e9 } });
  });
  afterAll(async () => f.drop());

  it(`answers ${IN_PROCESS.toLocaleString('en')} hostile bodies with 4xx only and stores nothing`, async () => {
    const statuses = new Map<number, number>();
    const byKind = new Map<string, Set<number>>();
    for (const request of hostileRequests(IN_PROCESS, f.north.token, 1)) {
      const answer = await f.ingest.handle({ contentType: request.headers['content-type'], authorization: request.headers.authorization, contentLength: String(request.body.byteLength), body: [request.body] });
      tally(statuses, byKind, request.kind, answer.status);
      if (answer.status >= 400 && !JSON.parse(answer.body).error) throw new Error(`no reason given for ${request.kind}`);
    }
    expectOnly4xx(statuses, byKind);
    expect(byKind.size).toBeGreaterThan(20);
    expect(await f.countsOf(f.north.id)).toEqual({});
    expect(await f.database.db.selectFrom('batches').selectAll().execute()).toEqual([]);
    expect((await f.post(validBatch())).status).toBe(202);
  }, 120_000);

  it(`answers ${THROUGH_HONO.toLocaleString('en')} more through the Hono app with 4xx only`, async () => {
    const before = await f.countsOf(f.north.id);
    const statuses = new Map<number, number>();
    const byKind = new Map<string, Set<number>>();
    for (const request of hostileRequests(THROUGH_HONO, f.north.token, 2)) {
      const response = await f.app.request('/api/v1/reports', { method: 'POST', headers: request.headers, body: request.body as BodyInit });
      tally(statuses, byKind, request.kind, response.status);
      await response.arrayBuffer();
    }
    expectOnly4xx(statuses, byKind);
    expect(await f.countsOf(f.north.id)).toEqual(before);
  }, 60_000);
});

describe('fuzzing over real HTTP', () => {
  let collector: RunningCollector;
  let token: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    const sqlite = freshSqliteTarget();
    remove = sqlite.remove;
    collector = await startCollector({ target: sqlite.target, port: 0, dashboard: false, rateLimit: { perSecond: 1e9, burst: 1e9 }, today: () => TODAY });
    const districtId = await addDistrict(collector.database.db, 'Северный район');
    token = await createToken(collector.database.db, districtId);
  });
  afterAll(async () => {
    await collector.close();
    await remove();
  });

  it(`answers ${OVER_HTTP} hostile requests with 4xx only and keeps serving`, async () => {
    const statuses = new Map<number, number>();
    const byKind = new Map<string, Set<number>>();
    const requests = [...hostileRequests(OVER_HTTP, token, 3)];
    for (let start = 0; start < requests.length; start += 16) {
      await Promise.all(
        requests.slice(start, start + 16).map(async (request) => {
          const response = await fetch(`${collector.url}/api/v1/reports`, { method: 'POST', headers: request.headers, body: request.body as BodyInit });
          tally(statuses, byKind, request.kind, response.status);
          await response.arrayBuffer();
        }),
      );
    }
    const oversized = await fetch(`${collector.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: new Uint8Array(200_000).fill(0x20),
    }).catch(() => null);
    if (oversized) tally(statuses, byKind, 'oversized', oversized.status);
    expectOnly4xx(statuses, byKind);
    expect(await collector.database.db.selectFrom('counts').selectAll().execute()).toEqual([]);
    const healthy = await fetch(`${collector.url}/api/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(validBatch()) });
    expect(healthy.status).toBe(202);
  }, 60_000);
});
