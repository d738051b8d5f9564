import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, flushDelay, parseRetryAfter, retryAfterDelay, retryDelay, wakeDelay } from '../../../../background/reporting/backoff';
import { isReportEndpoint } from '../../../../protocol/policy';

describe('delays', () => {
  it('doubles the backoff per failed attempt, with jitter, up to a cap', () => {
    expect(retryDelay(1, () => 1)).toBe(60_000);
    expect(retryDelay(1, () => 0)).toBe(30_000);
    expect(retryDelay(3, () => 1)).toBe(240_000);
    expect(retryDelay(30, () => 1)).toBe(BACKOFF_MAX_MS);
  });

  it('waits at least as long as Retry-After says, whatever the test scale', () => {
    expect(retryAfterDelay(120_000, () => 0)).toBe(120_000);
    expect(retryAfterDelay(120_000, () => 1)).toBeCloseTo(132_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2026, 10, 23, 12, 0, 0);
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:02:00 GMT', now)).toBe(120_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('jitters the schedule by ±20% and delays overdue work by 1–10 minutes', () => {
    expect(flushDelay(360, () => 0)).toBe(0.8 * 360 * 60_000);
    expect(flushDelay(360, () => 1)).toBeCloseTo(1.2 * 360 * 60_000);
    expect(wakeDelay(() => 0)).toBe(60_000);
    expect(wakeDelay(() => 1)).toBe(600_000);
  });
});

describe('isReportEndpoint', () => {
  it('allows https anywhere and http only on the loopback', () => {
    expect(isReportEndpoint('https://stats.edu.example.ru/api/v1/reports')).toBe(true);
    expect(isReportEndpoint('http://127.0.0.1:8080/api/v1/reports')).toBe(true);
    expect(isReportEndpoint('http://localhost/api')).toBe(true);
    expect(isReportEndpoint('http://stats.edu.example.ru/api')).toBe(false);
    expect(isReportEndpoint('http://127.0.0.1.example.com/api')).toBe(false);
    expect(isReportEndpoint('https://user:pw@stats.example.ru/')).toBe(false);
    expect(isReportEndpoint('')).toBe(false);
  });
});
