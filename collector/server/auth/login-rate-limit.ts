/**
 * Login attempts are limited so that guessing stays slow and nobody can lock the owner out:
 * - a stranger (a browser that never logged in as this user) may fail `perLogin.max` times per
 *   window for one login, and all strangers together may try `global.max` times per window;
 * - a known device (login-devices.ts: a browser that logged in as this user before) is limited by
 *   its own failures only, so strangers filling those windows never keep it out.
 * With the defaults: ≤ 20 guesses an hour per account and ≤ 3,600 an hour in total from strangers;
 * a stolen device cookie adds ≤ 20 an hour for its one account. In memory: each process counts its own.
 */
export interface Window {
  max: number;
  seconds: number;
}

export interface LoginLimits {
  /** Failed attempts for one login, by strangers; and by each known device on its own. */
  perLogin: Window;
  /** All strangers' attempts, whatever the login. */
  global: Window;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perLogin: { max: 5, seconds: 15 * 60 },
  global: { max: 60, seconds: 60 },
};

const MAX_TRACKED = 10_000;

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Who is trying: the normalized login, and the known device's id when the browser has one. */
export interface Attempt {
  login: string;
  device?: string | null;
}

export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();
  private attempts: number[] = [];

  constructor(
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Call before checking a password; a refused attempt is not counted again. */
  admit(attempt: Attempt): Verdict {
    const now = this.now();
    const failures = recent(this.failures.get(bucket(attempt)) ?? [], now, this.limits.perLogin.seconds);
    const blocked = [wait(failures, now, this.limits.perLogin)];
    if (!attempt.device) {
      this.attempts = recent(this.attempts, now, this.limits.global.seconds);
      blocked.push(wait(this.attempts, now, this.limits.global));
    }
    const seconds = Math.max(...blocked);
    if (seconds > 0) return { allowed: false, retryAfterSeconds: seconds };
    if (!attempt.device) this.attempts.push(now);
    return { allowed: true };
  }

  recordFailure(attempt: Attempt): void {
    const now = this.now();
    if (this.failures.size >= MAX_TRACKED) this.prune(now);
    const list = recent(this.failures.get(bucket(attempt)) ?? [], now, this.limits.perLogin.seconds);
    list.push(now);
    this.failures.set(bucket(attempt), list);
  }

  /** The right password clears only its own bucket: a stranger's success does not reset a device's. */
  recordSuccess(attempt: Attempt): void {
    this.failures.delete(bucket(attempt));
  }

  private prune(now: number): void {
    for (const [key, list] of this.failures) {
      if (recent(list, now, this.limits.perLogin.seconds).length === 0) this.failures.delete(key);
    }
    // Still full of live entries: forget the oldest rather than grow without bound.
    for (const key of this.failures.keys()) {
      if (this.failures.size < MAX_TRACKED) break;
      this.failures.delete(key);
    }
  }
}

const bucket = ({ login, device }: Attempt) => (device ? `device ${device}` : `login ${login}`);
const recent = (times: number[], now: number, seconds: number) => times.filter((t) => now - t < seconds * 1000);

/** Seconds until the oldest attempt in a full window leaves it; 0 when there is room. */
function wait(times: number[], now: number, window: Window): number {
  if (times.length < window.max) return 0;
  const oldest = times[times.length - window.max]!;
  return Math.max(1, Math.ceil((oldest + window.seconds * 1000 - now) / 1000));
}
