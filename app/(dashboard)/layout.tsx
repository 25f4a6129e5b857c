import type { ReactNode } from "react";
import Link from "next/link";
import { Globe } from "lucide-react";
import { Logo } from "@/components/brand/logo";
import { AppHeader } from "@/components/dashboard/app-header";
import { SidebarNav } from "@/components/dashboard/sidebar-nav";
import { requireTenant } from "@/app/_lib/tenant";
import { PAGE_ORGANIZATION_ATTRIBUTE } from "@/lib/http/organization-header";

/**
 * The signed-in shell. Guards on the server: no session → /login, no organization → /no-organization.
 * It carries the id of the clinic it shows, which every API request of the page names (lib/http/tenant-fetch.ts).
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const ctx = await requireTenant();
  const pageOrganization = { [PAGE_ORGANIZATION_ATTRIBUTE]: ctx.organization.id };
  return (
    <div className="flex min-h-dvh" {...pageOrganization}>
      <a href="#main" className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2">
        Skip to content
      </a>
      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50 md:flex">
        <div className="flex h-14 items-center px-5">
          <Link href="/" className="rounded-md">
            <Logo />
          </Link>
        </div>
        <div className="flex-1 overflow-y-auto py-3">
          <SidebarNav />
        </div>
        <div className="flex items-center gap-2 border-t border-zinc-200 px-5 py-3 text-xs text-zinc-500">
          <Globe className="size-3.5 shrink-0" aria-hidden="true" />
          <span className="truncate" title="The clinic's time zone: every time in Callboard is shown in it">
            {ctx.organization.timezone.replaceAll("_", " ")}
          </span>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <AppHeader ctx={ctx} />
        <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-10 lg:py-8">
          <div className="mx-auto w-full max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
