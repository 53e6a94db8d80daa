import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUserId } from "@/lib/auth/session";
import { safeCallbackUrl } from "../safe-callback-url";
import { SignInForm } from "./page-client";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl } = await searchParams;
  const destination = safeCallbackUrl(callbackUrl);
  if (await getSessionUserId()) redirect(destination);
  return <SignInForm destination={destination} />;
}
