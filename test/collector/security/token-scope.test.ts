import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createToken, revokeToken, hashToken } from '../../../collector/storage/tokens';
import { ENGINES } from '../support/databases';
import { ingestFixture, validBatch, type IngestFixture } from '../support/ingest-app';

const row = (n = 1) => ({ day: '2026-11-22', messenger: 'telegram', event: 'opened', n });

describe.each(ENGINES)('report tokens: scope and quotas on $name', ({ name, skip }) => {
  let f: IngestFixture;
  beforeEach(async () => {
    if (!skip) f = await ingestFixture(name, { rateLimit: { perSecond: 1e6, burst: 1e6 } });
  });
  afterEach(async () => {
    if (!skip) await f.drop();
  });
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  it.skipIf(skip)("lets a school token write only its own orgId (403 for another school's)", async () => {
    const school = await createToken(f.database.db, f.north.id, { orgId: 'school-0547' });
    expect((await f.post(validBatch({ orgId: 'school-0547' }), as(school))).status).toBe(202);
    const other = await f.post(validBatch({ orgId: 'school-0001', counts: [row(90_000)] }), as(school));
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: string }).error).toContain('school-0001');
    // A policy without orgId: the token says which school it is.
    expect((await f.post(validBatch({ orgId: '', counts: [row(2)] }), as(school))).status).toBe(202);
    expect(await f.countsOf(f.north.id)).toEqual({ 'school-0547|2026-11-22|telegram|opened': 5, 'school-0547|2026-11-23|whatsapp|nudge_shown': 1 });
  });

  it.skipIf(skip)('keeps old district tokens working for any orgId of their district', async () => {
    expect((await f.post(validBatch({ orgId: 'school-0001' }))).status).toBe(202);
    expect((await f.post(validBatch({ orgId: 'school-0002' }))).status).toBe(202);
    expect(Object.keys(await f.countsOf(f.north.id))).toHaveLength(4);
  });

  it.skipIf(skip)('bounds the rows a token adds per day (429 with Retry-After), other tokens unaffected, duplicates free', async () => {
    const small = await createToken(f.database.db, f.north.id, { orgId: 'school-0547', rowsPerDay: 5 });
    const batch = validBatch({ counts: [row(1), row(1), { ...row(1), day: '2026-11-21' }] });
    expect((await f.post(batch, as(small))).status).toBe(202);
    expect((await f.post(batch, as(small))).status).toBe(200);
    const over = await f.post(validBatch({ counts: [row(1), { ...row(1), day: '2026-11-21' }, { ...row(1), day: '2026-11-20' }] }), as(small));
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(60);
    expect(((await over.json()) as { error: string }).error).toBe('This token may add 5 rows a day; retry tomorrow.');
    expect((await f.post(validBatch({ counts: [row(1), row(1)] }), as(small))).status).toBe(202);
    expect((await f.post(validBatch())).status).toBe(202);
  });

  it.skipIf(skip)('bounds the orgIds new to the district that one token brings per day', async () => {
    const token = await createToken(f.database.db, f.north.id, { newOrgsPerDay: 2 });
    expect((await f.post(validBatch({ orgId: 'a' }), as(token))).status).toBe(202);
    expect((await f.post(validBatch({ orgId: 'b' }), as(token))).status).toBe(202);
    expect((await f.post(validBatch({ orgId: 'c' }), as(token))).status).toBe(429);
    // Known schools are not new: the district's other token already wrote school-0547.
    expect((await f.post(validBatch({ orgId: 'school-0547' }))).status).toBe(202);
    expect((await f.post(validBatch({ orgId: 'school-0547' }), as(token))).status).toBe(202);
    expect((await f.post(validBatch({ orgId: 'a' }), as(token))).status).toBe(202);
  });

  it.skipIf(skip)('never adds more than the plausibility bound to a school-day cell, however many batches', async () => {
    const flood = Array.from({ length: 800 }, () => row(90_000));
    for (let i = 0; i < 3; i += 1) expect((await f.post(validBatch({ counts: flood }))).status).toBe(202);
    expect(await f.countsOf(f.north.id)).toEqual({ 'school-0547|2026-11-22|telegram|opened': 100_000 });
    const excess = await f.database.db.selectFrom('count_excess').select(['org_id', 'n']).execute();
    expect(excess.map((cell) => [cell.org_id, Number(cell.n)])).toEqual([['school-0547', 3 * 800 * 90_000 - 100_000]]);
  });

  it.skipIf(skip)('refuses a revoked token at once in the process that revoked it, cache or not', async () => {
    expect((await f.post(validBatch())).status).toBe(202);
    expect(await revokeToken(f.database.db, hashToken(f.north.token).slice(0, 8))).toEqual({ revoked: hashToken(f.north.token).slice(0, 12) });
    expect((await f.post(validBatch())).status).toBe(401);
  });
});
