import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/schema';

/**
 * A known device: a browser that logged in as a user before keeps a random id in an HttpOnly
 * cookie (the database holds its sha256, bound to that user). A lockout of strangers does not
 * stop it (login-rate-limit.ts), so junk logins cannot keep the owner out of their own browser.
 */
export const DEVICE_COOKIE = 'podskazka_device';
export const DEVICE_TTL_SECONDS = 365 * 24 * 60 * 60;

const hash = (id: string) => createHash('sha256').update(id).digest('hex');
const epochSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

/** The device's hash when the cookie names a live device of this user, else null. */
export async function knownDevice(db: Kysely<Database>, id: string | undefined, userLogin: string, now: Date): Promise<string | null> {
  if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  const row = await db
    .selectFrom('login_devices')
    .innerJoin('users', 'users.id', 'login_devices.user_id')
    .select('login_devices.id_hash')
    .where('login_devices.id_hash', '=', hash(id))
    .where('users.login', '=', userLogin)
    .where('login_devices.expires_at', '>', epochSeconds(now))
    .executeTakeFirst();
  return row?.id_hash ?? null;
}

/** A new device id for this browser (the cookie's value). */
export async function rememberDevice(db: Kysely<Database>, userId: number, now: Date): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await db.deleteFrom('login_devices').where('expires_at', '<=', epochSeconds(now)).execute();
  await db.insertInto('login_devices').values({ id_hash: hash(id), user_id: userId, expires_at: epochSeconds(now) + DEVICE_TTL_SECONDS }).execute();
  return id;
}
