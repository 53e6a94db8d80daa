import Link from "next/link";
import { ProductMark } from "@/components/product-mark";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-4 text-center">
      <ProductMark />
      <div className="max-w-sm">
        <h1 className="text-lg font-semibold">Page not found</h1>
        <p className="mt-2 text-sm text-muted">This page does not exist, or you do not have access to it.</p>
      </div>
      <Link href="/" className="text-sm font-medium text-primary hover:underline">
        Go to your gateway
      </Link>
    </main>
  );
}
