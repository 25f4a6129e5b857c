import type { TenantContext } from "@/lib/auth/tenant-context";
import { MobileNav } from "@/components/dashboard/mobile-nav";
import { OrgAvatar } from "@/components/dashboard/org-avatar";
import { OrgSwitcher } from "@/components/dashboard/org-switcher";
import { UserMenu } from "@/components/dashboard/user-menu";
import { roleLabel } from "@/components/dashboard/role";

/** Organization on the left (a switcher only when there is a choice), the user on the right. */
export function AppHeader({ ctx }: { ctx: TenantContext }) {
  return (
    <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-zinc-200 bg-white/90 px-4 backdrop-blur sm:px-6">
      <MobileNav organizationName={ctx.organization.name} />
      <div className="min-w-0 flex-1">
        {ctx.organizations.length > 1 ? (
          <OrgSwitcher organizations={ctx.organizations} activeId={ctx.organization.id} />
        ) : (
          <div className="flex min-w-0 items-center gap-2 py-1 pl-1 text-sm font-medium text-zinc-900">
            <OrgAvatar name={ctx.organization.name} />
            <span className="truncate">{ctx.organization.name}</span>
          </div>
        )}
      </div>
      <UserMenu name={ctx.user.name} email={ctx.user.email} role={roleLabel(ctx.role)} />
    </header>
  );
}
