import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../storage/schema';
import type { SessionInfo } from '../dashboard/api-types';
import { resolveScope } from '../dashboard/scope';
import { isSameOrigin } from './csrf';
import { LoginRateLimiter } from './login-rate-limit';
import { dummyPasswordHash, verifyPassword } from './password';
import { requireViewer, type DashboardEnv } from './session-middleware';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_TTL_SECONDS } from './sessions';

const LoginBody = z.strictObject({
  login: z.string().trim().min(1).max(128),
  password: z.string().min(1).max(1024),
});

export interface AuthOptions {
  limiter: LoginRateLimiter;
  now: () => Date;
  /** Force the cookie's Secure flag; by default it is set when the request came over https. */
  secureCookies?: boolean;
}

function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto') === 'https';
}

/** POST /login, POST /logout, GET /session — mounted under /api/v1/dashboard. */
export function authRoutes(db: Kysely<Database>, options: AuthOptions): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  const cookieOptions = (c: Context) =>
    ({ path: '/', httpOnly: true, sameSite: 'Strict', secure: options.secureCookies ?? isHttps(c) }) as const;

  app.post('/login', async (c) => {
    if (!isSameOrigin(c)) return c.json({ error: 'Вход возможен только со страницы панели.' }, 403);
    if (!c.req.header('Content-Type')?.startsWith('application/json')) {
      return c.json({ error: 'Ожидался JSON: {"login": "...", "password": "..."}.' }, 415);
    }
    const parsed = LoginBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: 'Укажите логин и пароль.' }, 400);
    const { login, password } = parsed.data;

    const verdict = options.limiter.admit(login);
    if (!verdict.allowed) {
      c.header('Retry-After', String(verdict.retryAfterSeconds));
      return c.json({ error: `Слишком много попыток входа. Попробуйте через ${Math.ceil(verdict.retryAfterSeconds / 60)} мин.` }, 429);
    }
    const user = await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
    // An unknown login still pays for one scrypt, so timing does not tell which logins exist.
    const valid = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
    const scope = user && valid ? await resolveScope(db, { role: user.role, districtId: user.district_id, regionId: user.region_id, orgId: user.org_id }) : null;
    if (!user || !valid || !scope) {
      options.limiter.recordFailure(login);
      return c.json({ error: 'Неверный логин или пароль.' }, 401);
    }
    options.limiter.recordSuccess(login);
    const session = await createSession(db, user.id, options.now());
    setCookie(c, SESSION_COOKIE, session.id, { ...cookieOptions(c), maxAge: SESSION_TTL_SECONDS });
    return c.json({ login: user.login, role: user.role, scopeName: scope.name, csrfToken: session.csrfToken } satisfies SessionInfo);
  });

  app.get('/session', requireViewer(db, options.now), (c) => {
    const { session, scope } = c.get('viewer');
    return c.json({ login: session.login, role: session.role, scopeName: scope.name, csrfToken: session.csrfToken } satisfies SessionInfo);
  });

  app.post('/logout', requireViewer(db, options.now), async (c) => {
    await deleteSession(db, c.get('viewer').session.idHash);
    deleteCookie(c, SESSION_COOKIE, cookieOptions(c));
    return c.body(null, 204);
  });

  return app;
}
