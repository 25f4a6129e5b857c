import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-medium text-brand-700 tabular-nums">404</p>
      <h1 className="mt-2 text-xl font-semibold text-zinc-900">This page doesn’t exist</h1>
      <p className="mt-2 text-sm text-zinc-500">The link may be old, or the address mistyped.</p>
      <Link href="/" className={buttonVariants({ variant: "outline", className: "mt-6" })}>
        Go to the overview
      </Link>
    </main>
  );
}
