// Frame of the sign-in and sign-up pages: one centred card under the product mark.
import type { ReactNode } from "react";
import { ProductMark } from "@/components/product-mark";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <div className="mb-8">
        <ProductMark />
      </div>
      <div className="w-full max-w-sm rounded-xl border border-border bg-surface p-8 shadow-sm">{children}</div>
    </main>
  );
}
