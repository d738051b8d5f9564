import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases';
import { Browser, dashboardApp, seedTwoRegions } from '../dashboard/support/dashboard-app';

describe.each(ENGINES)('login lockouts that keep the owner in, on $name', ({ name, skip }) => {
  let database: TestDatabase;
  let app: ReturnType<typeof dashboardApp>;
  beforeEach(async () => {
    if (skip) return;
    database = await freshDatabase(name);
    await seedTwoRegions(database.db);
    // A smaller overall window than the default (60 a minute), so the test pays for fewer password hashes.
    app = dashboardApp(database.db, { loginLimits: { perLogin: { max: 5, seconds: 900 }, global: { max: 10, seconds: 60 } } });
  });
  afterEach(async () => {
    if (!skip) await database.drop();
  });

  it.skipIf(skip)('lets the owner in from their own browser while strangers flood the login with guesses and junk', async () => {
    const owner = new Browser(app);
    expect((await owner.login('zarechny', 'zarechny-pass')).status).toBe(200);
    expect((await owner.request('/logout', { method: 'POST', headers: { 'X-CSRF-Token': owner.csrfToken } })).status).toBe(204);
    expect(owner.deviceCookie).not.toBe('');

    const attacker = new Browser(app);
    const guesses = [];
    for (let i = 0; i < 12; i++) guesses.push((await attacker.login(i % 2 ? 'ZARECHNY' : ' zarechny', `guess-${i}`)).status);
    expect(guesses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(guesses.slice(5))).toEqual(new Set([429]));
    for (let i = 0; i < 15; i++) await attacker.login(`junk-${i}`, 'x');
    expect((await attacker.login('lugovoy', 'lugovoy-pass')).status).toBe(429);

    expect((await owner.login('zarechny', 'zarechny-pass')).status).toBe(200);
    expect((await owner.json<{ login: string }>('/session')).login).toBe('zarechny');
  });

  it.skipIf(skip)("gives a known device its own budget of guesses, and none for another user's account", async () => {
    const owner = new Browser(app);
    await owner.login('zarechny', 'zarechny-pass');
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await owner.login('zarechny', `typo-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const guesser = new Browser(app);
    for (let i = 0; i < 5; i++) await guesser.login('lugovoy', `guess-${i}`);
    expect((await owner.login('lugovoy', 'lugovoy-pass')).status).toBe(429);
  });

  it.skipIf(skip)('normalizes the login once: case and spaces name the same account', async () => {
    const browser = new Browser(app);
    const response = await browser.login('  ZaRechny ', 'zarechny-pass');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { login: string }).login).toBe('zarechny');
  });

  it.skipIf(skip)('answers 400 to a login with a NUL or other control character, 401 to such a password', async () => {
    const browser = new Browser(app);
    for (const login of ['zare\u0000chny', '\u0000', 'a\nb']) expect((await browser.login(login, 'zarechny-pass')).status, JSON.stringify(login)).toBe(400);
    expect((await browser.login('zarechny', 'pass\u0000word')).status).toBe(401);
  });
});
