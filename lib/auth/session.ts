// Who is signed in, for server components and route handlers. The session
// cookie only proves who signed in; the user is looked up again so a deleted
// account stops working at once.
import { cache } from "react";
import { getServerSession } from "next-auth/next";
import { db } from "../db";
import { getAuthOptions } from "./options";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

/** The signed-in user, or null. Memoised per request, so layouts and pages share one lookup. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  let session;
  try {
    session = await getServerSession(getAuthOptions());
  } catch (error) {
    // Called outside an HTTP request (a script, a unit test): nobody is signed in.
    if (error instanceof Error && error.message.includes("outside a request scope")) return null;
    throw error;
  }
  const userId = session?.user?.id;
  if (!userId) return null;
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
});

export async function getSessionUserId(): Promise<string | null> {
  return (await getSessionUser())?.id ?? null;
}
