// GET|POST /api/auth/* – next-auth's own endpoints (csrf, session, sign-in callback, sign-out)
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/options";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

function handler(request: NextRequest, context: NextAuthContext): Promise<Response> {
  return NextAuth(request, context, getAuthOptions());
}

export { handler as GET, handler as POST };
