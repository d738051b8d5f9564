import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LoginRateLimiter } from '../../../collector/server/auth/login-rate-limit';
import { freshDatabase, type TestDatabase } from '../support/databases';
import { Browser, dashboardApp, seedTwoRegions } from './support/dashboard-app';

describe('LoginRateLimiter', () => {
  const limits = { perLogin: { max: 3, seconds: 600 }, global: { max: 10, seconds: 60 } };

  it('blocks a login after its failures fill the window, and lets it in again when they age out', () => {
    let now = 0;
    const limiter = new LoginRateLimiter(limits, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.admit({ login: 'teacher' }).allowed).toBe(true);
      limiter.recordFailure({ login: 'teacher' });
      now += 1000;
    }
    expect(limiter.admit({ login: 'teacher' })).toEqual({ allowed: false, retryAfterSeconds: 597 });
    expect(limiter.admit({ login: 'someone-else' }).allowed).toBe(true);
    expect(limiter.admit({ login: 'teacher', device: 'd1' }).allowed).toBe(true);
    now = 600_001;
    expect(limiter.admit({ login: 'teacher' }).allowed).toBe(true);
  });

  it('forgets the failures of a login once it succeeds', () => {
    const limiter = new LoginRateLimiter(limits, () => 0);
    const a = { login: 'a' };
    limiter.recordFailure(a);
    limiter.recordFailure(a);
    limiter.recordSuccess(a);
    limiter.recordFailure(a);
    limiter.recordFailure(a);
    expect(limiter.admit(a).allowed).toBe(true);
  });

  it("limits all strangers' attempts together, whatever the login, but not known devices", () => {
    let now = 0;
    const limiter = new LoginRateLimiter(limits, () => now);
    for (let i = 0; i < 10; i++) expect(limiter.admit({ login: `login-${i}` }).allowed).toBe(true);
    expect(limiter.admit({ login: 'login-new' })).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.admit({ login: 'login-new', device: 'd1' }).allowed).toBe(true);
    now = 60_000;
    expect(limiter.admit({ login: 'login-new' }).allowed).toBe(true);
  });
});

describe('login rate limit through the API', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await freshDatabase('sqlite');
    await seedTwoRegions(database.db);
  });
  afterEach(() => database.drop());

  it('answers 429 with Retry-After to a stranger after 5 wrong passwords, even to the right one, and only for that login', async () => {
    const browser = new Browser(dashboardApp(database.db));
    for (let i = 0; i < 5; i++) expect((await browser.login('zarechny', `guess-${i}`)).status).toBe(401);
    const blocked = await browser.login('zarechny', 'zarechny-pass');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(60);
    expect(((await blocked.json()) as { error: string }).error).toMatch(/попыток/);
    expect(browser.cookie).toBe('');
    expect((await browser.login('lugovoy', 'lugovoy-pass')).status).toBe(200);
  });

  it('answers 429 to every stranger once the global limit is reached', async () => {
    const browser = new Browser(
      dashboardApp(database.db, { loginLimits: { perLogin: { max: 5, seconds: 900 }, global: { max: 4, seconds: 60 } } }),
    );
    for (const login of ['aa', 'bb', 'cc', 'dd']) expect((await browser.login(login, 'x')).status).toBe(401);
    expect((await browser.login('lugovoy', 'lugovoy-pass')).status).toBe(429);
  });
});
