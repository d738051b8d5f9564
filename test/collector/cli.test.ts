import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../collector/server/auth/password';
import { openDatabase } from '../../collector/storage/open-database';
import { hashToken } from '../../collector/storage/tokens';
import { ENGINES, freshPostgresTarget, freshSqliteTarget } from './support/databases';
import { cli } from './support/run-cli';

const run = promisify(execFile);

describe.each(ENGINES)('podskazka-collector admin commands on $name', ({ name, skip }) => {
  let dbArgs: string[];
  let remove: () => Promise<void>;
  beforeEach(async () => {
    if (skip) return;
    const fresh = name === 'sqlite' ? freshSqliteTarget() : await freshPostgresTarget();
    remove = fresh.remove;
    dbArgs = 'file' in fresh.target ? ['--db', fresh.target.file] : ['--database-url', fresh.target.url];
  });
  afterEach(async () => {
    if (!skip) await remove();
  });

  it.skipIf(skip)("adds a district, a token, a user, and prints a policy carrying the district's token", async () => {
    expect(await cli(['district', 'add', 'Северный район', '--region', 'Энская область', ...dbArgs])).toMatchObject({ code: 0, lines: ['district 1 «Северный район» added in region «Энская область»'] });
    const token = await cli(['token', 'add', 'Северный район', ...dbArgs]);
    expect(token.code).toBe(0);
    expect(token.lines[0]).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);

    const generated = await cli(['user', 'add', '1', 'metodist', ...dbArgs]);
    const password = /password: (\S+)$/.exec(generated.lines[0]!)?.[1];
    expect(generated.lines[0]).toMatch(/^user «metodist» added to «Северный район»; password: /);
    expect(await cli(['user', 'add', 'Северный район', 'director', ...dbArgs], 'a long enough password\n')).toMatchObject({ code: 0, lines: ['user «director» added to «Северный район»'] });

    const policy = await cli(['policy', 'Северный район', '--endpoint', 'https://collector.example.ru', '--token', token.lines[0]!, ...dbArgs]);
    expect(policy.code).toBe(0);
    expect(JSON.parse(policy.lines.join('\n'))).toEqual({ locale: 'ru', reportEndpoint: 'https://collector.example.ru/api/v1/reports', reportToken: token.lines[0] });

    const database = await openDatabase(dbArgs[0] === '--db' ? { file: dbArgs[1]! } : { url: dbArgs[1]! });
    try {
      const users = await database.db.selectFrom('users').select(['login', 'password_hash', 'district_id']).orderBy('login').execute();
      expect(users.map((user) => [user.login, user.district_id])).toEqual([['director', 1], ['metodist', 1]]);
      expect(await verifyPassword(password!, users[1]!.password_hash)).toBe(true);
      expect(await verifyPassword('a long enough password', users[0]!.password_hash)).toBe(true);
      const tokens = await database.db.selectFrom('tokens').select(['token_hash', 'district_id']).execute();
      expect(tokens).toEqual([{ token_hash: hashToken(token.lines[0]!), district_id: 1 }]);
    } finally {
      await database.close();
    }

    expect(await cli(['token', 'revoke', '--stdin', ...dbArgs], `${token.lines[0]!}\n`)).toMatchObject({ code: 0 });
    expect(await cli(['token', 'revoke', '--stdin', ...dbArgs], token.lines[0]!.slice(0, -1))).toMatchObject({ code: 1, errors: ['podskazka-collector: no such token (see: token list)'] });
  });

  it.skipIf(skip)('explains mistakes in one line with a non-zero exit', async () => {
    await cli(['district', 'add', 'Северный район', ...dbArgs]);
    const cases: [string[], string][] = [
      [['district', 'add', 'Северный район', ...dbArgs], 'district «Северный район» already exists'],
      [['token', 'add', 'Южный район', ...dbArgs], 'no district «Южный район» (create it with: district add NAME)'],
      [['policy', 'Северный район', ...dbArgs], 'policy needs --endpoint URL (the collector address the computers report to)'],
      [['policy', 'Северный район', '--endpoint', 'http://collector.example.ru', ...dbArgs], 'the policy is not valid: reportEndpoint: must be an https:// address (http:// only for localhost)'],
      [['user', 'add', 'Северный район', 'x y', ...dbArgs], 'a login is 2–64 letters, digits, ".", "_", "@" or "-"'],
      [['token', 'add', ...dbArgs], 'expected: podskazka-collector token add DISTRICT [--school ORGID]'],
      [['launch'], 'unknown command "launch"; see podskazka-collector --help'],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.errors, args.join(' ')).toEqual([`podskazka-collector: ${message}`]);
    }
  });
});

describe('podskazka-collector as a program', () => {
  it('runs through npx from the project root and prints its usage', async () => {
    const { stdout } = await run('npx', ['--no-install', 'podskazka-collector', '--help'], { cwd: new URL('../..', import.meta.url).pathname });
    expect(stdout).toContain('podskazka-collector serve [--host 127.0.0.1] [--port 8787] [--demo] [--trust-proxy]');
  }, 30_000);

  it('fails with one line when both database options are given', async () => {
    const result = await cli(['token', 'add', 'x', '--db', 'a.db', '--database-url', 'postgres://x']);
    expect(result).toMatchObject({ code: 1, errors: ['podskazka-collector: give either --db FILE or --database-url URL, not both'] });
  });
});
