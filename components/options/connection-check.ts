import { ConnectionCheckAnswer } from '../../protocol/connection-check';
import { ORG_ID_PATTERN } from '../../protocol/report';

/** What «Проверить соединение» found out; each kind has one text in _locales (`check_<kind>`). */
export type CheckResult =
  | { kind: 'ok'; answer: ConnectionCheckAnswer }
  | { kind: 'no_endpoint' | 'bad_endpoint' | 'no_token' | 'bad_org_id' | 'unauthorized' | 'forbidden' | 'not_collector' | 'old_collector' | 'network' }
  | { kind: 'busy'; seconds: number }
  | { kind: 'server' | 'unexpected'; status: number };

export interface CheckTarget {
  endpoint: string;
  token: string;
  orgId: string;
}

export const CHECK_TIMEOUT_MS = 15_000;

/**
 * Asks the collector whether these settings would work (protocol/connection-check.ts): a GET of
 * the report endpoint with the token and the school code. It sends no counts and, like the
 * reports themselves, no cookie or referrer.
 */
export async function checkConnection({ endpoint, token, orgId }: CheckTarget, fetchFn: typeof fetch = fetch): Promise<CheckResult> {
  if (endpoint === '') return { kind: 'no_endpoint' };
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { kind: 'bad_endpoint' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'bad_endpoint' };
  if (token === '') return { kind: 'no_token' };
  if (orgId !== '' && !ORG_ID_PATTERN.test(orgId)) return { kind: 'bad_org_id' };
  if (orgId !== '') url.searchParams.set('orgId', orgId);

  let response: Response;
  try {
    response = await fetchFn(url, {
      headers: { Authorization: `Bearer ${token}` },
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    });
  } catch {
    return { kind: 'network' };
  }
  const { status } = response;
  if (status === 200) {
    const answer = ConnectionCheckAnswer.safeParse(await response.json().catch(() => undefined));
    return answer.success ? { kind: 'ok', answer: answer.data } : { kind: 'unexpected', status };
  }
  await response.body?.cancel().catch(() => undefined);
  if (status === 401) return { kind: 'unauthorized' };
  if (status === 403) return { kind: 'forbidden' };
  if (status === 400) return { kind: 'bad_org_id' };
  if (status === 404) return { kind: 'not_collector' };
  // A collector older than the check answers every GET of the report path with 405.
  if (status === 405) return { kind: 'old_collector' };
  if (status === 429) return { kind: 'busy', seconds: Math.max(1, Number(response.headers.get('Retry-After')) || 5) };
  if (status >= 500) return { kind: 'server', status };
  return { kind: 'unexpected', status };
}
