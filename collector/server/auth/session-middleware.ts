import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema';
import { resolveScope, type Scope } from '../dashboard/scope';
import { hasCsrfToken, isSameOrigin } from './csrf';
import { findSession, SESSION_COOKIE, type SessionUser } from './sessions';

export interface Viewer {
  session: SessionUser;
  scope: Scope;
}

export type DashboardEnv = { Variables: { viewer: Viewer } };

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** 401 without a live session; for a state-changing method also 403 without same origin and CSRF token. */
export function requireViewer(db: Kysely<Database>, now: () => Date, trustProxy = false) {
  return createMiddleware<DashboardEnv>(async (c, next) => {
    const session = await findSession(db, getCookie(c, SESSION_COOKIE), now());
    if (!session) return c.json({ error: 'Войдите в панель заново: сеанс закончился или не начат.' }, 401);
    if (!SAFE_METHODS.has(c.req.method) && !(isSameOrigin(c, trustProxy) && hasCsrfToken(c, session.csrfToken))) {
      return c.json({ error: 'Запрос отклонён: он пришёл не со страницы панели (защита от CSRF).' }, 403);
    }
    const scope = await resolveScope(db, session);
    if (!scope) return c.json({ error: 'У этой учётной записи нет района или региона. Обратитесь к администратору.' }, 403);
    c.set('viewer', { session, scope });
    await next();
  });
}
