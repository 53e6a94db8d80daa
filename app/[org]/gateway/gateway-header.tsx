"use client";
// Top bar: product mark, organization switcher, who is signed in, sign out.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { ProductMark } from "@/components/product-mark";
import { SignOutButton } from "@/components/sign-out-button";

interface GatewayHeaderProps {
  current: string;
  organizations: { slug: string; name: string }[];
  email: string;
}

export function GatewayHeader({ current, organizations, email }: GatewayHeaderProps) {
  const router = useRouter();
  const switcherId = useId();
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-3 px-4 sm:px-6">
        <Link href="/" aria-label="Gateway home" className="shrink-0 rounded-md">
          <ProductMark />
        </Link>
        <span aria-hidden="true" className="text-lg text-border-strong">
          /
        </span>
        <label htmlFor={switcherId} className="sr-only">
          Organization
        </label>
        <select
          id={switcherId}
          value={current}
          onChange={(event) => router.push(`/${event.target.value}/gateway`)}
          className="h-8 max-w-[14rem] truncate rounded-md border border-border-strong bg-surface px-2 text-sm font-medium text-foreground shadow-sm hover:bg-surface-muted"
        >
          {organizations.map((organization) => (
            <option key={organization.slug} value={organization.slug}>
              {organization.name}
            </option>
          ))}
        </select>
        <div className="ml-auto flex min-w-0 items-center gap-3">
          <span className="hidden truncate text-sm text-muted sm:inline" title={email}>
            {email}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
