"use client";

import { useState } from "react";
import { Menu } from "lucide-react";
import { Dialog, DialogDescription, DialogTitle, DialogTrigger, SheetContent } from "@/components/ui/dialog";
import { Logo } from "@/components/brand/logo";
import { SidebarNav } from "@/components/dashboard/sidebar-nav";

/** Under the md breakpoint the sidebar becomes a sheet behind a menu button. */
export function MobileNav({ organizationName }: { organizationName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className="-ml-1.5 rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 md:hidden">
        <Menu className="size-5" aria-hidden="true" />
        <span className="sr-only">Open navigation</span>
      </DialogTrigger>
      <SheetContent>
        <div className="flex h-14 items-center border-b border-zinc-200 px-5">
          <Logo />
        </div>
        <DialogTitle className="sr-only">Navigation</DialogTitle>
        <DialogDescription className="sr-only">Sections of {organizationName}</DialogDescription>
        <div className="flex-1 bg-zinc-50 py-4">
          <SidebarNav onNavigate={() => setOpen(false)} />
        </div>
      </SheetContent>
    </Dialog>
  );
}
