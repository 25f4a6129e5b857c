"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { ChevronsUpDown, Loader2 } from "lucide-react";
import { toast } from "sonner";
import type { OrganizationSummary } from "@/lib/auth/tenant-context";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { readProblem } from "@/components/forms/problem";
import { OrgAvatar } from "@/components/dashboard/org-avatar";
import { roleLabel } from "@/components/dashboard/role";

/** Lists the user's organizations; choosing one remembers it on the server and re-renders the page for it. */
export function OrgSwitcher({ organizations, activeId }: { organizations: OrganizationSummary[]; activeId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const active = organizations.find((o) => o.id === activeId);

  function switchTo(organizationId: string) {
    const target = organizations.find((o) => o.id === organizationId);
    if (!target || organizationId === activeId) return;
    startTransition(async () => {
      try {
        // Plain fetch, not tenantFetch: switching is the way out of a clinic this page shows and the user has
        // left, so it must not be refused for naming it; the target in the body is checked against memberships.
        const response = await fetch("/api/organizations/active", {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ organizationId }),
        });
        if (!response.ok) {
          const problem = await readProblem(response);
          toast.error(problem.status === 404 ? `You no longer have access to ${target.name}.` : (problem.detail ?? "Could not switch organization."));
          router.refresh();
          return;
        }
        router.refresh();
        toast.success(`Switched to ${target.name}`);
      } catch {
        toast.error("Could not reach Callboard to switch organization. Check your connection and try again.");
      }
    });
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex max-w-full min-w-0 items-center gap-2 rounded-md py-1 pr-2 pl-1 text-sm font-medium text-zinc-900 hover:bg-zinc-100 data-[state=open]:bg-zinc-100"
        disabled={pending}
      >
        <OrgAvatar name={active?.name ?? "?"} />
        <span className="truncate">{active?.name ?? "Choose organization"}</span>
        <span className="sr-only">Switch organization</span>
        {pending ? (
          <Loader2 className="size-4 shrink-0 animate-spin text-zinc-400" aria-hidden="true" />
        ) : (
          <ChevronsUpDown className="size-4 shrink-0 text-zinc-400" aria-hidden="true" />
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-80 max-w-[calc(100vw-2rem)]">
        <DropdownMenuLabel>Organizations</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={activeId} onValueChange={switchTo}>
          {organizations.map((org) => (
            <DropdownMenuRadioItem key={org.id} value={org.id}>
              <OrgAvatar name={org.name} />
              <span className="min-w-0 flex-1 truncate">{org.name}</span>
              <span className="text-xs text-zinc-500">{roleLabel(org.role)}</span>
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
