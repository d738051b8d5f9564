import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountDashboard } from '../../../collector/server/dashboard/mount';
import { freshDatabase, type TestDatabase } from '../support/databases';

describe('the dashboard UI served by the collector', () => {
  let database: TestDatabase;
  let dist: string;
  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    dist = mkdtempSync(join(tmpdir(), 'podskazka-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Подсказка</title>');
    writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the page at / with a strict content security policy, and its assets', async () => {
    const app = new Hono();
    mountDashboard(app, database.db, { distDir: dist });
    const page = await app.request('http://127.0.0.1/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Подсказка');
    expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(page.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('X-Frame-Options')).toBe('DENY');
    const asset = await app.request('http://127.0.0.1/assets/index-abc.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('Cache-Control')).toContain('immutable');
  });

  it('keeps API answers out of caches', async () => {
    const app = new Hono();
    mountDashboard(app, database.db, { distDir: dist });
    const answer = await app.request('http://127.0.0.1/api/v1/dashboard/weeks');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('Cache-Control')).toBe('no-store');
  });

  it('says how to build the UI when it is missing', async () => {
    const app = new Hono();
    mountDashboard(app, database.db, { distDir: join(dist, 'missing') });
    const page = await app.request('http://127.0.0.1/');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build:dashboard');
  });
});
