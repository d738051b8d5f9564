/** An answer of the report API (ingest and connection check), independent of the HTTP framework. */
export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The extension's service worker and options page call cross-origin; they send no cookies, so any origin may. */
export const API_CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Retry-After',
};

export const API_PREFLIGHT_HEADERS = {
  ...API_CORS_HEADERS,
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type',
  'access-control-max-age': '86400',
};

/** The Bearer token of an Authorization header, or undefined when there is none that could be one. */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  return /^Bearer +([\x21-\x7e]{1,512}) *$/i.exec(authorization ?? '')?.[1];
}

export const MISSING_TOKEN = 'An "Authorization: Bearer <report token>" header is required.';
export const UNKNOWN_TOKEN = 'This report token is unknown or revoked.';

export function apiError(status: number, error: string, headers: Record<string, string> = {}, extra: object = {}): ApiResponse {
  return apiJson(status, { error, ...extra }, headers);
}

export function apiJson(status: number, body: object, headers: Record<string, string> = {}): ApiResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...API_CORS_HEADERS, ...headers },
    body: JSON.stringify(body),
  };
}
