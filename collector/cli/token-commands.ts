import { TOKEN_CACHE_MS } from '../ingest/token-directory';
import type { CollectorDatabase } from '../storage/open-database';
import { createToken, hashToken, listTokens, revokeToken, revokeTokenValue, tokenIdOf, type RevokeResult } from '../storage/tokens';
import { requireDistrict, type Out } from './admin-commands';
import { UsageError } from './usage-error';
import { tokenScope, type TokenOptions } from './token-scope';

/** Prints the new token on stdout (shown once) and its public id on stderr. */
export async function addTokenCommand({ db }: CollectorDatabase, district: string, options: TokenOptions, out: Out): Promise<void> {
  const { id } = await requireDistrict(db, district);
  const scope = tokenScope(options);
  const token = await createToken(db, id, scope);
  out(token);
  console.error(`token id ${tokenIdOf(hashToken(token))}: ${scope.orgId ? `school token, writes only orgId "${scope.orgId}"` : 'district token, writes any orgId of the district'}`);
}

export async function listTokensCommand({ db }: CollectorDatabase, district: string | undefined, out: Out): Promise<void> {
  const districtId = district === undefined ? undefined : (await requireDistrict(db, district)).id;
  for (const token of await listTokens(db, districtId)) {
    const scope = token.org_id === null ? 'district' : `school ${token.org_id}`;
    const quota = [token.rows_per_day && `${token.rows_per_day} rows/day`, token.new_orgs_per_day && `${token.new_orgs_per_day} new orgIds/day`].filter(Boolean).join(', ');
    out([token.tokenId, token.prefix ? `${token.prefix}…` : '(old token)', `district ${token.district_id}`, scope, token.created_day, token.revoked ? 'revoked' : 'live', quota].filter(Boolean).join('\t'));
  }
}

/** By token id or the token's start; `--stdin` reads the whole token from stdin (never the command line). */
export async function revokeTokenCommand({ db }: CollectorDatabase, name: string | undefined, stdin: string | null, out: Out): Promise<void> {
  let result: RevokeResult;
  if (name !== undefined) result = await revokeToken(db, name);
  else if (stdin?.trim()) result = await revokeTokenValue(db, stdin.trim());
  else throw new UsageError('name the token by its id (token list) or its start (pk_ and 6–8 characters), or pipe the token into token revoke --stdin');
  if ('none' in result) throw new UsageError('no such token (see: token list)');
  if ('ambiguous' in result) throw new UsageError(`that names ${result.ambiguous.length} tokens (${result.ambiguous.join(', ')}); give more of the id`);
  out(`token ${result.revoked} revoked; a collector serving from this database refuses it within ${TOKEN_CACHE_MS / 1000} seconds`);
}
