// The front door: a signed-in user goes to their first organization's gateway,
// everyone else to sign-in.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { listUserOrganizations } from "@/lib/auth/organization-access";
import { getSessionUser } from "@/lib/auth/session";
import { ProductMark } from "@/components/product-mark";
import { SignOutButton } from "@/components/sign-out-button";
import { visibleTabs } from "./[org]/gateway/tabs";

export const metadata: Metadata = { title: "Gateway" };

export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const [first] = await listUserOrganizations(user.id);
  // Straight to the first tab: /[org]/gateway only redirects once its layout renders the tabs.
  if (first) redirect(`/${first.slug}/gateway/${visibleTabs(first.role)[0].segment}`);

  // Possible when an admin removed this user from their last organization.
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-4 text-center">
      <ProductMark />
      <div className="max-w-sm">
        <h1 className="text-lg font-semibold">You are not in any organization</h1>
        <p className="mt-2 text-sm text-muted">
          Signed in as {user.email}. Ask an admin to invite you, or sign out and use another account.
        </p>
      </div>
      <SignOutButton />
    </main>
  );
}
