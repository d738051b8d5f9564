import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** sha256 hex: what the tokens table keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new report token for a district: 32 random bytes, URL-safe, shown once and never stored. */
export async function createToken(db: Kysely<Database>, districtId: number, today: string = new Date().toISOString().slice(0, 10)): Promise<string> {
  const token = `pk_${randomBytes(32).toString('base64url')}`;
  await addTokenValue(db, districtId, token, today);
  return token;
}

/** Registers a token chosen by the caller (benchmarks, tests, a token already in deployed policies). */
export async function addTokenValue(db: Kysely<Database>, districtId: number, token: string, today: string = new Date().toISOString().slice(0, 10)): Promise<void> {
  await db
    .insertInto('tokens')
    .values({ token_hash: hashToken(token), district_id: districtId, created_day: today, revoked: 0 })
    .onConflict((conflict) => conflict.column('token_hash').doUpdateSet({ district_id: districtId, revoked: 0 }))
    .execute();
}

/** Returns false when the token was not known. */
export async function revokeToken(db: Kysely<Database>, token: string): Promise<boolean> {
  const result = await db.updateTable('tokens').set({ revoked: 1 }).where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The district a live token belongs to, or null. */
export async function districtForTokenHash(db: Kysely<Database>, tokenHash: string): Promise<number | null> {
  const row = await db
    .selectFrom('tokens')
    .select('district_id')
    .where('token_hash', '=', tokenHash)
    .where('revoked', '=', 0)
    .executeTakeFirst();
  return row?.district_id ?? null;
}
