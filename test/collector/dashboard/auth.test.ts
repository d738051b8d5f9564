import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases';
import { Browser, dashboardApp, seedTwoRegions } from './support/dashboard-app';

for (const engine of ENGINES) {
  describe.skipIf(engine.skip)(`dashboard login and sessions (${engine.name})`, () => {
    let database: TestDatabase;
    let clock: Date;
    let browser: Browser;

    beforeEach(async () => {
      database = await freshDatabase(engine.name);
      await seedTwoRegions(database.db);
      clock = new Date('2026-11-23T09:00:00Z');
      browser = new Browser(dashboardApp(database.db, { now: () => clock }));
    });
    afterEach(() => database.drop());

    it('refuses a wrong password and an unknown login with the same answer', async () => {
      const wrong = await browser.login('zarechny', 'not-the-password');
      const unknown = await browser.login('nobody', 'whatever');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(await wrong.json()).toEqual(await unknown.json());
      expect(browser.cookie).toBe('');
    });

    it('logs in with an HttpOnly, SameSite=Strict session cookie and keeps only its hash', async () => {
      const response = await browser.login('zarechny', 'zarechny-pass');
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ login: 'zarechny', role: 'district', scopeName: 'Заречный' });
      const cookie = browser.lastSetCookie;
      expect(cookie).toMatch(/^podskazka_session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).not.toMatch(/Secure/i);

      const id = browser.cookie.split('=')[1]!;
      const rows = await database.db.selectFrom('sessions').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.id_hash).toBe(createHash('sha256').update(id).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(id);

      expect(await browser.json('/session')).toMatchObject({ login: 'zarechny', csrfToken: browser.csrfToken });
    });

    it('marks the cookie Secure when served over https', async () => {
      const response = await browser.request('https://dash.example.ru/api/v1/dashboard/login', {
        method: 'POST',
        origin: 'https://dash.example.ru',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ login: 'zarechny', password: 'zarechny-pass' }),
      });
      expect(response.status).toBe(200);
      expect(browser.lastSetCookie).toMatch(/; Secure/i);
    });

    it('answers 401 to every data request without a session', async () => {
      for (const path of ['/session', '/weeks', '/overview?week=2026-W47', '/trend?to=2026-W47', '/units?week=2026-W47', '/export.csv?week=2026-W47']) {
        const response = await browser.request(path);
        expect(response.status, path).toBe(401);
        expect(((await response.json()) as { error: string }).error.length).toBeGreaterThan(10);
      }
    });

    it('ends the session on logout, on the server too', async () => {
      await browser.login('zarechny', 'zarechny-pass');
      const stolenCookie = browser.cookie;
      const logout = await browser.request('/logout', { method: 'POST', headers: { 'X-CSRF-Token': browser.csrfToken } });
      expect(logout.status).toBe(204);
      expect(browser.lastSetCookie).toMatch(/^podskazka_session=;/);
      expect(await database.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);

      browser.cookie = stolenCookie;
      expect((await browser.request('/weeks')).status).toBe(401);
    });

    it('expires a session after 12 hours', async () => {
      await browser.login('zarechny', 'zarechny-pass');
      clock = new Date(clock.getTime() + 11 * 3600_000);
      expect((await browser.request('/weeks')).status).toBe(200);
      clock = new Date(clock.getTime() + 2 * 3600_000);
      expect((await browser.request('/weeks')).status).toBe(401);
    });

    it('rejects a malformed login body with a readable reason', async () => {
      const response = await browser.request('/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"login":1}' });
      expect(response.status).toBe(400);
      expect(await response.json()).toHaveProperty('error');
    });
  });
}
