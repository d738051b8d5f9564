import { hash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** sha256 hex: what the tokens table keeps instead of the token. */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

/** A token's public id: the first 12 hex digits of its hash (safe to print, log and type). */
export const tokenIdOf = (tokenHash: string) => tokenHash.slice(0, 12);

const PREFIX_LENGTH = 11;

export interface TokenScope {
  /** A school token writes only this orgId; undefined/null: a district token. */
  orgId?: string | null;
  rowsPerDay?: number | null;
  newOrgsPerDay?: number | null;
}

/** What a live token may do: its district, its school (null: any school of the district), its quotas. */
export interface TokenGrant {
  tokenId: string;
  districtId: number;
  orgId: string | null;
  rowsPerDay: number | null;
  newOrgsPerDay: number | null;
}

/** A new report token: 32 random bytes, URL-safe, shown once and never stored. */
export async function createToken(db: Kysely<Database>, districtId: number, scope: TokenScope = {}, today: string = isoDay()): Promise<string> {
  const token = `pk_${randomBytes(32).toString('base64url')}`;
  await addTokenValue(db, districtId, token, scope, today);
  return token;
}

/** Registers a token chosen by the caller (benchmarks, tests, a token already in deployed policies). */
export async function addTokenValue(db: Kysely<Database>, districtId: number, token: string, scope: TokenScope = {}, today: string = isoDay()): Promise<void> {
  const tokenHash = hashToken(token);
  const values = {
    district_id: districtId,
    revoked: 0,
    org_id: scope.orgId ?? null,
    rows_per_day: scope.rowsPerDay ?? null,
    new_orgs_per_day: scope.newOrgsPerDay ?? null,
  };
  await db
    .insertInto('tokens')
    .values({ token_hash: tokenHash, token_id: tokenIdOf(tokenHash), prefix: token.startsWith('pk_') ? token.slice(0, PREFIX_LENGTH) : null, created_day: today, ...values })
    .onConflict((conflict) => conflict.column('token_hash').doUpdateSet(values))
    .execute();
}

export type RevokeResult = { revoked: string } | { none: true } | { ambiguous: string[] };

/**
 * Revokes one token named by its id (`token list`, ≥ 6 hex digits of it) or by its visible start
 * ("pk_" and ≥ 6 more characters, as in a policy file), never by the whole secret on a command line.
 */
export async function revokeToken(db: Kysely<Database>, idOrPrefix: string): Promise<RevokeResult> {
  const matches = await tokensNamed(db, idOrPrefix);
  if (matches.length === 0) return { none: true };
  if (matches.length > 1) return { ambiguous: matches.map((row) => row.token_id ?? tokenIdOf(row.token_hash)) };
  await db.updateTable('tokens').set({ revoked: 1 }).where('token_hash', '=', matches[0]!.token_hash).execute();
  tokensRevokedHere.forEach((listener) => listener(matches[0]!.token_hash));
  return { revoked: matches[0]!.token_id ?? tokenIdOf(matches[0]!.token_hash) };
}

/** Revokes the token whose whole secret is given (read from stdin by the CLI). */
export async function revokeTokenValue(db: Kysely<Database>, token: string): Promise<RevokeResult> {
  return revokeToken(db, tokenIdOf(hashToken(token)));
}

/** In JavaScript: SQLite's LIKE ignores case and has no default escape; a district has few tokens. */
async function tokensNamed(db: Kysely<Database>, name: string) {
  const byId = /^[0-9a-f]{6,64}$/i.test(name) ? name.toLowerCase() : null;
  const byPrefix = /^pk_[A-Za-z0-9_-]{6,8}$/.test(name) ? name : null;
  if (!byId && !byPrefix) return [];
  const rows = await db.selectFrom('tokens').select(['token_hash', 'token_id', 'prefix']).execute();
  return rows.filter((row) => (byId ? row.token_hash.startsWith(byId) : row.prefix?.startsWith(byPrefix!)));
}

/**
 * Token directories of this process, told of a revocation at once (others learn it within their
 * cache time, token-directory.ts).
 */
export const tokensRevokedHere = new Set<(tokenHash: string) => void>();

/** What a live token may do, or null for an unknown or revoked one. */
export async function grantForTokenHash(db: Kysely<Database>, tokenHash: string): Promise<TokenGrant | null> {
  const row = await db
    .selectFrom('tokens')
    .select(['token_hash', 'district_id', 'org_id', 'rows_per_day', 'new_orgs_per_day'])
    .where('token_hash', '=', tokenHash)
    .where('revoked', '=', 0)
    .executeTakeFirst();
  if (!row) return null;
  return { tokenId: tokenIdOf(row.token_hash), districtId: row.district_id, orgId: row.org_id, rowsPerDay: row.rows_per_day, newOrgsPerDay: row.new_orgs_per_day };
}

/** The district a live token belongs to, or null. */
export async function districtForTokenHash(db: Kysely<Database>, tokenHash: string): Promise<number | null> {
  return (await grantForTokenHash(db, tokenHash))?.districtId ?? null;
}

/** Every token of a district (or all), for `token list`: never a secret. */
export async function listTokens(db: Kysely<Database>, districtId?: number) {
  let query = db.selectFrom('tokens').select(['token_hash', 'prefix', 'district_id', 'org_id', 'created_day', 'revoked', 'rows_per_day', 'new_orgs_per_day']).orderBy('created_day').orderBy('token_hash');
  if (districtId !== undefined) query = query.where('district_id', '=', districtId);
  return (await query.execute()).map(({ token_hash, ...row }) => ({ tokenId: tokenIdOf(token_hash), ...row }));
}

function isoDay(): string {
  return new Date().toISOString().slice(0, 10);
}
