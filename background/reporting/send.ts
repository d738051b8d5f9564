import { parseRetryAfter } from './backoff';
import type { ErrorCode } from './state';

export type SendOutcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'retry'; code: ErrorCode; status?: number; retryAfterMs?: number }
  | { kind: 'drop'; code: ErrorCode; status: number };

export interface SendTarget {
  endpoint: string;
  token: string;
}

export const SEND_TIMEOUT_MS = 30_000;

/** Only these answers give a batch up (DESIGN §6); every other failure keeps it for a retry. */
const DROP_CODES: Record<number, ErrorCode> = { 400: 'rejected', 401: 'unauthorized', 403: 'forbidden', 413: 'too_large' };

/**
 * One POST of the exact stored body. No cookies, no referrer, no cache: the request carries the
 * batch and, when configured, the district's token, nothing about the teacher or the computer.
 */
export async function postBatch(body: string, target: SendTarget, fetchFn: typeof fetch, now: () => number): Promise<SendOutcome> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (target.token) headers.Authorization = `Bearer ${target.token}`;
  let response: Response;
  try {
    response = await fetchFn(target.endpoint, {
      method: 'POST',
      headers,
      body,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch {
    return { kind: 'retry', code: 'network' };
  }
  const status = response.status;
  await response.body?.cancel().catch(() => undefined);
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  const dropCode = DROP_CODES[status];
  if (dropCode) return { kind: 'drop', code: dropCode, status };
  if (status === 429) return { kind: 'retry', code: 'rate_limited', status, retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), now()) };
  if (status >= 500) return { kind: 'retry', code: 'server', status, retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), now()) };
  return { kind: 'retry', code: 'unexpected_status', status };
}
