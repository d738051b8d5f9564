import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, type TestDatabase } from '../support/databases';
import { Browser, dashboardApp, seedTwoRegions } from './support/dashboard-app';

for (const engine of ENGINES) {
  describe.skipIf(engine.skip)(`dashboard CSRF protection (${engine.name})`, () => {
    let database: TestDatabase;
    let browser: Browser;

    beforeEach(async () => {
      database = await freshDatabase(engine.name);
      await seedTwoRegions(database.db);
      browser = new Browser(dashboardApp(database.db));
    });
    afterEach(() => database.drop());

    const sessionCount = async () => (await database.db.selectFrom('sessions').selectAll().execute()).length;

    it('refuses a login posted from another site, or with no origin at all', async () => {
      expect((await browser.login('zarechny', 'zarechny-pass', { origin: 'https://evil.example' })).status).toBe(403);
      expect((await browser.login('zarechny', 'zarechny-pass', { origin: null })).status).toBe(403);
      const crossSite = await browser.request('/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
        body: JSON.stringify({ login: 'zarechny', password: 'zarechny-pass' }),
      });
      expect(crossSite.status).toBe(403);
      expect(await sessionCount()).toBe(0);
    });

    const viaProxy = (target: Browser) =>
      target.request('/login', {
        method: 'POST',
        origin: 'https://dash.example.ru',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-Host': 'dash.example.ru', 'X-Forwarded-Proto': 'https' },
        body: JSON.stringify({ login: 'zarechny', password: 'zarechny-pass' }),
      });

    it('accepts a login through a reverse proxy that rewrites Host and sends X-Forwarded-Host, when told to trust it', async () => {
      const proxied = new Browser(dashboardApp(database.db, { trustProxy: true }));
      const response = await viaProxy(proxied);
      expect(response.status).toBe(200);
      expect(proxied.lastSetCookie).toMatch(/; Secure/i);
    });

    it('ignores X-Forwarded-Host without --trust-proxy: any client could name any host in it', async () => {
      expect((await viaProxy(browser)).status).toBe(403);
      expect(await sessionCount()).toBe(0);
    });

    it('refuses a login sent as a form, which another site could submit without asking', async () => {
      const response = await browser.request('/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'login=zarechny&password=zarechny-pass',
      });
      expect(response.status).toBe(415);
    });

    it('keeps the session when logout comes without the token, with a wrong one, or from another site', async () => {
      await browser.login('zarechny', 'zarechny-pass');
      expect((await browser.request('/logout', { method: 'POST' })).status).toBe(403);
      expect((await browser.request('/logout', { method: 'POST', headers: { 'X-CSRF-Token': 'x'.repeat(43) } })).status).toBe(403);
      expect(
        (await browser.request('/logout', { method: 'POST', origin: 'https://evil.example', headers: { 'X-CSRF-Token': browser.csrfToken } })).status,
      ).toBe(403);
      expect(await sessionCount()).toBe(1);
      expect((await browser.request('/weeks')).status).toBe(200);
    });

    it("does not accept one session's token for another session", async () => {
      const other = new Browser(dashboardApp(database.db));
      await other.login('lugovoy', 'lugovoy-pass');
      await browser.login('zarechny', 'zarechny-pass');
      const response = await browser.request('/logout', { method: 'POST', headers: { 'X-CSRF-Token': other.csrfToken } });
      expect(response.status).toBe(403);
    });
  });
}
