import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { LOGIN_PATTERN, normalizeLogin } from '../../storage/login-name';
import type { Database } from '../../storage/schema';
import type { SessionInfo } from '../dashboard/api-types';
import { resolveScope } from '../dashboard/scope';
import { isSameOrigin } from './csrf';
import { DEVICE_COOKIE, DEVICE_TTL_SECONDS, knownDevice, rememberDevice } from './login-devices';
import { LoginRateLimiter } from './login-rate-limit';
import { dummyPasswordHash, verifyPassword } from './password';
import { requireViewer, type DashboardEnv } from './session-middleware';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_TTL_SECONDS } from './sessions';

const LoginBody = z.strictObject({
  login: z.string().max(128).transform(normalizeLogin).pipe(z.string().regex(LOGIN_PATTERN)),
  password: z.string().min(1).max(1024),
});

export interface AuthOptions {
  limiter: LoginRateLimiter;
  now: () => Date;
  /** Force the cookie's Secure flag; by default it is set when the request came over https. */
  secureCookies?: boolean;
  /** Believe X-Forwarded-Host/-Proto (only behind a reverse proxy that sets them: serve --trust-proxy). */
  trustProxy?: boolean;
}

function isHttps(c: Context, trustProxy: boolean): boolean {
  return new URL(c.req.url).protocol === 'https:' || (trustProxy && c.req.header('X-Forwarded-Proto') === 'https');
}

/** POST /login, POST /logout, GET /session — mounted under /api/v1/dashboard. */
export function authRoutes(db: Kysely<Database>, options: AuthOptions): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  const cookieOptions = (c: Context) =>
    ({ path: '/', httpOnly: true, sameSite: 'Strict', secure: options.secureCookies ?? isHttps(c, trustProxy) }) as const;
  const trustProxy = options.trustProxy ?? false;

  app.post('/login', async (c) => {
    if (!isSameOrigin(c, trustProxy)) return c.json({ error: 'Вход возможен только со страницы панели.' }, 403);
    if (!c.req.header('Content-Type')?.startsWith('application/json')) {
      return c.json({ error: 'Ожидался JSON: {"login": "...", "password": "..."}.' }, 415);
    }
    const parsed = LoginBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: 'Укажите логин и пароль.' }, 400);
    const { login, password } = parsed.data;
    const attempt = { login, device: await knownDevice(db, getCookie(c, DEVICE_COOKIE), login, options.now()) };

    const verdict = options.limiter.admit(attempt);
    if (!verdict.allowed) {
      c.header('Retry-After', String(verdict.retryAfterSeconds));
      return c.json({ error: `Слишком много попыток входа. Попробуйте через ${Math.ceil(verdict.retryAfterSeconds / 60)} мин.` }, 429);
    }
    const user = await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
    // An unknown login still pays for one scrypt, so timing does not tell which logins exist.
    const valid = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
    const scope = user && valid ? await resolveScope(db, { role: user.role, districtId: user.district_id, regionId: user.region_id, orgId: user.org_id }) : null;
    if (!user || !valid || !scope) {
      options.limiter.recordFailure(attempt);
      return c.json({ error: 'Неверный логин или пароль.' }, 401);
    }
    options.limiter.recordSuccess(attempt);
    const session = await createSession(db, user.id, options.now());
    setCookie(c, SESSION_COOKIE, session.id, { ...cookieOptions(c), maxAge: SESSION_TTL_SECONDS });
    if (!attempt.device) setCookie(c, DEVICE_COOKIE, await rememberDevice(db, user.id, options.now()), { ...cookieOptions(c), maxAge: DEVICE_TTL_SECONDS });
    return c.json({ login: user.login, role: user.role, scopeName: scope.name, csrfToken: session.csrfToken } satisfies SessionInfo);
  });

  app.get('/session', requireViewer(db, options.now, trustProxy), (c) => {
    const { session, scope } = c.get('viewer');
    return c.json({ login: session.login, role: session.role, scopeName: scope.name, csrfToken: session.csrfToken } satisfies SessionInfo);
  });

  app.post('/logout', requireViewer(db, options.now, trustProxy), async (c) => {
    await deleteSession(db, c.get('viewer').session.idHash);
    deleteCookie(c, SESSION_COOKIE, cookieOptions(c));
    return c.body(null, 204);
  });

  return app;
}
