import { describe, expect, it } from "vitest";
import { SignInThrottle, lockoutMessage } from "./throttle";

const MINUTE = 60_000;

function throttleWithClock() {
  const clock = { now: 1_000_000 };
  const throttle = new SignInThrottle(
    {
      email: { maxFailures: 5, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE },
      address: { maxFailures: 20, windowMs: 15 * MINUTE, lockoutMs: 10 * MINUTE },
    },
    () => clock.now,
  );
  return { throttle, clock };
}

const alice = { email: "alice@example.com", address: "10.0.0.1" };

describe("SignInThrottle", () => {
  it("allows four failures and refuses after the fifth, with a clear message", () => {
    const { throttle } = throttleWithClock();
    for (let failure = 0; failure < 4; failure++) {
      throttle.recordFailure(alice);
      expect(throttle.check(alice).allowed).toBe(true);
    }
    throttle.recordFailure(alice);
    const verdict = throttle.check(alice);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) {
      expect(verdict.retryAfterMs).toBe(15 * MINUTE);
      expect(verdict.message).toBe("Too many failed sign-in attempts. Try again in 15 minutes.");
    }
  });

  it("locks the email whatever address the guesses come from, and ignores letter case", () => {
    const { throttle } = throttleWithClock();
    for (let failure = 0; failure < 5; failure++) {
      throttle.recordFailure({ email: "Alice@Example.com", address: `10.0.1.${failure}` });
    }
    expect(throttle.check({ email: "alice@example.com", address: "192.168.1.1" }).allowed).toBe(false);
    expect(throttle.check({ email: "bob@example.com", address: "192.168.1.1" }).allowed).toBe(true);
  });

  it("lets the user in again once the lockout has passed", () => {
    const { throttle, clock } = throttleWithClock();
    for (let failure = 0; failure < 5; failure++) throttle.recordFailure(alice);
    clock.now += 15 * MINUTE - 1;
    expect(throttle.check(alice).allowed).toBe(false);
    clock.now += 1;
    expect(throttle.check(alice).allowed).toBe(true);
  });

  it("forgets failures older than the window", () => {
    const { throttle, clock } = throttleWithClock();
    for (let failure = 0; failure < 4; failure++) throttle.recordFailure(alice);
    clock.now += 15 * MINUTE + 1;
    throttle.recordFailure(alice);
    expect(throttle.check(alice).allowed).toBe(true);
  });

  it("a correct password resets the email's count", () => {
    const { throttle } = throttleWithClock();
    for (let failure = 0; failure < 4; failure++) throttle.recordFailure(alice);
    throttle.recordSuccess(alice);
    throttle.recordFailure(alice);
    expect(throttle.check(alice).allowed).toBe(true);
  });

  it("locks an address that sprays many accounts, without locking those accounts elsewhere", () => {
    const { throttle } = throttleWithClock();
    for (let account = 0; account < 20; account++) {
      throttle.recordFailure({ email: `user${account}@example.com`, address: "203.0.113.9" });
    }
    const fromAttacker = throttle.check({ email: "fresh@example.com", address: "203.0.113.9" });
    expect(fromAttacker.allowed).toBe(false);
    if (!fromAttacker.allowed) expect(fromAttacker.retryAfterMs).toBe(10 * MINUTE);
    expect(throttle.check({ email: "user1@example.com", address: "198.51.100.7" }).allowed).toBe(true);
  });

  it("still throttles by email when the address is unknown", () => {
    const { throttle } = throttleWithClock();
    for (let failure = 0; failure < 5; failure++) throttle.recordFailure({ email: "x@example.com", address: null });
    expect(throttle.check({ email: "x@example.com", address: null }).allowed).toBe(false);
  });
});

describe("lockoutMessage", () => {
  it("rounds up to whole minutes", () => {
    expect(lockoutMessage(30_000)).toBe("Too many failed sign-in attempts. Try again in a minute.");
    expect(lockoutMessage(2 * MINUTE + 1)).toBe("Too many failed sign-in attempts. Try again in 3 minutes.");
  });
});
