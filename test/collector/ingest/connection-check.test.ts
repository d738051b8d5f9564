import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionCheckAnswer } from '../../../protocol/connection-check';
import { upsertSchools } from '../../../collector/storage/schools';
import { createToken, hashToken, revokeToken } from '../../../collector/storage/tokens';
import { ENGINES } from '../support/databases';
import { ingestFixture, type IngestFixture } from '../support/ingest-app';

describe.each(ENGINES)('«Проверить соединение»: GET on the report endpoint on $name', ({ name, skip }) => {
  let f: IngestFixture;
  beforeEach(async () => {
    if (!skip) f = await ingestFixture(name);
  });
  afterEach(async () => {
    if (!skip) await f.drop();
  });
  const check = (token: string | null, orgId?: string) =>
    f.app.request(`/api/v1/reports${orgId === undefined ? '' : `?orgId=${encodeURIComponent(orgId)}`}`, {
      headers: token === null ? {} : { authorization: `Bearer ${token}`, origin: 'chrome-extension://abc' },
    });
  const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

  it.skipIf(skip)("names the token's district and the school from the directory, and stores nothing", async () => {
    await upsertSchools(f.database.db, [{ districtId: f.north.id, orgId: 'school-0547', name: 'МБОУ «СОШ № 5»' }]);
    const response = await check(f.north.token, 'school-0547');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(ConnectionCheckAnswer.parse(await response.json())).toEqual({ ok: true, district: 'Северный район', scope: 'district', orgId: 'school-0547', school: 'МБОУ «СОШ № 5»' });
    const unlisted = ConnectionCheckAnswer.parse(await (await check(f.north.token, 'school-9999')).json());
    expect(unlisted.school).toBeNull();
    expect(await f.countsOf(f.north.id)).toEqual({});
    expect(await f.database.db.selectFrom('batches').selectAll().execute()).toEqual([]);
  });

  it.skipIf(skip)('says 401 for no token, a wrong one and a revoked one', async () => {
    expect((await check(null)).status).toBe(401);
    expect(await errorOf(await check('pk_wrong'))).toBe('This report token is unknown or revoked.');
    expect((await check(f.south.token)).status).toBe(200);
    await revokeToken(f.database.db, hashToken(f.south.token).slice(0, 8));
    expect((await check(f.south.token)).status).toBe(401);
  });

  it.skipIf(skip)("tells a school token's own school from another (403), and fills in its orgId", async () => {
    const school = await createToken(f.database.db, f.north.id, { orgId: 'school-0547' });
    expect(ConnectionCheckAnswer.parse(await (await check(school, '')).json())).toMatchObject({ scope: 'school', orgId: 'school-0547' });
    const other = await check(school, 'school-0001');
    expect(other.status).toBe(403);
    expect(await errorOf(other)).toContain('school-0001');
  });

  it.skipIf(skip)('refuses an orgId the reports could not carry (400), and guessing is slow (429 after a burst)', async () => {
    expect((await check(f.north.token, '../etc')).status).toBe(400);
    const answers: number[] = [];
    for (let i = 0; i < 12; i += 1) answers.push((await check(f.north.token, 'school-0547')).status);
    expect(answers).toContain(429);
    expect(answers.filter((status) => status === 200).length).toBeLessThanOrEqual(10);
  });

  it.skipIf(skip)('answers the preflight of a GET with the Authorization header', async () => {
    const preflight = await f.app.request('/api/v1/reports', { method: 'OPTIONS', headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'GET' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });
});
