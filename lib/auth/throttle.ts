// Slows down password guessing: too many failed sign-ins for one email, or from
// one network address, within a window locks that email/address out for a
// while. Kept in memory: one process serves the dashboard, and a restart only
// forgives, never blocks, a legitimate user.

export interface ThrottleRule {
  /** Failures allowed inside the window; the next one starts a lockout. */
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
}

export interface SignInAttempt {
  email: string;
  /** Client network address; null when unknown (then only the email counts). */
  address: string | null;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number; message: string };

interface Bucket {
  failures: number[];
  lockedUntil: number;
}

const MINUTE = 60_000;

export const DEFAULT_THROTTLE_RULES = {
  // 5 wrong passwords for one account in 15 minutes locks it for 15 minutes.
  email: { maxFailures: 5, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE },
  // An address gets more room: several people may share one office NAT.
  address: { maxFailures: 20, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE },
} satisfies Record<"email" | "address", ThrottleRule>;

// Sweep stale buckets once the map grows, so a flood of random emails cannot grow memory forever.
const SWEEP_THRESHOLD = 10_000;

export class SignInThrottle {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rules: { email: ThrottleRule; address: ThrottleRule } = DEFAULT_THROTTLE_RULES,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether this attempt may even be checked; call before verifying the password. */
  check(attempt: SignInAttempt): ThrottleVerdict {
    const now = this.now();
    const lockedUntil = Math.max(
      ...this.keysOf(attempt).map(({ key }) => this.buckets.get(key)?.lockedUntil ?? 0),
    );
    if (lockedUntil <= now) return { allowed: true };
    const retryAfterMs = lockedUntil - now;
    return { allowed: false, retryAfterMs, message: lockoutMessage(retryAfterMs) };
  }

  recordFailure(attempt: SignInAttempt): void {
    const now = this.now();
    for (const { key, rule } of this.keysOf(attempt)) {
      const bucket = this.buckets.get(key) ?? { failures: [], lockedUntil: 0 };
      bucket.failures = bucket.failures.filter((time) => time > now - rule.windowMs);
      bucket.failures.push(now);
      if (bucket.failures.length >= rule.maxFailures) {
        bucket.lockedUntil = now + rule.lockoutMs;
        bucket.failures = [];
      }
      this.buckets.set(key, bucket);
    }
    if (this.buckets.size > SWEEP_THRESHOLD) this.sweep(now);
  }

  /** A correct password clears the account's count; the address keeps its count so spraying many accounts still trips it. */
  recordSuccess(attempt: SignInAttempt): void {
    this.buckets.delete(emailKey(attempt.email));
  }

  private keysOf(attempt: SignInAttempt): { key: string; rule: ThrottleRule }[] {
    const keys = [{ key: emailKey(attempt.email), rule: this.rules.email }];
    if (attempt.address) keys.push({ key: `address:${attempt.address}`, rule: this.rules.address });
    return keys;
  }

  private sweep(now: number): void {
    const longestWindow = Math.max(this.rules.email.windowMs, this.rules.address.windowMs);
    for (const [key, bucket] of this.buckets) {
      const lastFailure = bucket.failures.at(-1) ?? 0;
      if (bucket.lockedUntil <= now && lastFailure <= now - longestWindow) this.buckets.delete(key);
    }
  }
}

function emailKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

export function lockoutMessage(retryAfterMs: number): string {
  const minutes = Math.ceil(retryAfterMs / MINUTE);
  const wait = minutes <= 1 ? "a minute" : `${minutes} minutes`;
  return `Too many failed sign-in attempts. Try again in ${wait}.`;
}

const globalForThrottle = globalThis as unknown as { gatewaySignInThrottle?: SignInThrottle };

/** The process-wide throttle (on globalThis so dev reloads keep the counts). */
export const signInThrottle: SignInThrottle = (globalForThrottle.gatewaySignInThrottle ??= new SignInThrottle());
