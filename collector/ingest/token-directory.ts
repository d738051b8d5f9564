import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema';
import { districtForTokenHash, hashToken } from '../storage/tokens';

/**
 * Maps a Bearer token to its district, remembering answers for `ttlMs` so a busy collector does
 * not ask the database on every report; a revoked token stops working within that time.
 */
export interface TokenDirectory {
  lookup(token: string): Promise<{ tokenHash: string; districtId: number | null }>;
}

const MAX_REMEMBERED = 10_000;

export function createTokenDirectory(db: Kysely<Database>, ttlMs = 10_000): TokenDirectory {
  const remembered = new Map<string, { districtId: number | null; until: number }>();
  return {
    async lookup(token) {
      const tokenHash = hashToken(token);
      const now = Date.now();
      const known = remembered.get(tokenHash);
      if (known && known.until > now) return { tokenHash, districtId: known.districtId };
      const districtId = await districtForTokenHash(db, tokenHash);
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(tokenHash, { districtId, until: now + ttlMs });
      return { tokenHash, districtId };
    },
  };
}
