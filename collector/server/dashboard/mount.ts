import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Env, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema';
import { DEFAULT_LOGIN_LIMITS, LoginRateLimiter, type LoginLimits } from '../auth/login-rate-limit';
import { authRoutes } from '../auth/routes';
import { dataRoutes } from './routes';

export const DASHBOARD_API = '/api/v1/dashboard';
export const DASHBOARD_DIST = fileURLToPath(new URL('../../dashboard/dist', import.meta.url));

export interface DashboardOptions {
  /** Where `npm run build:dashboard` put the UI; the API works without it. */
  distDir?: string;
  loginLimits?: LoginLimits;
  /** Force the session cookie's Secure flag (default: when the request came over https). */
  secureCookies?: boolean;
  /** Believe X-Forwarded-Host/-Proto: only behind a reverse proxy that sets them (serve --trust-proxy). */
  trustProxy?: boolean;
  now?: () => Date;
}

const UI_SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/**
 * Adds the dashboard to the collector's app: its JSON API under /api/v1/dashboard and the
 * built UI at `/`. Call it after the app's own routes (the UI is a catch-all for GET).
 */
export function mountDashboard<E extends Env>(app: Hono<E>, db: Kysely<Database>, options: DashboardOptions = {}): void {
  const now = options.now ?? (() => new Date());
  const limiter = new LoginRateLimiter(options.loginLimits ?? DEFAULT_LOGIN_LIMITS);

  app.use(`${DASHBOARD_API}/*`, async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  app.route(DASHBOARD_API, authRoutes(db, { limiter, now, secureCookies: options.secureCookies, trustProxy: options.trustProxy }));
  app.route(DASHBOARD_API, dataRoutes(db, now));

  const distDir = options.distDir ?? DASHBOARD_DIST;
  app.use('/*', async (c, next) => {
    await next();
    if (c.req.path.startsWith('/api/')) return;
    for (const [name, value] of Object.entries(UI_SECURITY_HEADERS)) c.header(name, value);
  });
  if (existsSync(distDir)) {
    app.get(
      '/assets/*',
      async (c, next) => {
        await next();
        if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
      serveStatic({ root: distDir }),
    );
    app.get('/', serveStatic({ root: distDir, path: 'index.html' }));
  } else {
    app.get('/', (c) => c.text('Панель не собрана. Выполните: npm run build:dashboard — и перезапустите коллектор.', 503));
  }
}
