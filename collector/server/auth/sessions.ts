import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, UserRole } from '../../storage/schema';

/**
 * Sessions: the browser holds a random id in an HttpOnly cookie; the database holds only its
 * sha256, so a leaked database (or backup) cannot be replayed as a login.
 */
export const SESSION_COOKIE = 'podskazka_session';
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

export interface SessionUser {
  idHash: string;
  csrfToken: string;
  userId: number;
  login: string;
  role: UserRole;
  districtId: number | null;
  regionId: number | null;
  orgId: string | null;
}

export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('hex');
const epochSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

export async function createSession(db: Kysely<Database>, userId: number, now: Date): Promise<{ id: string; csrfToken: string }> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.deleteFrom('sessions').where('expires_at', '<=', epochSeconds(now)).execute();
  await db
    .insertInto('sessions')
    .values({ id_hash: hashSessionId(id), user_id: userId, csrf_token: csrfToken, expires_at: epochSeconds(now) + SESSION_TTL_SECONDS })
    .execute();
  return { id, csrfToken };
}

/** The live session's user, or null for an unknown, malformed or expired id. */
export async function findSession(db: Kysely<Database>, id: string | undefined, now: Date): Promise<SessionUser | null> {
  if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id_hash', 'sessions.csrf_token', 'users.id', 'users.login', 'users.role', 'users.district_id', 'users.region_id', 'users.org_id'])
    .where('sessions.id_hash', '=', hashSessionId(id))
    .where('sessions.expires_at', '>', epochSeconds(now))
    .executeTakeFirst();
  if (!row) return null;
  return {
    idHash: row.id_hash,
    csrfToken: row.csrf_token,
    userId: row.id,
    login: row.login,
    role: row.role,
    districtId: row.district_id,
    regionId: row.region_id,
    orgId: row.org_id,
  };
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}
