// next-auth configuration: email + password (credentials provider), sessions
// as signed, encrypted JWT cookies (no session table to clean up), and the
// sign-in throttle in front of every password check.
import { createHmac } from "node:crypto";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db";
import { env } from "../env";
import { clientAddress } from "./client-address";
import { verifyAgainstDecoy, verifyPassword } from "./passwords";
import { signInSchema } from "./schemas";
import { signInThrottle } from "./throttle";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string | null };
  }
}

const THIRTY_DAYS_IN_SECONDS = 30 * 24 * 60 * 60;
export const INVALID_CREDENTIALS_MESSAGE = "Email or password is incorrect.";

let cached: AuthOptions | undefined;

/**
 * Built on first use, not at import: reading GATEWAY_SECRET may create it
 * under data/, which must not happen while `next build` collects pages.
 */
export function getAuthOptions(): AuthOptions {
  if (cached) return cached;
  trustRequestHost();
  cached = {
    secret: sessionSecret(env().GATEWAY_SECRET),
    session: { strategy: "jwt", maxAge: THIRTY_DAYS_IN_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: (credentials, request) => authorize(credentials, request?.headers),
      }),
    ],
    callbacks: {
      session({ session, token }) {
        session.user = { id: token.sub ?? "", email: token.email ?? "", name: token.name ?? null };
        return session;
      },
    },
  };
  return cached;
}

/** Returns the user, null for wrong credentials, or throws with a message the form shows as is. */
async function authorize(
  credentials: Record<string, string> | undefined,
  headers: Record<string, string | string[] | undefined> | undefined,
) {
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success) throw new Error(parsed.error.issues[0].message);
  const attempt = { email: parsed.data.email, address: clientAddress(headers) };

  const verdict = signInThrottle.check(attempt);
  if (!verdict.allowed) throw new Error(verdict.message);

  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, parsed.data.password)
    : await verifyAgainstDecoy(parsed.data.password);
  if (!user || !valid) {
    signInThrottle.recordFailure(attempt);
    throw new Error(INVALID_CREDENTIALS_MESSAGE);
  }
  signInThrottle.recordSuccess(attempt);
  return { id: user.id, email: user.email, name: user.name };
}

/** A key of its own for session cookies, so they never share key material with encrypted secrets. */
function sessionSecret(gatewaySecret: string): string {
  return createHmac("sha256", gatewaySecret).update("gateway-session-v1").digest("base64url");
}

/**
 * Without NEXTAUTH_URL, next-auth 4 assumes http://localhost:3000. Trusting the
 * request's host (Next sets x-forwarded-host/-proto) makes sign-in work on any
 * port and behind any proxy, which a self-hosted install needs.
 */
function trustRequestHost(): void {
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
}
