import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngest } from '../../../collector/ingest/ingest-handler';
import { openDatabase, type DatabaseTarget } from '../../../collector/storage/open-database';
import { hashToken } from '../../../collector/storage/tokens';
import { policyFiles } from '../../../deploy/policy-files';
import { ENGINES, freshPostgresTarget, freshSqliteTarget } from '../support/databases';
import { cli } from '../support/run-cli';
import { validBatch } from '../support/ingest-app';

describe.each(ENGINES)('token and policy commands on $name', ({ name, skip }) => {
  let target: DatabaseTarget;
  let dbArgs: string[];
  let remove: () => Promise<void>;
  beforeEach(async () => {
    if (skip) return;
    const fresh = name === 'sqlite' ? freshSqliteTarget() : await freshPostgresTarget();
    ({ target, remove } = fresh);
    dbArgs = 'file' in target ? ['--db', target.file] : ['--database-url', target.url];
    await cli(['district', 'add', 'Северный район', ...dbArgs]);
  });
  afterEach(async () => {
    if (!skip) await remove();
  });

  /** What the collector answers to a batch for `orgId` sent with `token`. */
  async function post(token: string, orgId: string): Promise<number> {
    const database = await openDatabase(target);
    const ingest = createIngest({ database, today: () => new Date('2026-11-23T10:00:00Z') });
    try {
      const answer = await ingest.handle({ contentType: 'application/json', authorization: `Bearer ${token}`, contentLength: null, body: [Buffer.from(JSON.stringify(validBatch({ orgId })))] });
      return answer.status;
    } finally {
      await ingest.close();
      await database.close();
    }
  }

  it.skipIf(skip)("prints a school's policy: its orgId and a token that writes only that school", async () => {
    const policy = await cli(['policy', 'Северный район', '--endpoint', 'https://collector.example.ru', '--school', 'school-0547', ...dbArgs]);
    expect(policy.code).toBe(0);
    const settings = JSON.parse(policy.lines.join('\n')) as { orgId: string; reportToken: string };
    expect(settings).toEqual({ reportEndpoint: 'https://collector.example.ru/api/v1/reports', reportToken: expect.stringMatching(/^pk_/), orgId: 'school-0547', locale: 'ru' });
    expect(await post(settings.reportToken, 'school-0547')).toBe(202);
    expect(await post(settings.reportToken, 'school-0001')).toBe(403);

    const files = policyFiles({ config: settings, extensionId: 'a'.repeat(32), updateUrl: 'https://collector.example.ru/updates.xml' });
    const linux = JSON.parse(files.find((file) => file.path === 'linux/chromium/podskazka.json')!.contents.toString('utf8')) as Record<string, unknown>;
    expect(JSON.stringify(linux)).toContain('"orgId":"school-0547"');
  });

  it.skipIf(skip)('lists tokens without secrets and revokes one by its id or its start, never by the secret in argv', async () => {
    const district = (await cli(['token', 'add', 'Северный район', ...dbArgs])).lines[0]!;
    const added = await cli(['token', 'add', 'Северный район', '--school', 'school-0547', '--rows-per-day', '500', ...dbArgs]);
    const school = added.lines[0]!;
    expect(added.errors).toEqual([`token id ${hashToken(school).slice(0, 12)}: school token, writes only orgId "school-0547"`]);

    const list = await cli(['token', 'list', ...dbArgs]);
    expect(list.lines).toHaveLength(2);
    expect(list.lines.join('\n')).not.toContain(school.slice(11));
    expect(list.lines.find((line) => line.startsWith(hashToken(school).slice(0, 12)))).toMatch(/school school-0547.*live.*500 rows\/day/);

    expect(await cli(['token', 'revoke', school.slice(0, 9), ...dbArgs])).toMatchObject({ code: 0, lines: [expect.stringMatching(/^token [0-9a-f]{12} revoked; .* within 5 seconds$/)] });
    expect(await post(school, 'school-0547')).toBe(401);
    expect(await cli(['token', 'revoke', hashToken(district).slice(0, 8), ...dbArgs])).toMatchObject({ code: 0 });
    expect(await post(district, 'school-0547')).toBe(401);
    expect(await cli(['token', 'revoke', district, ...dbArgs])).toMatchObject({ code: 1, errors: ['podskazka-collector: no such token (see: token list)'] });
  });
});
