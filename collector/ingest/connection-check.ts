import type { Kysely } from 'kysely';
import type { ConnectionCheckAnswer } from '../../protocol/connection-check';
import { ORG_ID_PATTERN } from '../../protocol/report';
import type { Database } from '../storage/schema';
import { findSchool } from '../storage/schools';
import { orgIdForGrant } from './accept-batch';
import { apiError, apiJson, bearerToken, MISSING_TOKEN, UNKNOWN_TOKEN, type ApiResponse } from './api-response';
import { createRateLimiter, type RateLimit } from './rate-limiter';
import { createTokenDirectory } from './token-directory';

export interface ConnectionCheckRequest {
  authorization: string | null | undefined;
  orgId: string | null | undefined;
}

export interface ConnectionCheck {
  handle(request: ConnectionCheckRequest): Promise<ApiResponse>;
  close(): void;
}

/** A person presses the button: a few checks a minute per token is plenty and keeps guessing slow. */
export const CHECK_RATE_LIMIT: RateLimit = { perSecond: 0.2, burst: 10 };

/**
 * Answers «Проверить соединение» (protocol/connection-check.ts): the token's district and scope,
 * and whether the orgId is the token's to write and listed in the directory. Stores nothing.
 */
export function createConnectionCheck(db: Kysely<Database>, rateLimit = CHECK_RATE_LIMIT): ConnectionCheck {
  const tokens = createTokenDirectory(db);
  const limiter = createRateLimiter(rateLimit);

  async function handle({ authorization, orgId: askedOrgId }: ConnectionCheckRequest): Promise<ApiResponse> {
    const token = bearerToken(authorization);
    if (!token) return apiError(401, MISSING_TOKEN, { 'www-authenticate': 'Bearer' });
    const { tokenHash, grant } = await tokens.lookup(token);
    if (grant === null) return apiError(401, UNKNOWN_TOKEN, { 'www-authenticate': 'Bearer' });
    const waitSeconds = limiter.take(tokenHash);
    if (waitSeconds !== null) return apiError(429, `Too many checks with this token; retry in ${waitSeconds} s.`, { 'retry-after': String(waitSeconds) });

    const asked = askedOrgId ?? '';
    if (asked !== '' && !ORG_ID_PATTERN.test(asked)) return apiError(400, 'orgId: 1–64 characters of A–Z, a–z, 0–9, ".", "_", "-".');
    const owner = orgIdForGrant(grant, asked);
    if (!owner.ok) return apiError(owner.status, owner.reason);
    const { orgId } = owner;
    const district = await db.selectFrom('districts').select('name').where('id', '=', grant.districtId).executeTakeFirstOrThrow();
    const school = orgId === '' ? null : await findSchool(db, grant.districtId, orgId);
    const answer: ConnectionCheckAnswer = {
      ok: true,
      district: district.name,
      scope: grant.orgId === null ? 'district' : 'school',
      orgId,
      school: school?.name ?? null,
    };
    return apiJson(200, answer);
  }

  return { handle, close: () => tokens.close() };
}
