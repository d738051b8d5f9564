/**
 * Login attempts are limited per login (guessing one password) and in total (spraying many
 * logins, and the CPU that scrypt costs). In memory: each collector process counts its own.
 */
export interface Window {
  max: number;
  seconds: number;
}

export interface LoginLimits {
  /** Failed attempts for one login. */
  perLogin: Window;
  /** All attempts, whatever the login. */
  global: Window;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perLogin: { max: 5, seconds: 15 * 60 },
  global: { max: 60, seconds: 60 },
};

const MAX_TRACKED_LOGINS = 10_000;

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();
  private attempts: number[] = [];

  constructor(
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Call before checking a password; a refused attempt is not counted again. */
  admit(login: string): Verdict {
    const now = this.now();
    this.attempts = recent(this.attempts, now, this.limits.global.seconds);
    const failures = recent(this.failures.get(key(login)) ?? [], now, this.limits.perLogin.seconds);
    const blocked = [
      wait(this.attempts, now, this.limits.global),
      wait(failures, now, this.limits.perLogin),
    ].filter((seconds) => seconds > 0);
    if (blocked.length > 0) return { allowed: false, retryAfterSeconds: Math.max(...blocked) };
    this.attempts.push(now);
    return { allowed: true };
  }

  recordFailure(login: string): void {
    const now = this.now();
    if (this.failures.size >= MAX_TRACKED_LOGINS) this.prune(now);
    const list = recent(this.failures.get(key(login)) ?? [], now, this.limits.perLogin.seconds);
    list.push(now);
    this.failures.set(key(login), list);
  }

  recordSuccess(login: string): void {
    this.failures.delete(key(login));
  }

  private prune(now: number): void {
    for (const [login, list] of this.failures) {
      if (recent(list, now, this.limits.perLogin.seconds).length === 0) this.failures.delete(login);
    }
    // Still full of live entries: forget the oldest rather than grow without bound.
    for (const login of this.failures.keys()) {
      if (this.failures.size < MAX_TRACKED_LOGINS) break;
      this.failures.delete(login);
    }
  }
}

const key = (login: string) => login.trim().toLowerCase();
const recent = (times: number[], now: number, seconds: number) => times.filter((t) => now - t < seconds * 1000);

/** Seconds until the oldest attempt in a full window leaves it; 0 when there is room. */
function wait(times: number[], now: number, window: Window): number {
  if (times.length < window.max) return 0;
  const oldest = times[times.length - window.max]!;
  return Math.max(1, Math.ceil((oldest + window.seconds * 1000 - now) / 1000));
}
