// Password hashing with Argon2id. The library defaults (19 MiB, 2 passes) are
// OWASP's recommended minimum and take ~50 ms here, which keeps sign-in quick
// while making offline guessing expensive.
import { hash, verify } from "@node-rs/argon2";

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** True when the password matches; false (never a throw) for a wrong password or a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/**
 * Spend the same time as a real check when the email is unknown, so response
 * times do not reveal which emails have accounts.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hash("decoy password that nobody uses");
  await verifyPassword(await decoyHash, password);
  return false;
}
