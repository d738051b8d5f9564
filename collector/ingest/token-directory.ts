import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema';
import { grantForTokenHash, hashToken, tokensRevokedHere, type TokenGrant } from '../storage/tokens';

/**
 * Maps a Bearer token to what it may do, remembering answers for `ttlMs` so a busy collector does
 * not ask the database on every report. A revocation in this process takes effect at once; one
 * made elsewhere (the CLI, another collector on the same database) within `ttlMs`.
 */
export interface TokenDirectory {
  lookup(token: string): Promise<{ tokenHash: string; grant: TokenGrant | null }>;
  close(): void;
}

/** The bound for a revocation made in another process (docs/deploy.md states it). */
export const TOKEN_CACHE_MS = 5_000;
const MAX_REMEMBERED = 10_000;

export function createTokenDirectory(db: Kysely<Database>, ttlMs = TOKEN_CACHE_MS): TokenDirectory {
  const remembered = new Map<string, { grant: TokenGrant | null; until: number }>();
  // A lookup that started before a revocation here must not remember its older answer.
  let revocations = 0;
  const forget = (tokenHash: string) => {
    revocations += 1;
    remembered.delete(tokenHash);
  };
  tokensRevokedHere.add(forget);
  return {
    async lookup(token) {
      const tokenHash = hashToken(token);
      const now = Date.now();
      const known = remembered.get(tokenHash);
      if (known && known.until > now) return { tokenHash, grant: known.grant };
      const before = revocations;
      const grant = await grantForTokenHash(db, tokenHash);
      if (before !== revocations) return { tokenHash, grant: await grantForTokenHash(db, tokenHash) };
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(tokenHash, { grant, until: now + ttlMs });
      return { tokenHash, grant };
    },
    close() {
      tokensRevokedHere.delete(forget);
    },
  };
}
