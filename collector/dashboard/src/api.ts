import type { ReportResponse, SessionInfo, TrendResponse, WeeksResponse } from '../../server/dashboard/api-types';

const BASE = '/api/v1/dashboard';

/** An answer that is not 2xx; `status` lets the screens tell "logged out" from "try later". */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

let csrfToken = '';

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.method && init.method !== 'GET') headers.set('X-CSRF-Token', csrfToken);
  if (init.body) headers.set('Content-Type', 'application/json');
  const response = await fetch(BASE + path, { ...init, headers, credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
    throw new ApiFailure(response.status, body?.error ?? `HTTP ${response.status}`, retryAfter);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

function remember(session: SessionInfo): SessionInfo {
  csrfToken = session.csrfToken;
  return session;
}

export const api = {
  session: () => request<SessionInfo>('/session').then(remember),
  login: (login: string, password: string) =>
    request<SessionInfo>('/login', { method: 'POST', body: JSON.stringify({ login, password }) }).then(remember),
  logout: () => request<void>('/logout', { method: 'POST' }).finally(() => (csrfToken = '')),
  weeks: () => request<WeeksResponse>('/weeks'),
  report: (week: string) => request<ReportResponse>(`/report?week=${encodeURIComponent(week)}`),
  trend: (week: string, count: number) => request<TrendResponse>(`/trend?to=${encodeURIComponent(week)}&weeks=${count}`),
  exportUrl: (week: string, format: 'csv' | 'xlsx') => `${BASE}/export.${format}?week=${encodeURIComponent(week)}`,
};
